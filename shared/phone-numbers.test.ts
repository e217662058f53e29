import { describe, expect, it } from 'vitest';
import { conversationKey, normaliseNumber } from './phone-numbers';

describe('normaliseNumber', () => {
  it.each([
    ['+61 411 111 111', undefined, '+61411111111'],
    ['0411 111 111', 'AU', '+61411111111'],
    ['0061-411-111-111', undefined, '+61411111111'],
    ['(415) 555-2671', 'US', '+14155552671'],
  ])('normalises %s (default %s) to %s', (input, country, expected) => {
    expect(normaliseNumber(input, country)).toEqual({ ok: true, e164: expected });
  });

  it.each(['', '   ', 'call me', '+1 23', '+61 411 111 111 111 111', '0411 111 111'])('refuses %j with a reason', (input) => {
    const result = normaliseNumber(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/phone number/);
  });

  it('says several numbers typed together are several, each fine alone, instead of asking for a country code', () => {
    for (const typed of ['0412 345 678, 0498 765 432', '0412345678;0498765432', '0412 345 678 and 0498 765 432', '0412345678\n0498765432', '0412 345 678 0498 765 432', '0412345678 / 0498765432']) {
      const result = normaliseNumber(typed, 'AU');
      expect(result, typed).toMatchObject({ ok: false, reason: expect.stringMatching(/^That is 2 numbers: 0412 ?345 ?678 and 0498 ?765 ?432\. Enter one at a time\.$/) });
    }
    expect(normaliseNumber('+61 412 345 678 +1 415 555 2671, +44 20 7946 0958')).toMatchObject({
      reason: 'That is 3 numbers: +61 412 345 678, +1 415 555 2671 and +44 20 7946 0958. Enter one at a time.',
    });
    expect(normaliseNumber('+61 412 345 678 +1 415 555 2671')).toMatchObject({ reason: 'That is 2 numbers: +61 412 345 678 and +1 415 555 2671. Enter one at a time.' });
    // One number with a trailing comma, or one that is not a number, is not "several".
    expect(normaliseNumber('0412 345 678,', 'AU')).toEqual({ ok: true, e164: '+61412345678' });
    expect(normaliseNumber('0412 345 678 ext 5', 'AU')).toMatchObject({ ok: false, reason: expect.not.stringMatching(/numbers/) });
    expect(normaliseNumber('0412 345 678, 12', 'AU')).toMatchObject({ ok: false, reason: expect.stringMatching(/^12 is not a valid phone number/) });
  });

  it('keeps an unparseable ClickSend sender as its own key', () => {
    expect(conversationKey('ACME')).toBe('ACME');
    expect(conversationKey('+61 422 222 222')).toBe('+61422222222');
  });
});
