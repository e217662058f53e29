// The sync engine against the simulator over loopback HTTP, with real SQLite
// files: backfill, resume, two copies of the app, out-of-order receipts,
// offline and back, and a process killed mid-pass.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/contract';
import { startSimulator, type Simulator } from '../../../simulator/server';
import { ClickSendClient } from '../clicksend/client';
import { listConversations } from '../cache/conversations';
import { openCache, type Db } from '../cache/database';
import { listTemplates } from '../cache/templates';
import { listOutbox } from '../cache/outbox';
import { Outbox } from '../outbox/outbox';
import { SyncEngine, type SyncListener } from './sync-engine';
import { accountCacheRules } from '../session/cache-rules';

const ACCOUNT = { username: 'sync-user', apiKey: 'sync-key' };
const root = resolve(import.meta.dirname, '../../..');
const Driver = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;

interface Copy {
  db: Db;
  engine: SyncEngine;
  statuses: SyncStatus[];
  connection: boolean[];
  directory: number;
}

describe('SyncEngine', () => {
  let sim: Simulator;
  let dir: string;
  const copies: Copy[] = [];

  function copyOfTheApp(file = join(dir, `cache-${copies.length}.sqlite`)): Copy {
    const db = openCache(file, accountCacheRules);
    const client = new ClickSendClient({ baseUrl: sim.url, ...ACCOUNT, backoffMs: 5, timeoutMs: 2000, requestsPerSecond: 1000, maxAttempts: 2 });
    const copy: Copy = { db, statuses: [], connection: [], directory: 0, engine: undefined as unknown as SyncEngine };
    const listener: SyncListener = {
      changes: () => undefined,
      status: (s) => copy.statuses.push(s),
      connection: (online) => copy.connection.push(online),
      unauthorized: () => undefined,
      directoryChanged: () => copy.directory++,
    };
    const outbox = new Outbox({ db, client, changes: () => undefined });
    copy.engine = new SyncEngine({ db, client, outbox, listener, intervalMs: 60_000 });
    copies.push(copy);
    return copy;
  }

  async function pass(copy: Copy): Promise<SyncStatus> {
    copy.engine.start();
    const status = await copy.engine.syncNow({ untilHistoryComplete: true });
    copy.engine.stop();
    return status;
  }

  const count = (db: Db, sql = 'SELECT COUNT(*) FROM messages') => db.prepare(sql).pluck().get() as number;

  beforeEach(async () => {
    sim = await startSimulator({ accounts: [ACCOUNT] });
    dir = mkdtempSync(join(tmpdir(), 'inbox-sync-'));
  });
  afterEach(async () => {
    for (const copy of copies.splice(0)) {
      copy.engine.stop();
      copy.db.close();
    }
    await sim.close();
  });

  it('walks history in pages of 100, newest first and several at once, reporting progress, each message once', async () => {
    sim.seedHistory(ACCOUNT.username, 3_456, { conversations: 240 });
    sim.network.set({ latencyMs: 20 }); // answers overlap only when they take a moment
    const copy = copyOfTheApp();
    const status = await pass(copy);
    expect(status).toMatchObject({ state: 'idle', backfill: null });
    expect(count(copy.db)).toBe(3_456);
    expect(count(copy.db, 'SELECT COUNT(DISTINCT message_id) FROM messages')).toBe(3_456);
    expect(count(copy.db, 'SELECT COUNT(*) FROM conversations')).toBe(240);

    const progress = copy.statuses.map((s) => s.backfill).filter((b) => b !== null);
    // Each page stored moves it on by one (other status changes repeat the last).
    expect(progress.map((p) => p.pagesDone).filter((n, i, all) => n !== all[i - 1])).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
    expect(progress.at(-1)).toMatchObject({ pagesDone: 35, messagesStored: 3_456, estimatedTotal: 3_456 });
    const pages = sim.requests().filter((r) => r.path === '/sms/history' && r.query.includes('date_to='));
    expect(pages).toHaveLength(35);
    expect(pages.every((r) => new URLSearchParams(r.query).get('limit') === '100')).toBe(true);
    expect(pages.every((r) => new URLSearchParams(r.query).get('order_by') === 'date:desc')).toBe(true);
    // Several at once once the first page said how many there are.
    expect(sim.network.peakInFlight).toBeGreaterThanOrEqual(3);
  });

  it('resumes an interrupted backfill where it stopped instead of starting over', async () => {
    sim.seedHistory(ACCOUNT.username, 2_000);
    const file = join(dir, 'resume.sqlite');
    const first = copyOfTheApp(file);
    first.engine.start();
    await expect.poll(() => first.statuses.filter((s) => (s.backfill?.pagesDone ?? 0) >= 7).length, { interval: 2 }).toBeGreaterThan(0);
    first.engine.stop();
    first.db.close();
    copies.splice(copies.indexOf(first), 1);

    const stored = count(openCache(file, accountCacheRules));
    expect(stored).toBeGreaterThanOrEqual(700);
    expect(stored).toBeLessThan(2_000);

    const second = copyOfTheApp(file);
    const pagesDone = second.engine.status.backfill!.pagesDone;
    expect(pagesDone).toBeGreaterThanOrEqual(7);
    const walkPages = () => sim.requests().filter((r) => r.path === '/sms/history' && r.query.includes('date_to='));
    // Pages the stopped copy still had in flight are answered (and logged) after it stopped: let them land.
    await new Promise((r) => setTimeout(r, 300));
    await expect.poll(() => sim.network.inFlight).toBe(0);
    const before = walkPages().length;
    await pass(second);
    expect(count(second.db)).toBe(2_000);
    expect(count(second.db, 'SELECT COUNT(DISTINCT message_id) FROM messages')).toBe(2_000);
    // Only the pages missing were asked for again, the first one not among them.
    expect(walkPages().length - before).toBe(20 - pagesDone);
    expect(walkPages().filter((r) => new URLSearchParams(r.query).get('page') === '1')).toHaveLength(1);
  });

  it('two copies of the app on one account both get every reply', async () => {
    const a = copyOfTheApp();
    const b = copyOfTheApp();
    await pass(a);
    await pass(b);
    sim.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Is the shop open today?' });
    sim.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'Running 5 minutes late' });

    await pass(a); // reads the replies and marks them read at ClickSend
    await pass(b); // finds them in history instead
    for (const copy of [a, b]) {
      const conversations = listConversations(copy.db, 10, 0).items;
      expect(conversations.map((c) => [c.lastBody, c.unreadCount]).sort()).toEqual([
        ['Is the shop open today?', 1],
        ['Running 5 minutes late', 1],
      ]);
    }
    await pass(a);
    await pass(b);
    expect(count(a.db)).toBe(2);
    expect(count(b.db)).toBe(2);
  });

  it('marks a crowd of replies read with one request, after storing every one', async () => {
    const copy = copyOfTheApp();
    await pass(copy);
    for (let i = 0; i < 40; i++) sim.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: `Weekend reply ${i}` });
    await pass(copy);
    expect(count(copy.db, "SELECT COUNT(*) FROM messages WHERE body LIKE 'Weekend reply %' AND unread = 1")).toBe(40);
    expect(sim.requests().filter((r) => r.path.startsWith('/sms/inbound-read'))).toHaveLength(1);
    const client = new ClickSendClient({ baseUrl: sim.url, ...ACCOUNT });
    expect((await client.inboundPage(1)).total).toBe(0);
  });

  it('does not lose a receipt that arrives before its message is known', async () => {
    const copy = copyOfTheApp();
    await pass(copy);
    // Sent from the dashboard: this copy has never seen it.
    const client = new ClickSendClient({ baseUrl: sim.url, ...ACCOUNT });
    const sent = await client.sendSms([{ to: '+61422222222', body: 'Sent from the dashboard', custom_string: 'dashboard-1' }]);
    const messageId = sent.messages[0]!.message_id!;
    sim.deliverReceipt(messageId, { status: 'Delivered' });

    await pass(copy);
    expect(copy.db.prepare('SELECT status, body FROM messages WHERE message_id = ?').get(messageId)).toEqual({
      status: 'Delivered',
      body: 'Sent from the dashboard',
    });
  });

  it('goes offline when ClickSend cannot be reached, backs off, and recovers by itself', async () => {
    const port = Number(new URL(sim.url).port);
    const copy = copyOfTheApp();
    await pass(copy);
    await sim.close();
    const offline = await pass(copy);
    expect(offline).toMatchObject({ state: 'offline', message: expect.stringMatching(/could not be reached/) });
    expect(copy.connection).toEqual([false]);
    expect(copy.engine.nextDelayMs).toBeGreaterThan(0);
    const firstBackoff = copy.engine.nextDelayMs;
    await pass(copy);
    expect(copy.engine.nextDelayMs).toBeGreaterThan(firstBackoff);

    sim = await startSimulator({ port, accounts: [ACCOUNT] });
    sim.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Back online?' });
    const online = await pass(copy);
    expect(online).toMatchObject({ state: 'idle', message: null });
    expect(copy.connection).toEqual([false, true]);
    expect(listConversations(copy.db, 10, 0).items[0]?.lastBody).toBe('Back online?');
  });

  it('mirrors templates and contacts, and names conversations after their contacts', async () => {
    const client = new ClickSendClient({ baseUrl: sim.url, ...ACCOUNT });
    await client.createTemplate({ template_name: 'Reminder', body: 'See you at {time}' });
    const list = await client.createList('Customers');
    const contact = await client.createContact(list.list_id, { phone_number: '+61422222222', first_name: 'Ana', last_name: 'Lima' });
    sim.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Hi!' });

    const copy = copyOfTheApp();
    await pass(copy);
    expect(listTemplates(copy.db)).toEqual([{ templateId: expect.any(Number), name: 'Reminder', body: 'See you at {time}' }]);
    expect(listConversations(copy.db, 10, 0).items[0]?.title).toBe('Ana Lima');

    await client.updateContact(list.list_id, contact.contact_id, { first_name: 'Ana Maria' });
    await pass(copy); // Sync now refreshes contacts at once
    expect(listConversations(copy.db, 10, 0).items[0]?.title).toBe('Ana Maria Lima');
    await client.deleteList(list.list_id);
    await pass(copy);
    expect(listConversations(copy.db, 10, 0).items[0]?.title).toBe('+61 422 222 222');
    expect(copy.directory).toBe(3);
  });

  it('polls faster while the window is focused and slower after long idle', () => {
    let now = 1_000_000;
    const db = openCache(':memory:', accountCacheRules);
    const client = new ClickSendClient({ baseUrl: sim.url, ...ACCOUNT });
    const listener = { changes() {}, status() {}, connection() {}, unauthorized() {}, directoryChanged() {} };
    const engine = new SyncEngine({ db, client, listener, intervalMs: 15_000, focused: false, now: () => now });
    expect(engine.nextDelayMs).toBe(15_000);
    engine.setFocused(true);
    expect(engine.nextDelayMs).toBe(5_000);
    engine.setFocused(false);
    now += 11 * 60_000;
    expect(engine.nextDelayMs).toBe(60_000);
    db.close();
  });
});

