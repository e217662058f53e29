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

  it('holds a message with a picture to a picture message\'s rules, in words, and one without to an SMS\'s', async () => {
    const send = vi.fn(async () => ({}) as never);
    const price = vi.fn(async () => ({}) as never);
    const dispatch = dispatcherWith({ 'messages.send': send, 'messages.price': price });
    const to = '+61411111111';
    const picture = { attachmentId: '0b6c5f0e-3d1a-4c8e-9a77-2f1d3c4b5a69', subject: 'Photo' };
    const refusals: Array<[Record<string, unknown>, string]> = [
      [{ to, body: 'x'.repeat(1501), picture }, "A picture message's text can be at most 1,500 characters."],
      [{ to, body: '😀'.repeat(251), picture }, "With emoji or characters outside the standard SMS set, a picture message's text can be at most 500 characters."],
      [{ to, body: '', picture }, 'Write a few words to go with the picture: ClickSend sends a picture with text.'],
      [{ to, body: 'Here it is', picture: { ...picture, subject: ' ' } }, 'A picture message needs a subject (ClickSend requires one).'],
      [{ to, body: 'Here it is', picture: { ...picture, subject: 'x'.repeat(21) } }, 'A subject can be at most 20 characters.'],
    ];
    for (const [params, message] of refusals) {
      for (const name of ['messages.send', 'messages.price'] as const) {
        expect(await dispatch(name, params), `${name} ${message}`).toEqual({ ok: false, error: { code: 'INVALID_REQUEST', message, action: null } });
      }
    }
    expect(send).not.toHaveBeenCalled();
    expect(price).not.toHaveBeenCalled();
    // Without a picture the same long text is an SMS of several parts.
    expect(await dispatch('messages.send', { to, body: 'x'.repeat(1501) })).toMatchObject({ ok: true });
    expect(await dispatch('messages.price', { to, body: 'Here it is', picture })).toMatchObject({ ok: true });
    expect(price).toHaveBeenCalledWith({ to, body: 'Here it is', picture });
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
