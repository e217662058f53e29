// The core end to end in plain Node: real SQLite, the real keychain, real
// HTTP to the ClickSend simulator on 127.0.0.1.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/server';
import type { Reply, Session } from '../../shared/contract';
import { createKeytarStore } from './credentials/keychain';
import { Inbox, type InboxEvent } from './inbox';
import { consoleLogger } from './log';

const ACCOUNT = { username: 'core-user', apiKey: `key-${randomUUID()}` };

function value<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`expected success, got ${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

async function until<T>(probe: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs = 8000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`condition not met; last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every file the app wrote, as text, to prove the key is in none of them. */
function everythingWritten(dir: string): string {
  let text = '';
  for (const entry of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, entry);
    if (statSync(path).isFile()) text += readFileSync(path).toString('latin1');
  }
  return text;
}

describe('Inbox core against the simulator', () => {
  let simulator: Simulator;
  let dataDir: string;
  let service: string;
  let inboxes: Inbox[];

  const makeInbox = async (apiUrl = simulator.url) => {
    const inbox = new Inbox({
      config: { apiUrl, dataDir },
      secrets: createKeytarStore(service),
      log: consoleLogger,
      syncIntervalMs: 200,
      clientTimeoutMs: 2000,
    });
    inboxes.push(inbox);
    await inbox.start();
    return inbox;
  };

  beforeEach(async () => {
    simulator = await startSimulator({ accounts: [{ ...ACCOUNT, balance: 20 }] });
    dataDir = mkdtempSync(join(tmpdir(), 'inbox-core-'));
    service = `ClickSend Inbox test ${randomUUID()}`;
    inboxes = [];
  });

  afterEach(async () => {
    for (const inbox of inboxes) await inbox.stop();
    await simulator.close();
  });

  it('refuses wrong credentials with the API’s message and stores nothing', async () => {
    const inbox = await makeInbox();
    const reply = await inbox.dispatch('session.signIn', { username: ACCOUNT.username, apiKey: 'wrong' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS', message: 'Your username or API key is incorrect.' } });
    expect(await createKeytarStore(service).get(ACCOUNT.username)).toBeNull();
  });

  it('signs in, backfills history and inbound into SQLite, and lists conversations', async () => {
    simulator.seedHistory(ACCOUNT.username, 250, { conversations: 12 });
    simulator.injectInbound({ username: ACCOUNT.username, from: '+61499999999', body: 'New reply' });
    const inbox = await makeInbox();
    const events: InboxEvent[] = [];
    inbox.onEvent((e) => events.push(e));

    const session = value<Session>(await inbox.dispatch('session.signIn', ACCOUNT));
    expect(session).toMatchObject({ state: 'signed-in', account: { username: ACCOUNT.username } });
    expect(await createKeytarStore(service).get(ACCOUNT.username)).toBe(ACCOUNT.apiKey);

    const conversations = await until(
      async () => value<Array<{ phone: string; unreadCount: number; lastBody: string }>>(await inbox.dispatch('conversations.list', { limit: 100 })),
      (list) => list.length >= 13,
    );
    expect(conversations.find((c) => c.phone === '+61499999999')).toMatchObject({ unreadCount: 1, lastBody: 'New reply' });
    expect(events.some((e) => e.name === 'sync.status' && e.payload.backfill !== null)).toBe(true);
    expect(events.some((e) => e.name === 'messages.added')).toBe(true);
    // The reply was committed, then marked read at ClickSend.
    await until(() => simulator.requests().some((r) => r.method === 'PUT' && r.path.startsWith('/sms/inbound-read/')), Boolean);
  });

  it('sends a message, shows it Queued, then Delivered from the receipt', async () => {
    const inbox = await makeInbox();
    value(await inbox.dispatch('session.signIn', ACCOUNT));
    const sent = value<{ id: number; status: string; messageId: string; conversationId: number }>(
      await inbox.dispatch('messages.send', { to: '+61 422 222 222', body: 'Your order is ready' }),
    );
    expect(sent.status).toBe('Queued');
    expect(simulator.sent(ACCOUNT.username)).toHaveLength(1);
    simulator.deliverReceipt(sent.messageId);
    const delivered = await until(
      async () => value<Array<{ id: number; status: string }>>(await inbox.dispatch('messages.list', { conversationId: sent.conversationId, limit: 10 })),
      (list) => list[0]?.status === 'Delivered',
    );
    expect(delivered).toHaveLength(1);
  });

  it('reports an invalid recipient for that message instead of a success', async () => {
    const inbox = await makeInbox();
    value(await inbox.dispatch('session.signIn', ACCOUNT));
    const reply = await inbox.dispatch('messages.send', { to: 'not a number', body: 'hi' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_NUMBER' } });
    expect(simulator.sent(ACCOUNT.username)).toHaveLength(0);
  });

  it('restores the session and cache after a restart with ClickSend unreachable, and says it is offline', async () => {
    simulator.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'Cached reply' });
    const first = await makeInbox();
    value(await first.dispatch('session.signIn', ACCOUNT));
    await until(async () => value<unknown[]>(await first.dispatch('conversations.list', { limit: 10 })), (l) => l.length === 1);
    await first.stop();
    await simulator.close();

    const second = await makeInbox();
    const events: InboxEvent[] = [];
    second.onEvent((e) => events.push(e));
    expect(value<Session>(await second.dispatch('session.get', {})).state).toBe('signed-in');
    const list = value<Array<{ lastBody: string }>>(await second.dispatch('conversations.list', { limit: 10 }));
    expect(list.map((c) => c.lastBody)).toEqual(['Cached reply']);
    await until(() => events.some((e) => e.name === 'connection.changed' && !e.payload.online), Boolean);
    simulator = await startSimulator(); // for afterEach
  });

  it('signs out: the key leaves the keychain, and no file ever held it', async () => {
    const inbox = await makeInbox();
    value(await inbox.dispatch('session.signIn', ACCOUNT));
    await inbox.dispatch('sync.now', {});
    expect(everythingWritten(dataDir)).not.toContain(ACCOUNT.apiKey);
    const session = value<Session>(await inbox.dispatch('session.signOut', {}));
    expect(session.state).toBe('signed-out');
    expect(await createKeytarStore(service).get(ACCOUNT.username)).toBeNull();
  });

  it('pauses and asks to sign in again when the key is rotated elsewhere, keeping the cache', async () => {
    const inbox = await makeInbox();
    value(await inbox.dispatch('session.signIn', ACCOUNT));
    const events: InboxEvent[] = [];
    inbox.onEvent((e) => events.push(e));
    simulator.addAccount({ username: ACCOUNT.username, apiKey: 'rotated' });
    const changed = await until(
      () => events.find((e) => e.name === 'session.changed' && e.payload.state === 'signed-out'),
      Boolean,
    );
    expect(changed?.payload).toMatchObject({ notice: expect.stringMatching(/Sign in again/) });
  });

  it('keeps several accounts, each with its own cache, and switches between them', async () => {
    const other = { username: 'sub-account', apiKey: `key-${randomUUID()}` };
    simulator.addAccount({ ...other, balance: 5 });
    simulator.injectInbound({ username: ACCOUNT.username, from: '+61411111111', body: 'For the main account' });
    simulator.injectInbound({ username: other.username, from: '+61422222222', body: 'For the sub-account' });
    const inbox = await makeInbox();
    const bodies = async () =>
      value<Array<{ lastBody: string }>>(await inbox.dispatch('conversations.list', { limit: 10 })).map((c) => c.lastBody);

    value(await inbox.dispatch('session.signIn', ACCOUNT));
    await until(bodies, (b) => b.length === 1);
    value(await inbox.dispatch('session.signIn', other));
    expect(await until(bodies, (b) => b.length === 1)).toEqual(['For the sub-account']);

    const switched = value<Session>(await inbox.dispatch('accounts.switch', { username: ACCOUNT.username }));
    expect(switched).toMatchObject({ state: 'signed-in', account: { username: ACCOUNT.username }, accounts: [ACCOUNT.username, other.username] });
    expect(await bodies()).toEqual(['For the main account']);
    expect(await inbox.dispatch('accounts.switch', { username: 'stranger' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACCOUNT' } });
  });

  it('asks to sign in again when the key was deleted from the keychain behind its back', async () => {
    const first = await makeInbox();
    value(await first.dispatch('session.signIn', ACCOUNT));
    await first.stop();
    await createKeytarStore(service).delete(ACCOUNT.username);
    const second = await makeInbox();
    expect(value<Session>(await second.dispatch('session.get', {}))).toMatchObject({
      state: 'signed-out',
      notice: expect.stringMatching(/no longer in the system keychain/),
      savedAccounts: [ACCOUNT.username],
    });
  });
});