describe('SyncEngine in a process killed mid-pass', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = await startSimulator({ accounts: [ACCOUNT] });
  });
  afterEach(() => sim.close());

  const fixture = join(root, 'test-support', 'sync-process.ts');

  /** Starts the child and SIGKILLs it once `ready()` holds; resolves when it is dead. */
  function killWhen(file: string, ready: () => boolean, sendBody?: string): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, sim.url, file, ACCOUNT.username, ACCOUNT.apiKey, ...(sendBody ? [sendBody] : [])], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return new Promise((resolveKilled, reject) => {
      const timer = setInterval(() => {
        if (ready()) child.kill('SIGKILL');
      }, 2);
      child.on('exit', (code, signal) => {
        clearInterval(timer);
        if (signal === 'SIGKILL') resolveKilled();
        else reject(new Error(`the child finished (code ${code}) before it could be killed`));
      });
    });
  }

  async function runToEnd(file: string): Promise<void> {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', fixture, sim.url, file, ACCOUNT.username, ACCOUNT.apiKey], { cwd: root });
    expect(stdout).toContain('"done":true');
  }

  /** Reads the child's cache from outside, as another connection would (WAL allows it). */
  function peekAll(file: string, sql: string): string[] {
    if (!existsSync(file)) return [];
    const db = new Driver(file, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 1000');
      return db.prepare(sql).pluck().all() as string[];
    } catch {
      return []; // not migrated yet
    } finally {
      db.close();
    }
  }
  const peek = (file: string, sql: string) => Number(peekAll(file, sql)[0] ?? 0);

  const historyPages = () => sim.requests().filter((r) => r.path === '/sms/history').length;

  it('loses and doubles nothing when killed during a backfill, an inbound pass and a receipt pass', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'inbox-kill-')), 'cache.sqlite');
    sim.seedHistory(ACCOUNT.username, 3_000);
    sim.addFault({ kind: 'slow', path: '/sms/history', delayMs: 15, count: Infinity });
    await killWhen(file, () => historyPages() >= 12);
    sim.clearFaults();
    const afterFirstKill = peek(file, 'SELECT COUNT(*) FROM messages');
    expect(afterFirstKill).toBeGreaterThan(0);
    expect(afterFirstKill).toBeLessThan(3_000);

    // Replies arrive; the next copy is killed while marking them read.
    for (let i = 0; i < 8; i++) sim.injectInbound({ username: ACCOUNT.username, from: `+614220000${String(i).padStart(2, '0')}`, body: `Reply ${i}` });
    sim.addFault({ kind: 'slow', path: '/sms/inbound-read', delayMs: 30, count: Infinity });
    await killWhen(file, () => sim.requests().filter((r) => r.path.startsWith('/sms/inbound-read')).length >= 3);
    sim.clearFaults();

    // Messages sent from the dashboard get receipts; the next copy is killed while it marks them read.
    const dashboard = new ClickSendClient({ baseUrl: sim.url, ...ACCOUNT });
    const sent = await dashboard.sendSms(Array.from({ length: 30 }, (_, i) => ({ to: `+6143300${String(i).padStart(4, '0')}`, body: `Notice ${i}`, custom_string: `dashboard-${i}` })));
    await runToEnd(file);
    for (const m of sent.messages) sim.deliverReceipt(m.message_id!, { status: 'Undelivered', statusText: 'Handset off' });
    sim.addFault({ kind: 'slow', path: '/sms/receipts-read', delayMs: 500 });
    await killWhen(file, () => sim.arrivals().includes('PUT /sms/receipts-read'));
    sim.clearFaults();

    await runToEnd(file);
    const db = openCache(file, accountCacheRules);
    try {
      expect(db.prepare('SELECT COUNT(*) FROM messages').pluck().get()).toBe(3_038);
      expect(db.prepare('SELECT COUNT(DISTINCT message_id) FROM messages').pluck().get()).toBe(3_038);
      expect(db.prepare("SELECT COUNT(*) FROM messages WHERE body LIKE 'Reply %'").pluck().get()).toBe(8);
      expect(db.prepare("SELECT COUNT(*) FROM messages WHERE status = 'Undelivered'").pluck().get()).toBe(30);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  }, 60_000);

  it('killed with pages of the first sync in flight: after a restart only the missing pages are asked for, every row once', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'inbox-kill-')), 'cache.sqlite');
    sim.seedHistory(ACCOUNT.username, 3_000);
    sim.network.set({ latencyMs: 40 });
    const walkRequests = () => sim.requests().filter((r) => r.path === '/sms/history' && r.query.includes('date_to=')).length;
    await killWhen(file, () => walkRequests() >= 6 && sim.network.inFlight >= 2);
    // What it had in flight is still answered, to no one.
    await new Promise((r) => setTimeout(r, 300));
    await expect.poll(() => sim.network.inFlight).toBe(0);
    sim.network.set({ latencyMs: 0 });
    const cursor = JSON.parse(peekAll(file, "SELECT value FROM sync_state WHERE key = 'backfill'")[0]!) as { done: Array<[number, number]> };
    const pagesDone = cursor.done.reduce((n, [from, to]) => n + to - from + 1, 0);
    // Some pages stored, some not (how many depends on which answers beat the kill).
    expect(pagesDone).toBeGreaterThanOrEqual(1);
    expect(pagesDone).toBeLessThan(30);
    const before = walkRequests();

    await runToEnd(file);
    expect(walkRequests() - before).toBe(30 - pagesDone);
    const db = openCache(file, accountCacheRules);
    try {
      expect(db.prepare('SELECT COUNT(*) FROM messages').pluck().get()).toBe(3_000);
      expect(db.prepare('SELECT COUNT(DISTINCT message_id) FROM messages').pluck().get()).toBe(3_000);
    } finally {
      db.close();
    }
  }, 60_000);

  it('never sends twice when killed while a send is in flight', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'inbox-kill-')), 'cache.sqlite');
    sim.addFault({ kind: 'slow', path: '/sms/send', delayMs: 300 });
    // Killed while the request is in flight: the outbox says submitting, no answer has come back.
    await killWhen(file, () => sim.arrivals().includes('POST /sms/send'), 'Sent as the power went');
    expect(peekAll(file, 'SELECT state FROM outbox')).toEqual(['submitting']);
    expect(sim.sent()).toHaveLength(0);
    await expect.poll(() => sim.sent().length, { timeout: 2_000 }).toBe(1); // ClickSend still sends it

    await runToEnd(file);
    await runToEnd(file);
    expect(sim.sent().map((s) => s.body)).toEqual(['Sent as the power went']);
    const db = openCache(file, accountCacheRules);
    try {
      expect(db.prepare("SELECT message_id, status FROM messages WHERE direction = 'out'").all()).toEqual([
        { message_id: sim.sent()[0]!.message_id, status: 'Queued' },
      ]);
      expect(listOutbox(db)).toEqual([]);
    } finally {
      db.close();
    }
  }, 60_000);
});
