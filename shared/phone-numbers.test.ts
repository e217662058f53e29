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

  it('keeps an unparseable ClickSend sender as its own key', () => {
    expect(conversationKey('ACME')).toBe('ACME');
    expect(conversationKey('+61 422 222 222')).toBe('+61422222222');
  });
});
