import { describe, expect, it, vi } from 'vitest';
import { ClickSendError } from '../clicksend/errors';
import { createDispatcher, type Handlers } from './dispatch';
import { InboxError } from '../errors/inbox-error';

const log = { error: vi.fn(), warn: vi.fn(), info: vi.fn() };

function dispatcherWith(overrides: Partial<Handlers>) {
  const refuse = async () => {
    throw new Error('not under test');
  };
  const handlers = new Proxy(overrides, { get: (target, key) => target[key as keyof Handlers] ?? refuse }) as Handlers;
  return createDispatcher(handlers, log);
}

describe('contract dispatch', () => {
  it('rejects unknown request names', async () => {
    const dispatch = dispatcherWith({});
    expect(await dispatch('fs.readFile', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_REQUEST' } });
    expect(await dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_REQUEST' } });
  });

  it('validates payloads before any handler runs', async () => {
    const signIn = vi.fn();
    const dispatch = dispatcherWith({ 'session.signIn': signIn });
    expect(await dispatch('session.signIn', { username: '', apiKey: 'k' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_REQUEST', message: 'Enter your API username.' },
    });
    expect(await dispatch('session.signIn', { username: 'u', apiKey: 'k', extra: 1 })).toMatchObject({ ok: false });
    expect(await dispatch('messages.list', { conversationId: 'x', limit: 10 })).toMatchObject({ ok: false });
    expect(await dispatch('messages.send', { to: '+61411111111', body: 'x'.repeat(1601) })).toMatchObject({ ok: false });
    expect(signIn).not.toHaveBeenCalled();
  });

  it('passes parsed parameters and returns the value', async () => {
    const dispatch = dispatcherWith({ 'conversations.list': async ({ limit, offset }) => [{ limit, offset }] as never });
    expect(await dispatch('conversations.list', { limit: 5 })).toEqual({ ok: true, value: [{ limit: 5, offset: 0 }] });
  });

  it('turns failures into user errors without stacks or secrets', async () => {
    const dispatch = dispatcherWith({
      'account.refresh': async () => {
        throw new ClickSendError({ kind: 'application', endpoint: 'GET /account', detail: 'x', code: 'INSUFFICIENT_CREDIT' });
      },
      'sync.now': async () => {
        throw new InboxError('SIGNED_OUT', 'Sign in first.', null);
      },
      'session.get': async () => {
        throw new TypeError('cannot read properties of undefined (secret-key-123)');
      },
    });
    expect(await dispatch('account.refresh', {})).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_CREDIT', action: expect.stringMatching(/Top up/) } });
    expect(await dispatch('sync.now', {})).toMatchObject({ ok: false, error: { code: 'SIGNED_OUT' } });
    const internal = await dispatch('session.get', {});
    expect(internal).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Something went wrong in the app.', action: expect.any(String) } });
    expect(JSON.stringify(internal)).not.toContain('secret-key-123');
  });
});
