import { describe, expect, it } from 'vitest';
import { ClickSendError, explainApplicationCode } from './errors';

const codes = [
  'INVALID_CREDENTIALS',
  'MISSING_CREDENTIALS',
  'ACCOUNT_NOT_ACTIVATED',
  'INSUFFICIENT_CREDIT',
  'INVALID_RECIPIENT',
  'THROTTLED',
  'INVALID_SENDER_ID',
  'COUNTRY_NOT_ENABLED',
  'EMPTY_MESSAGE',
  'TOO_MANY_RECIPIENTS',
  'MISSING_REQUIRED_FIELDS',
  'INVALID_SCHEDULE',
  'NOT_ENOUGH_PERMISSION_TO_LIST_ID',
  'ALREADY_EXISTS',
  'REGISTRATION_NEEDED',
  'LINK_GENERATION_FAILED',
  'INTERNAL_ERROR',
  'SOMETHING_IS_WRONG',
];

describe('ClickSend error words', () => {
  it.each(codes)('explains %s in its own words', (code) => {
    const { message } = explainApplicationCode(code);
    expect(message).not.toMatch(/answered/);
    expect(message.length).toBeGreaterThan(10);
  });

  it('gives distinct messages to distinct codes', () => {
    const messages = new Set(codes.map((c) => explainApplicationCode(c).message));
    expect(messages.size).toBe(codes.length);
  });

  it('says what to do where there is something to do', () => {
    expect(explainApplicationCode('INSUFFICIENT_CREDIT').action).toMatch(/Top up/);
    expect(explainApplicationCode('INVALID_RECIPIENT').action).toMatch(/country code/);
  });

  it('keeps an unknown code readable', () => {
    expect(explainApplicationCode('NEW_THING').message).toBe('ClickSend answered new thing.');
  });

  it.each([
    [{ kind: 'network' as const }, /could not be reached/],
    [{ kind: 'timeout' as const }, /too long/],
    [{ kind: 'http' as const, status: 503 }, /trouble/],
    [{ kind: 'http' as const, status: 429 }, /slow down/],
    [{ kind: 'http' as const, status: 401 }, /did not accept/],
    [{ kind: 'http' as const, status: 400 }, /could not accept this request/],
    [{ kind: 'http' as const, status: 403 }, /refused/],
    [{ kind: 'http' as const, status: 404 }, /could not find/],
    [{ kind: 'http' as const, status: 405 }, /does not allow/],
    [{ kind: 'http' as const, status: 400, code: 'INVALID_RECIPIENT' }, /not valid/],
    [{ kind: 'aborted' as const }, /cancelled/],
    [{ kind: 'invalid-response' as const }, /^ClickSend answered in a way this app does not understand\.$/],
  ])('maps %o to plain words', (init, expected) => {
    const error = new ClickSendError({ endpoint: 'GET /account', detail: 'x', ...init });
    expect(error.toUserError().message).toMatch(expected);
  });
});
