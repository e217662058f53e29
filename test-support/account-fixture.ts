// For core tests: a fresh ClickSend simulator with one account, an empty
// in-memory cache and a client for that account, for every test of the
// describe block that calls it, closed after each. Real parts: real HTTP on
// 127.0.0.1, a real SQLite database.
import { afterEach, beforeEach } from 'vitest';
import { startSimulator, type Simulator } from '../simulator/server';
import { openCache, type Db } from '../electron/core/cache/database';
import { ClickSendClient, type ClickSendClientOptions } from '../electron/core/clicksend/client';
import { accountCacheRules } from '../electron/core/session/cache-rules';

export interface AccountFixture {
  readonly sim: Simulator;
  readonly db: Db;
  readonly client: ClickSendClient;
}

export function useAccountFixture(
  account: { username: string; apiKey: string; balance?: number },
  client: Partial<ClickSendClientOptions> = {},
): AccountFixture {
  let current: { sim: Simulator; db: Db; client: ClickSendClient } | null = null;
  beforeEach(async () => {
    const sim = await startSimulator({ accounts: [account] });
    current = {
      sim,
      db: openCache(':memory:', accountCacheRules),
      // Fast retries and time-outs: the tests wait for the simulator's faults, not for back-off.
      client: new ClickSendClient({ baseUrl: sim.url, username: account.username, apiKey: account.apiKey, backoffMs: 5, timeoutMs: 1000, ...client }),
    };
  });
  afterEach(async () => {
    current?.db.close();
    await current?.sim.close();
    current = null;
  });
  const now = () => {
    if (!current) throw new Error('useAccountFixture: used outside a test');
    return current;
  };
  return {
    get sim() {
      return now().sim;
    },
    get db() {
      return now().db;
    },
    get client() {
      return now().client;
    },
  };
}

/** How many messages the cache holds, of every kind (the app never asks). */
export function countMessages(db: Db): number {
  return db.prepare('SELECT COUNT(*) FROM messages').pluck().get() as number;
}
