// A damaged cache file, found when the app starts or while it runs: the
// file is kept aside, the user is told, and the cache is rebuilt from
// ClickSend by itself. Real files, the real keychain, the simulator.
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../simulator/server';
import type { Session } from '../../shared/contract';
import { value } from '../../test-support/core';
import { useInboxFixture } from '../../test-support/inbox-fixture';
import type { Inbox } from './inbox';
import { accountCachePath } from './session/session-file';

const ACCOUNT = { username: 'damaged-user', apiKey: `key-${randomUUID()}` };
const MESSAGES = 600;
const CONVERSATIONS = 20;
const Driver = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;

describe('a damaged cache', () => {
  const fixture = useInboxFixture('inbox-damaged-');
  let simulator: Simulator;

  const makeInbox = (syncIntervalMs = 200) => fixture.inbox({ apiUrl: simulator.url, syncIntervalMs, clientTimeoutMs: 2000 });
  const total = async (inbox: Inbox) => {
    const reply = await inbox.dispatch('conversations.list', { filter: 'all', limit: 5 });
    return reply.ok ? (reply.value as { total: number }).total : -1;
  };
  const messagesStored = async (inbox: Inbox) => {
    const page = value<{ items: Array<{ id: number }> }>(await inbox.dispatch('conversations.list', { filter: 'all', limit: CONVERSATIONS }));
    let n = 0;
    for (const c of page.items) n += value<unknown[]>(await inbox.dispatch('messages.list', { conversationId: c.id, limit: 200 })).length;
    return n;
  };
  const cacheFile = () => accountCachePath(fixture.dataDir, ACCOUNT.username);
  const setAside = () => readdirSync(dirname(cacheFile())).filter((f) => f.startsWith('cache.sqlite.damaged-') && !/-(wal|shm)$/.test(f));

  /** Signed in, the whole history cached, then the app closed. */
  async function cachedThenClosed(): Promise<void> {
    const inbox = await makeInbox();
    value(await inbox.dispatch('session.signIn', ACCOUNT));
    await expect.poll(() => messagesStored(inbox), { timeout: 15_000 }).toBe(MESSAGES);
    await inbox.stop();
  }

  async function expectRebuilt(inbox: Inbox): Promise<void> {
    const session = value<Session>(await inbox.dispatch('session.get', {}));
    expect(session).toMatchObject({
      state: 'signed-in',
      notice: expect.stringMatching(/^The saved copy of your messages was damaged\. It was kept aside as cache\.sqlite\.damaged-\S+ and is being rebuilt from ClickSend\.$/),
    });
    expect(setAside()).toHaveLength(1);
    await expect.poll(() => messagesStored(inbox), { timeout: 15_000 }).toBe(MESSAGES);
    expect(await total(inbox)).toBe(CONVERSATIONS);
  }

  beforeEach(async () => {
    simulator = await fixture.simulator({ accounts: [{ ...ACCOUNT, balance: 20 }] });
    simulator.seedHistory(ACCOUNT.username, MESSAGES, { conversations: CONVERSATIONS });
  });

  it('a file that is not a database at all: kept aside byte for byte, the user told, the cache rebuilt', async () => {
    await cachedThenClosed();
    const garbage = randomBytes(statSync(cacheFile()).size);
    writeFileSync(cacheFile(), garbage);

    const inbox = await makeInbox();
    await expectRebuilt(inbox);
    expect(readFileSync(join(dirname(cacheFile()), setAside()[0]!)).equals(garbage)).toBe(true);
  });

  it('a truncated file (a copy cut short): kept aside, the cache rebuilt', async () => {
    await cachedThenClosed();
    truncateSync(cacheFile(), Math.floor(statSync(cacheFile()).size * 0.6));
    await expectRebuilt(await makeInbox());
  });

  it('damage found while the app runs: the request says so in plain words, and the cache is rebuilt at once', async () => {
    const inbox = await makeInbox(60_000);
    value(await inbox.dispatch('session.signIn', ACCOUNT));
    await expect.poll(() => messagesStored(inbox), { timeout: 15_000 }).toBe(MESSAGES);

    // Another connection commits (so the app's page cache is dropped) and
    // checkpoints; then everything after the schema page is overwritten.
    const other = new Driver(cacheFile());
    other.exec('CREATE TABLE scratch (x); DROP TABLE scratch;');
    other.pragma('wal_checkpoint(TRUNCATE)');
    other.close();
    const fd = openSync(cacheFile(), 'r+');
    writeSync(fd, randomBytes(statSync(cacheFile()).size - 4096), 0, undefined, 4096);
    closeSync(fd);

    const reply = await inbox.dispatch('conversations.list', { filter: 'all', limit: 5 });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'STORAGE_CORRUPT', message: 'The saved copy of your messages is damaged.', action: 'The app keeps the damaged file aside and rebuilds the copy from ClickSend.' },
    });
    await expectRebuilt(inbox);
    expect(existsSync(cacheFile())).toBe(true);
  });
});
