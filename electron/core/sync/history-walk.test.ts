// The first sync's walk (issue 17) against the simulator over loopback HTTP
// and a real SQLite file: newest first, pages that shift under it, a 429
// storm in the middle, and a window that stays fixed while rows arrive.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../simulator/server';
import { ClickSendClient } from '../clicksend/client';
import { openCache, type Db } from '../cache/database';
import type { IngestResult } from '../cache/ingest';
import { readCursor } from '../cache/sync-state';
import { SMS } from '../messages/kinds';
import { HistoryWalk } from './history-walk';
import { accountCacheRules } from '../session/cache-rules';

const ACCOUNT = { username: 'walk-user', apiKey: 'walk-key' };

describe('the first sync walks history', () => {
  let sim: Simulator;
  let db: Db;
  let client: ClickSendClient;
  const stored: IngestResult[] = [];

  beforeEach(async () => {
    sim = await startSimulator({ accounts: [ACCOUNT] });
    db = openCache(join(mkdtempSync(join(tmpdir(), 'inbox-walk-')), 'cache.sqlite'), accountCacheRules);
    client = new ClickSendClient({ baseUrl: sim.url, ...ACCOUNT, backoffMs: 5, timeoutMs: 2_000, requestsPerSecond: 1000 });
    stored.length = 0;
  });
  afterEach(async () => {
    db.close();
    await sim.close();
  });

  const walk = (abort = new AbortController()) =>
    new HistoryWalk({ kind: SMS, db, client, signal: abort.signal, now: Date.now, stored: (r) => stored.push(r), progress: () => undefined });
  const count = (sql = 'SELECT COUNT(*) FROM messages') => db.prepare(sql).pluck().get() as number;
  const everyRowOnce = (n: number) => {
    expect(count()).toBe(n);
    expect(count('SELECT COUNT(DISTINCT message_id) FROM messages')).toBe(n);
  };

  it('stores the newest page first, so today’s conversations show before older history', async () => {
    sim.seedHistory(ACCOUNT.username, 1_500, { conversations: 60 });
    await walk().run();
    everyRowOnce(1_500);
    const newestStored = Math.max(...stored[0]!.added.map((m) => m.createdAt));
    expect(newestStored).toBe(db.prepare('SELECT MAX(created_at) FROM messages').pluck().get());
    expect(readCursor(db, 'backfill')).toMatchObject({ complete: true, walks: 1, total: 1_500 });
  });

  it('rows arriving during the walk (after its window) neither shift its pages nor make it walk again', async () => {
    sim.seedHistory(ACCOUNT.username, 1_000, { conversations: 40 });
    sim.network.set({ latencyMs: 15 });
    let arrived = 0;
    const interval = setInterval(() => {
      sim.injectInbound({ username: ACCOUNT.username, from: `+6142${String(arrived++).padStart(7, '0')}`, body: 'New reply', timestamp: sim.now() + 60 });
    }, 5);
    try {
      await walk().run();
    } finally {
      clearInterval(interval);
    }
    expect(arrived).toBeGreaterThan(3);
    everyRowOnce(1_000);
    expect(readCursor(db, 'backfill')).toMatchObject({ walks: 1, shifted: false });
  });

  it('pages that shift under it (rows landing late inside its window) are walked again: nothing lost, nothing doubled', async () => {
    sim.seedHistory(ACCOUNT.username, 1_200, { conversations: 40, startTimestamp: sim.now() - 100_000 });
    sim.network.set({ latencyMs: 15 });
    const abort = new AbortController();
    const running = walk(abort).run();
    // Part way through, 150 rows appear with dates inside the window.
    await expect.poll(() => count(), { interval: 5 }).toBeGreaterThan(300);
    sim.seedHistory(ACCOUNT.username, 150, { conversations: 10, startTimestamp: sim.now() - 200_000 });
    await running;
    // Those dated after the window are the incremental pull's; all the others are here, once.
    const inWindow = db.prepare("SELECT COUNT(*) FROM messages").pluck().get() as number;
    expect(inWindow).toBeGreaterThan(1_200);
    expect(count('SELECT COUNT(DISTINCT message_id) FROM messages')).toBe(inWindow);
    const cursor = readCursor(db, 'backfill')!;
    expect(cursor).toMatchObject({ complete: true, walks: 2 });
    const windowRows = (await client.historyPage({ date_to: cursor.windowEnd, limit: 15 })).total;
    expect(inWindow).toBe(windowRows);
  });

  it('a 429 storm in the middle: fewer at once, Retry-After honoured, and every row once', async () => {
    sim.seedHistory(ACCOUNT.username, 2_000, { conversations: 50 });
    sim.network.set({ latencyMs: 15 });
    const running = walk().run();
    await expect.poll(() => count(), { interval: 5 }).toBeGreaterThan(300);
    sim.addFault({ kind: '429', path: '/sms/history', retryAfter: 0.3, count: 12 });
    const stormAt = performance.now();
    await running;
    expect(sim.requests().filter((r) => r.fault === '429')).toHaveLength(12);
    // Twelve refusals, each asking for 0.3 s: the walk waited rather than hammering.
    expect(performance.now() - stormAt).toBeGreaterThan(300);
    everyRowOnce(2_000);
  });
});
