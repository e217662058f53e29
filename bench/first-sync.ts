// The first hour of a real user (issue 17): a first sync against a stand-in
// for ClickSend that answers every request after 200 ms and allows 25
// requests a second per account, as the app runs it (the core's Inbox, its
// sync engine and client, a real SQLite cache). Measures messages stored per
// second beside the ceiling the limit allows, when the newest conversation
// is in the list, requests in flight at the peak, and 429s met; checks that
// every row is stored once.
//   node --import tsx bench/first-sync.ts [rows…]   (default 20000)
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../shared/contract';
import { openCache } from '../electron/core/cache/database';
import { Inbox } from '../electron/core/inbox';
import { accountCachePath } from '../electron/core/session/session-file';
import type { SecretStore } from '../electron/core/credentials/keychain';
import { startSimulatorProcess } from '../simulator/process';
import { round } from './measure';

export const LATENCY_MS = 200;
export const RATE_LIMIT = 25;
const ROWS_PER_PAGE = 100;

const quietLog = { error: () => undefined, warn: () => undefined, info: () => undefined };

/** The bench measures sync, not the keychain: keys in memory. */
function memorySecrets(): SecretStore {
  const keys = new Map<string, string>();
  return {
    get: async (a) => keys.get(a) ?? null,
    set: async (a, k) => void keys.set(a, k),
    delete: async (a) => keys.delete(a),
  };
}

export interface FirstSyncResult {
  rows: number;
  seconds: number;
  messagesPerSecond: number;
  ceilingPerSecond: number;
  ratioToCeiling: number;
  newestConversationSeconds: number;
  peakInFlight: number;
  rateLimited: number;
  requests: number;
  storedOnce: boolean;
}

export async function firstSync(rows: number): Promise<FirstSyncResult> {
  const account = { username: 'first-sync', apiKey: `bench-${randomUUID()}` };
  const sim = await startSimulatorProcess(account);
  try {
    await sim.control('POST', '/seed-history', { username: account.username, n: rows, conversations: Math.max(10, Math.round(rows / 20)) });
    // The conversation a user needs first: the one with the newest message (asked before the link slows down).
    const auth = `Basic ${Buffer.from(`${account.username}:${account.apiKey}`).toString('base64')}`;
    const newest = (await (await fetch(`${sim.url}/sms/history?order_by=date:desc&limit=15`, { headers: { Authorization: auth } })).json()) as {
      data: { data: Array<{ direction: string; from: string; to: string; date: number }> };
    };
    const row = newest.data.data[0]!;
    const newestPhone = row.direction === 'in' ? row.from : row.to;
    const newestAtMs = row.date * 1000;
    await sim.control('POST', '/network', { latencyMs: LATENCY_MS, rateLimitPerSecond: RATE_LIMIT, resetCounters: true });

    const dataDir = mkdtempSync(join(tmpdir(), 'bench-first-sync-'));
    const inbox = new Inbox({
      config: { apiUrl: sim.url, dataDir },
      secrets: memorySecrets(),
      log: quietLog,
      syncIntervalMs: 5_000,
    });
    const started = performance.now();
    let newestAt: number | null = null;
    let doneAt: number | null = null;
    const list = async () => {
      const reply = await inbox.dispatch('conversations.list', { limit: 5 });
      return reply.ok ? (reply.value as Result<'conversations.list'>) : null;
    };
    const finished = new Promise<void>((resolve) => {
      inbox.onEvent((event) => {
        if (event.name !== 'sync.status') return;
        const status = event.payload;
        if (status.state === 'idle' && status.backfill === null && status.lastSyncedAt !== null && doneAt === null) {
          doneAt = performance.now();
          resolve();
        }
      });
    });
    const reply = await inbox.dispatch('session.signIn', account);
    if (!reply.ok) throw new Error(`sign-in failed: ${reply.error.message}`);
    // Watch the list as the window would: is the newest conversation at the top, with its newest message?
    while (newestAt === null) {
      const top = (await list())?.items[0];
      if (top?.phone === newestPhone && top.lastMessageAt >= newestAtMs) newestAt = performance.now();
      else await new Promise((r) => setTimeout(r, 25));
    }
    await finished;
    const network = (await sim.control('GET', '/network')) as { peakInFlight: number; rateLimited: number };
    const requests = ((await sim.control('GET', '/requests')) as unknown[]).length;
    await inbox.stop();
    const stored = countStored(dataDir, account.username);
    const seconds = (doneAt! - started) / 1000;
    const ceiling = RATE_LIMIT * ROWS_PER_PAGE;
    return {
      rows,
      seconds: round(seconds, 1),
      messagesPerSecond: Math.round(rows / seconds),
      ceilingPerSecond: ceiling,
      ratioToCeiling: round(rows / seconds / ceiling, 2),
      newestConversationSeconds: round((newestAt - started) / 1000, 2),
      peakInFlight: network.peakInFlight,
      rateLimited: network.rateLimited,
      requests,
      storedOnce: stored.count === rows && stored.distinct === rows,
    };
  } finally {
    sim.stop();
  }
}

/** Rows in the account's cache, and distinct message ids among them (read after the engine stopped). */
function countStored(dataDir: string, username: string): { count: number; distinct: number } {
  const db = openCache(accountCachePath(dataDir, username), null);
  try {
    return db.prepare('SELECT COUNT(*) AS count, COUNT(DISTINCT message_id) AS "distinct" FROM messages').get() as { count: number; distinct: number };
  } finally {
    db.close();
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  for (const rows of sizes.length ? sizes : [20_000]) {
    console.log(JSON.stringify(await firstSync(rows)));
  }
}
