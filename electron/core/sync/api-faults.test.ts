// ClickSend misbehaving under a running sync: each fault from the
// simulator's book, on the real client and a real SQLite file. Each ends
// with every message stored exactly once, with the app either riding the
// fault out or saying what happened and recovering on a later pass.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/contract';
import { startSimulator, type FaultSpec, type Simulator } from '../../../simulator/server';
import { ClickSendClient } from '../clicksend/client';
import { openCache, type Db } from '../cache/database';
import { SyncEngine } from './sync-engine';
import { accountCacheRules } from '../session/cache-rules';

const ACCOUNT = { username: 'faults-user', apiKey: 'faults-key' };
const HISTORY = 1_000;

describe('sync through API faults', () => {
  let sim: Simulator;
  let db: Db;
  let engine: SyncEngine;
  let statuses: SyncStatus[];

  beforeEach(async () => {
    sim = await startSimulator({ accounts: [ACCOUNT] });
    sim.seedHistory(ACCOUNT.username, HISTORY, { conversations: 50 });
    db = openCache(join(mkdtempSync(join(tmpdir(), 'inbox-api-faults-')), 'cache.sqlite'), accountCacheRules);
    const client = new ClickSendClient({ baseUrl: sim.url, ...ACCOUNT, backoffMs: 5, timeoutMs: 500, requestsPerSecond: 1000 });
    statuses = [];
    engine = new SyncEngine({
      db,
      client,
      intervalMs: 60_000,
      listener: {
        changes: () => undefined,
        status: (s) => statuses.push(s),
        connection: () => undefined,
        unauthorized: () => undefined,
        directoryChanged: () => undefined,
      },
    });
    engine.start();
  });

  afterEach(async () => {
    engine.stop();
    db.close();
    await sim.close();
  });

  const count = (sql = 'SELECT COUNT(*) FROM messages') => db.prepare(sql).pluck().get() as number;
  const everyMessageOnce = (n = HISTORY) => {
    expect(count()).toBe(n);
    expect(count('SELECT COUNT(DISTINCT message_id) FROM messages')).toBe(n);
  };
  const faultsHit = (kind: string) => sim.requests().filter((r) => r.fault === kind).length;

  it.each<[string, FaultSpec]>([
    ['a burst of 500s', { kind: '500', path: '/sms/history', count: 3 }],
    ['a 429 storm with Retry-After', { kind: '429', path: '/sms/history', retryAfter: 0.2, count: 3 }],
    ['connections dropped mid-response', { kind: 'drop', path: '/sms/history', count: 2 }],
  ])('%s during the first sync is retried through in the same walk', async (_, fault) => {
    sim.addFault(fault);
    expect(await engine.syncNow({ untilHistoryComplete: true })).toMatchObject({ state: 'idle', message: null, backfill: null });
    expect(faultsHit(fault.kind)).toBe(fault.count);
    everyMessageOnce();
  });

  it.each<[string, FaultSpec, RegExp]>([
    ['stalls (the time-out fires)', { kind: 'stall', path: '/sms/history', count: Infinity }, /^ClickSend took too long to answer\.$/],
    ['malformed JSON', { kind: 'malformed', path: '/sms/history', count: Infinity }, /^ClickSend answered in a way this app does not understand\.$/],
    ['truncated JSON', { kind: 'truncated', path: '/sms/history', count: Infinity }, /^ClickSend answered in a way this app does not understand\.$/],
    ['a SUCCESS envelope whose data has the wrong shape', { kind: 'wrong-shape', path: '/sms/history', count: Infinity }, /^ClickSend answered in a way this app does not understand\.$/],
    ['500s beyond the retries', { kind: '500', path: '/sms/history', count: Infinity }, /^ClickSend had an internal error\.$/],
  ])('%s: the walk stops and says so in plain words; once the fault ends, the next pass stores everything once', async (_, fault, words) => {
    sim.addFault(fault);
    const failed = await engine.syncNow({ untilHistoryComplete: true });
    expect(failed.message).toMatch(words);
    sim.clearFaults();
    expect(await engine.syncNow({ untilHistoryComplete: true })).toMatchObject({ state: 'idle', message: null, backfill: null });
    everyMessageOnce();
  });

  it('pages whose contents shift during the backfill (new rows arriving) neither lose nor repeat a message', async () => {
    let arrived = 0;
    const interval = setInterval(() => {
      // Replies and sends land at ClickSend while the walk is under way.
      for (let i = 0; i < 7; i++) sim.injectInbound({ username: ACCOUNT.username, from: `+6142${String(arrived++).padStart(7, '0')}`, body: `During ${arrived}` });
    }, 3);
    try {
      await engine.syncNow({ untilHistoryComplete: true });
    } finally {
      clearInterval(interval);
    }
    expect(arrived).toBeGreaterThan(0);
    await engine.syncNow(); // the poll after it
    everyMessageOnce(HISTORY + arrived);
  });
});
