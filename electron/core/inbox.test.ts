// The core end to end in plain Node: real SQLite, the real keychain, real
// HTTP to the ClickSend simulator on 127.0.0.1.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../simulator/server';
import type { Result, Session } from '../../shared/contract';
import { clicksendAs, until, value } from '../../test-support/core';
import { useInboxFixture } from '../../test-support/inbox-fixture';
import type { Inbox, InboxEvent } from './inbox';

const ACCOUNT = { username: 'core-user', apiKey: `key-${randomUUID()}` };

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
  const fixture = useInboxFixture('inbox-core-');
  let simulator: Simulator;

  const makeInbox = (apiUrl = simulator.url) => fixture.inbox({ apiUrl, syncIntervalMs: 200, clientTimeoutMs: 2000 });

  beforeEach(async () => {
    simulator = await fixture.simulator({ accounts: [{ ...ACCOUNT, balance: 20 }] });
  });

  it('refuses wrong credentials with the API’s message and stores nothing', async () => {
    const inbox = await makeInbox();
    const reply = await inbox.dispatch('session.signIn', { username: ACCOUNT.username, apiKey: 'wrong' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_CREDENTIALS', message: 'Your username or API key is incorrect.' } });
    expect(await fixture.keychain.get(ACCOUNT.username)).toBeNull();
  });

  it('signs in, backfills history and inbound into SQLite, and lists conversations', async () => {
    simulator.seedHistory(ACCOUNT.username, 250, { conversations: 12 });
    simulator.injectInbound({ username: ACCOUNT.username, from: '+61499999999', body: 'New reply' });
    const inbox = await makeInbox();
    const events: InboxEvent[] = [];
    inbox.onEvent((e) => events.push(e));

    const session = value<Session>(await inbox.dispatch('session.signIn', ACCOUNT));
    expect(session).toMatchObject({ state: 'signed-in', account: { username: ACCOUNT.username } });
    expect(await fixture.keychain.get(ACCOUNT.username)).toBe(ACCOUNT.apiKey);

    const conversations = await until(
      async () => value<{ items: Array<{ phone: string; unreadCount: number; lastBody: string }> }>(await inbox.dispatch('conversations.list', { limit: 100 })).items,
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
    await until(async () => value<{ items: unknown[] }>(await first.dispatch('conversations.list', { limit: 10 })).items, (l) => l.length === 1);
    await first.stop();
    await simulator.close();

    const second = await makeInbox();
    const events: InboxEvent[] = [];
    second.onEvent((e) => events.push(e));
    expect(value<Session>(await second.dispatch('session.get', {})).state).toBe('signed-in');
    const list = value<{ items: Array<{ lastBody: string }> }>(await second.dispatch('conversations.list', { limit: 10 })).items;
    expect(list.map((c) => c.lastBody)).toEqual(['Cached reply']);
    await until(() => events.some((e) => e.name === 'connection.changed' && !e.payload.online), Boolean);
  });

  it('signs out: the key leaves the keychain, and no file ever held it', async () => {
    const inbox = await makeInbox();
    value(await inbox.dispatch('session.signIn', ACCOUNT));
    await inbox.dispatch('sync.now', {});
    expect(everythingWritten(fixture.dataDir)).not.toContain(ACCOUNT.apiKey);
    const session = value<Session>(await inbox.dispatch('session.signOut', {}));
    expect(session.state).toBe('signed-out');
    expect(await fixture.keychain.get(ACCOUNT.username)).toBeNull();
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
      value<{ items: Array<{ lastBody: string }> }>(await inbox.dispatch('conversations.list', { limit: 10 })).items.map((c) => c.lastBody);

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
    await fixture.keychain.delete(ACCOUNT.username);
    const second = await makeInbox();
    expect(value<Session>(await second.dispatch('session.get', {}))).toMatchObject({
      state: 'signed-out',
      notice: expect.stringMatching(/^The API key for core-user was not found in the system keychain: .* or sign in again\.$/),
      savedAccounts: [ACCOUNT.username],
    });
  });

  describe('the conversations experience', () => {
    type Page = Result<'conversations.list'>;
    const list = async (inbox: Inbox, filter: string) =>
      value<Page>(await inbox.dispatch('conversations.list', { filter: filter as 'all', limit: 50 }));

    it('filters the list by unread, scheduled and failed, and marks unread and read', async () => {
      simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Unread reply' });
      const inbox = await makeInbox();
      value(await inbox.dispatch('session.signIn', ACCOUNT));
      await until(() => list(inbox, 'unread'), (p) => p.total === 1);
      value(await inbox.dispatch('messages.send', { to: '+61433333333', body: 'Delivered fine' }));
      simulator.addAccount({ ...ACCOUNT, balance: 0 });
      value(await inbox.dispatch('messages.send', { to: '+61444444444', body: 'No credit' }));

      expect((await list(inbox, 'all')).total).toBe(3);
      expect((await list(inbox, 'failed')).items.map((c) => [c.phone, c.lastStatusLabel, c.lastTone])).toEqual([['+61444444444', 'Failed', 'bad']]);
      expect((await list(inbox, 'scheduled')).total).toBe(0);
      expect((await list(inbox, 'all')).counts).toEqual({ unread: 1, failed: 1, scheduled: 0, optedOut: 0, archived: 0 });
      // A customer's message shows no status of ours.
      expect((await list(inbox, 'unread')).items.map((c) => [c.lastBody, c.lastStatusLabel])).toEqual([['Unread reply', null]]);

      const [unread] = (await list(inbox, 'unread')).items;
      value(await inbox.dispatch('conversations.markRead', { conversationId: unread!.id }));
      expect((await list(inbox, 'unread')).total).toBe(0);
      value(await inbox.dispatch('conversations.markUnread', { conversationId: unread!.id }));
      expect((await list(inbox, 'unread')).items.map((c) => c.unreadCount)).toEqual([1]);
    });

    it('a message ClickSend could not deliver offers Send again, which sends the same text once more and clears Failed', async () => {
      const inbox = await makeInbox();
      value(await inbox.dispatch('session.signIn', ACCOUNT));
      const sent = value<{ id: number; messageId: string; actions: string[] }>(
        await inbox.dispatch('messages.send', { to: '+61422222222', body: 'Your order is ready' }),
      );
      expect(sent.actions).toEqual([]);
      simulator.deliverReceipt(sent.messageId, { status: 'Failed', statusText: 'Message expired before delivery.' });
      const failed = await until(
        async () => value<Array<{ id: number; statusLabel: string; problem: string | null; actions: string[] }>>(
          await inbox.dispatch('messages.list', { conversationId: (await list(inbox, 'all')).items[0]!.id, limit: 10 }),
        )[0]!,
        (m) => m.statusLabel === 'Failed',
      );
      expect(failed).toMatchObject({ problem: 'Message expired before delivery.', actions: ['sendAgain'] });
      expect((await list(inbox, 'all')).counts.failed).toBe(1);
      // Retry is for a message ClickSend never took; this one it took.
      expect(await inbox.dispatch('messages.retry', { id: failed.id })).toMatchObject({ ok: false, error: { code: 'NOT_RETRYABLE' } });

      const again = value<{ id: number; body: string }>(await inbox.dispatch('messages.sendAgain', { id: failed.id }));
      expect(again.id).not.toBe(failed.id);
      expect(simulator.sent().map((m) => m.body)).toEqual(['Your order is ready', 'Your order is ready']);
      expect((await list(inbox, 'failed')).total).toBe(0);
      expect((await list(inbox, 'all')).counts.failed).toBe(0);
      // Delivered now: nothing to send again.
      expect(await inbox.dispatch('messages.sendAgain', { id: again.id })).toMatchObject({ ok: false, error: { code: 'NOT_SENDABLE_AGAIN' } });
    });

    it('the balance follows what is sent, without signing in again', async () => {
      const inbox = await makeInbox();
      const session = value<Session>(await inbox.dispatch('session.signIn', ACCOUNT));
      expect(session).toMatchObject({ account: { balance: '20.00' } });
      const balances: string[] = [];
      inbox.onEvent((e) => {
        if (e.name === 'session.changed' && e.payload.state === 'signed-in') balances.push(e.payload.account.balance);
      });
      for (const body of ['One', 'Two', 'x'.repeat(200)]) value(await inbox.dispatch('messages.send', { to: '+61422222222', body }));
      // Four parts at $0.0792, read again after the sends.
      await until(() => balances, (b) => b.at(-1) === '19.6832');
    });

    it('pages a thread around a message and forwards from it', async () => {
      const inbox = await makeInbox();
      value(await inbox.dispatch('session.signIn', ACCOUNT));
      const sent = [];
      for (let i = 0; i < 30; i++) {
        sent.push(value<{ id: number; conversationId: number }>(await inbox.dispatch('messages.send', { to: '+61422222222', body: `Message ${i}` })));
      }
      const conversationId = sent[0]!.conversationId;
      const around = value<Array<{ body: string }>>(await inbox.dispatch('messages.list', { conversationId, aroundId: sent[10]!.id, limit: 10 }));
      expect(around.map((m) => m.body)).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5].map((i) => `Message ${i}`));
      const newer = value<Array<{ body: string }>>(await inbox.dispatch('messages.list', { conversationId, afterId: sent[27]!.id, limit: 10 }));
      expect(newer.map((m) => m.body)).toEqual(['Message 29', 'Message 28']);
      const both = await inbox.dispatch('messages.list', { conversationId, afterId: 1, beforeId: 2, limit: 10 });
      expect(both).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    });

    it('keeps a draft per number across a restart, and drops it when the message is sent', async () => {
      let inbox = await makeInbox();
      value(await inbox.dispatch('session.signIn', ACCOUNT));
      value(await inbox.dispatch('drafts.save', { phone: '+61422222222', body: 'Half-written…' }));
      await inbox.stop();
      inbox = await makeInbox();
      expect(value(await inbox.dispatch('drafts.get', { phone: '+61422222222' }))).toBe('Half-written…');
      expect(value(await inbox.dispatch('drafts.get', { phone: '+61433333333' }))).toBe('');
      value(await inbox.dispatch('messages.send', { to: '+61422222222', body: 'Half-written, now finished' }));
      expect(value(await inbox.dispatch('drafts.get', { phone: '+61422222222' }))).toBe('');
    });

    it('reads a typed number with the account’s country, or the one in settings, and prices a message', async () => {
      const inbox = await makeInbox();
      value(await inbox.dispatch('session.signIn', ACCOUNT));
      // The simulator's account is in Australia.
      expect(value(await inbox.dispatch('conversations.forNumber', { number: '0422 222 222' }))).toMatchObject({
        phone: '+61422222222',
        title: '+61 422 222 222',
        conversation: null,
      });
      value(await inbox.dispatch('settings.update', { defaultCountry: 'US' }));
      expect(value(await inbox.dispatch('conversations.forNumber', { number: '(201) 555-0123' }))).toMatchObject({ phone: '+12015550123' });
      expect(await inbox.dispatch('conversations.forNumber', { number: '12ab' })).toMatchObject({ ok: false, error: { code: 'INVALID_NUMBER' } });
      expect(await inbox.dispatch('settings.update', { defaultCountry: 'USA' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/two-letter/) } });

      const price = value<{ parts: number; total: string }>(await inbox.dispatch('messages.price', { to: '+61422222222', body: 'x'.repeat(161) }));
      expect(price).toMatchObject({ parts: 2, total: '0.1584' });
      expect(simulator.sent()).toHaveLength(0);
    });
  });

  it('a corrupt settings file is kept aside and the signed-in user is told, nothing else changes', async () => {
    writeFileSync(join(fixture.dataDir, 'settings.json'), '{"theme": "dark",');
    const inbox = await makeInbox();
    const session = value<{ notice: string | null }>(await inbox.dispatch('session.signIn', ACCOUNT));
    expect(session.notice).toMatch(/settings file could not be read/);
    expect(value(await inbox.dispatch('settings.get', {}))).toMatchObject({ theme: 'system' });
    expect(readdirSync(fixture.dataDir).some((f) => f.startsWith('settings.corrupt-'))).toBe(true);
  });

  describe('notifications and the unread badge', () => {
    const shown = (events: InboxEvent[]) => events.filter((e) => e.name === 'notification.show').map((e) => e.payload);
    const passes = async (inbox: Inbox, n = 1) => {
      for (let i = 0; i < n; i++) await inbox.dispatch('sync.now', {});
    };

    it('a restored session carries its unread count for the badge; signing out takes it to zero', async () => {
      simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Unread 1' });
      simulator.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'Unread 2' });
      const first = await makeInbox();
      value(await first.dispatch('session.signIn', ACCOUNT));
      await passes(first);
      await first.stop();

      const restored = await makeInbox();
      expect(restored.unreadCount()).toBe(2);
      expect(value<Session>(await restored.dispatch('session.get', {}))).toMatchObject({ state: 'signed-in', unread: 2 });
      const events: InboxEvent[] = [];
      restored.onEvent((e) => events.push(e));
      value(await restored.dispatch('session.signOut', {}));
      expect(events.filter((e) => e.name === 'unread.changed').map((e) => e.payload)).toEqual([{ count: 0 }]);
    });

    it('notifies a new reply, but not history from the first sync, nor the conversation open in the focused window', async () => {
      simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Old unread reply' });
      const inbox = await makeInbox();
      const events: InboxEvent[] = [];
      inbox.onEvent((e) => events.push(e));
      value(await inbox.dispatch('session.signIn', ACCOUNT));
      await passes(inbox);
      expect(shown(events)).toEqual([]);
      const unread = events.filter((e) => e.name === 'unread.changed').map((e) => e.payload);
      expect(unread.at(-1)).toEqual({ count: 1 });

      simulator.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'Are you <b>open</b>?' });
      await passes(inbox);
      expect(shown(events)).toEqual([{ title: '+61 433 333 333', body: 'Are you <b>open</b>?', conversationId: expect.any(Number), sound: true }]);
      expect(events.filter((e) => e.name === 'unread.changed').at(-1)?.payload).toEqual({ count: 2 });

      const open = (shown(events)[0] as { conversationId: number }).conversationId;
      value(await inbox.dispatch('app.presence', { focused: true, openConversationId: open }));
      simulator.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'Hello again' });
      await passes(inbox);
      expect(shown(events)).toHaveLength(1);
      value(await inbox.dispatch('app.presence', { focused: false, openConversationId: open }));
      simulator.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'Anyone there?' });
      await passes(inbox);
      expect(shown(events)).toHaveLength(2);
    });

    it('numbers put in the ClickSend opt-out list elsewhere reach the window as one change for all their conversations', async () => {
      const numbers = ['+61411111111', '+61422222222', '+61433333333'];
      for (const from of numbers) simulator.injectInbound({ username: ACCOUNT.username, from, body: 'Hello' });
      const first = await makeInbox();
      value(await first.dispatch('session.signIn', ACCOUNT));
      await until(async () => value<Session & { state: 'signed-in' }>(await first.dispatch('session.get', {})).sync, (s) => s.lastSyncedAt !== null && s.backfill === null);
      const ids = value<Result<'conversations.list'>>(await first.dispatch('conversations.list', { limit: 10 })).items.map((c) => c.id).sort();
      expect(ids).toHaveLength(3);
      // Closed with its first sync done, so the next run's window hears only what changes.
      await first.stop();

      // Meanwhile the dashboard, or another copy of the app, lists all three.
      const clicksend = clicksendAs(simulator, ACCOUNT);
      const list = await clicksend('POST', '/lists', { list_name: 'Opt-outs' });
      for (const phone_number of numbers) await clicksend('POST', `/lists/${list.list_id}/contacts`, { phone_number });
      const inbox = await makeInbox();
      const events: InboxEvent[] = [];
      inbox.onEvent((e) => events.push(e));
      await passes(inbox);
      const changedAmong = () =>
        events.flatMap((e) => (e.name === 'conversations.changed' && e.payload.conversationIds.some((id) => ids.includes(id)) ? [e.payload.conversationIds] : []));
      await until(changedAmong, (changes) => ids.every((id) => changes.flat().includes(id)));
      expect(changedAmong().map((changed) => [...changed].sort())).toEqual([ids]);
      expect(value<Result<'conversations.list'>>(await inbox.dispatch('conversations.list', { limit: 10 })).counts.optedOut).toBe(3);
    });

    it('groups a crowd into one summary, and is quiet while paused', async () => {
      const inbox = await makeInbox();
      const events: InboxEvent[] = [];
      inbox.onEvent((e) => events.push(e));
      value(await inbox.dispatch('session.signIn', ACCOUNT));
      await passes(inbox);
      for (let i = 0; i < 6; i++) simulator.injectInbound({ username: ACCOUNT.username, from: `+6142222222${i}`, body: `Reply ${i}` });
      await passes(inbox);
      expect(shown(events)).toEqual([expect.objectContaining({ title: '6 new replies', body: expect.stringMatching(/^From /) })]);

      const settings = value<{ notificationsPausedUntil: number }>(await inbox.dispatch('notifications.pause', { choice: 'hour' }));
      expect(settings.notificationsPausedUntil).toBeGreaterThan(Date.now());
      simulator.injectInbound({ username: ACCOUNT.username, from: '+61499999999', body: 'While paused' });
      await passes(inbox);
      expect(shown(events)).toHaveLength(1);
      value(await inbox.dispatch('notifications.pause', { choice: 'resume' }));
      simulator.injectInbound({ username: ACCOUNT.username, from: '+61499999999', body: 'After the pause' });
      await passes(inbox);
      expect(shown(events)).toHaveLength(2);
    });

    it('pin, archive and mute: pinned on top, archived out of the list until the customer writes again, muted replies unread but silent', async () => {
      const inbox = await makeInbox();
      const events: InboxEvent[] = [];
      inbox.onEvent((e) => events.push(e));
      // A minute apart: ClickSend stamps to the second, and a tie would order by arrival.
      const now = simulator.now();
      ['+61411111111', '+61422222222', '+61433333333'].forEach((from, i) =>
        simulator.injectInbound({ username: ACCOUNT.username, from, body: `Hello from ${from}`, timestamp: now - 300 + i * 60 }),
      );
      value(await inbox.dispatch('session.signIn', ACCOUNT));
      await passes(inbox);
      type Page = Result<'conversations.list'>;
      const list = async (filter: 'all' | 'archived' = 'all') =>
        value<Page>(await inbox.dispatch('conversations.list', { filter, limit: 10, offset: 0 }));
      const [newest, middle, oldest] = (await list()).items;
      expect([newest!.phone, middle!.phone, oldest!.phone]).toEqual(['+61433333333', '+61422222222', '+61411111111']);

      // Pinned: on top whatever comes in; the rest by activity, pages included.
      expect(value(await inbox.dispatch('conversations.setFlags', { conversationId: oldest!.id, pinned: true }))).toMatchObject({ pinned: true });
      expect((await list()).items.map((c) => c.phone)).toEqual(['+61411111111', '+61433333333', '+61422222222']);
      expect(value<Page>(await inbox.dispatch('conversations.list', { limit: 2, offset: 1 })).items.map((c) => c.phone)).toEqual(['+61433333333', '+61422222222']);

      // Archived: out of All, in Archived, back by itself on a new reply.
      value(await inbox.dispatch('conversations.setFlags', { conversationId: middle!.id, archived: true }));
      expect((await list()).items.map((c) => c.phone)).toEqual(['+61411111111', '+61433333333']);
      expect((await list('archived')).items.map((c) => c.phone)).toEqual(['+61422222222']);
      expect((await list()).counts.archived).toBe(1);
      simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Me again' });
      await passes(inbox);
      expect((await list()).items.map((c) => [c.phone, c.archived])).toEqual([['+61411111111', false], ['+61422222222', false], ['+61433333333', false]]);

      // Muted: counted as unread, never notified.
      value(await inbox.dispatch('conversations.setFlags', { conversationId: newest!.id, muted: true }));
      const before = events.filter((e) => e.name === 'notification.show').length;
      simulator.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'Shh' });
      await passes(inbox);
      expect(events.filter((e) => e.name === 'notification.show')).toHaveLength(before);
      expect((await list()).items.find((c) => c.id === newest!.id)).toMatchObject({ muted: true, unreadCount: 2 });
      // Kept across a restart of the app.
      await inbox.stop();
      const again = await makeInbox();
      expect(value<Page>(await again.dispatch('conversations.list', { limit: 10, offset: 0 })).items.map((c) => [c.phone, c.pinned, c.muted])).toEqual([
        ['+61411111111', true, false],
        ['+61433333333', false, true],
        ['+61422222222', false, false],
      ]);
    });
  });
});
