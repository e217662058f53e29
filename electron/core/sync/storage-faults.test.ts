// The cache file failing under a running app: locked by another process, or
// the disk full (simulated with max_page_count, which makes SQLite fail
// writes with the same SQLITE_FULL a full disk gives). Real SQLite files,
// real HTTP to the simulator. Nothing may be lost, marked read or sent
// while the cache cannot record it; all of it follows once it can.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/contract';
import { startSimulator, type Simulator } from '../../../simulator/server';
import { ClickSendClient } from '../clicksend/client';
import { openCache, type Db } from '../cache/database';
import { ingestMessages } from '../cache/ingest';
import { listOutbox } from '../cache/outbox';
import type { StorageFault } from '../cache/storage-faults';
import { Outbox } from '../outbox/outbox';
import { SyncEngine } from './sync-engine';
import { accountCacheRules } from '../session/cache-rules';

const ACCOUNT = { username: 'storage-user', apiKey: 'storage-key' };
const root = resolve(import.meta.dirname, '../../..');

/** Another process holding the cache's write lock until released. */
async function holdWriteLock(file: string): Promise<{ release(): Promise<void> }> {
  const holder: ChildProcess = spawn(
    process.execPath,
    [
      '-e',
      `const db = new (require('better-sqlite3'))(process.argv[1]);
       db.exec('BEGIN EXCLUSIVE');
       process.stdout.write('locked\\n');
       process.stdin.on('end', () => { db.exec('COMMIT'); db.close(); process.exit(0); });
       process.stdin.resume();`,
      file,
    ],
    { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  await new Promise<void>((ok, fail) => {
    holder.stdout!.once('data', () => ok());
    holder.once('exit', (code) => fail(new Error(`lock holder exited early (${code})`)));
  });
  return {
    release: () =>
      new Promise<void>((ok) => {
        holder.once('exit', () => ok());
        holder.stdin!.end();
      }),
  };
}

describe('the cache file failing under a running app', () => {
  let sim: Simulator;
  let dir: string;
  let db: Db;
  let engine: SyncEngine;
  let outbox: Outbox;
  let faults: StorageFault[];
  let api: ClickSendClient;

  beforeEach(async () => {
    sim = await startSimulator({ accounts: [{ ...ACCOUNT, balance: 50 }] });
    dir = mkdtempSync(join(tmpdir(), 'inbox-storage-'));
    db = openCache(join(dir, 'cache.sqlite'), accountCacheRules);
    const client = new ClickSendClient({ baseUrl: sim.url, ...ACCOUNT, backoffMs: 5, timeoutMs: 2000, requestsPerSecond: 1000, maxAttempts: 2 });
    api = new ClickSendClient({ baseUrl: sim.url, ...ACCOUNT, requestsPerSecond: 1000 });
    faults = [];
    outbox = new Outbox({ db, client, changes: () => undefined });
    engine = new SyncEngine({
      db,
      client,
      outbox,
      intervalMs: 60_000,
      listener: {
        changes: () => undefined,
        status: () => undefined,
        connection: () => undefined,
        unauthorized: () => undefined,
        directoryChanged: () => undefined,
        storageFault: (fault) => faults.push(fault),
      },
    });
    engine.start();
    await engine.syncNow(); // the first (empty) backfill
  });

  afterEach(async () => {
    engine.stop();
    db.close();
    await sim.close();
  });

  const stored = (sql = 'SELECT COUNT(*) FROM messages') => db.prepare(sql).pluck().get() as number;
  const unreadAtClickSend = async () => {
    let n = 0;
    for await (const rows of api.inbound()) n += rows.length;
    return n;
  };
  const replies = (n: number, body = (i: number) => `Reply ${i}`) => {
    for (let i = 0; i < n; i++) sim.injectInbound({ username: ACCOUNT.username, from: `+614222${String(i).padStart(5, '0')}`, body: body(i) });
  };

  /** The room left in the cache's pages taken, by messages of shrinking size until not even a short one fits. */
  const fillUp = () => {
    let n = 0;
    for (let size = 2048; size >= 1; size = Math.floor(size / 2)) {
      for (;;) {
        try {
          ingestMessages(db, [{ messageId: `filler-${n}`, customString: null, direction: 'in', body: 'f'.repeat(size), from: `+6149${String(n++).padStart(7, '0')}`, to: null,
            status: 'Received', statusCode: null, statusText: null, createdAt: n, scheduledAt: null, parts: 1, price: null, unread: false }]);
        } catch {
          break;
        }
      }
    }
  };
  const REPLIES = "SELECT COUNT(*) FROM messages WHERE from_number LIKE '+614222%'";

  it('locked by another process: says so, stores and marks read nothing, sends nothing; then all of it, once', async () => {
    replies(3);
    const lock = await holdWriteLock(join(dir, 'cache.sqlite'));
    let status: SyncStatus;
    try {
      status = await engine.syncNow();
      expect(status).toMatchObject({ state: 'idle', message: expect.stringContaining('in use by another program') });
      expect(faults).toEqual(['busy']);
      expect(await unreadAtClickSend()).toBe(3);

      await expect(outbox.send('+61433333333', 'Sent while locked')).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
      expect(sim.sent(ACCOUNT.username)).toHaveLength(0);
    } finally {
      await lock.release();
    }

    status = await engine.syncNow();
    expect(status).toMatchObject({ state: 'idle', message: null });
    expect(stored("SELECT COUNT(*) FROM messages WHERE direction = 'in'")).toBe(3);
    expect(stored("SELECT COUNT(DISTINCT message_id) FROM messages WHERE direction = 'in'")).toBe(3);
    expect(await unreadAtClickSend()).toBe(0);
    await outbox.send('+61433333333', 'Sent once the lock was gone');
    expect(sim.sent(ACCOUNT.username).map((s) => s.body)).toEqual(['Sent once the lock was gone']);
  });

  it('disk full: says so, loses no reply (none marked read), sends nothing; then stores every reply once', async () => {
    replies(400, (i) => `${i}: ${'A long reply that needs room in the cache. '.repeat(8)}`);
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    fillUp();
    const status = await engine.syncNow();
    expect(status).toMatchObject({ state: 'idle', message: expect.stringContaining('The disk is full') });
    expect(faults).toEqual(['full']);
    expect(stored(REPLIES)).toBe(0);
    expect(await unreadAtClickSend()).toBe(400);
    await expect(outbox.send('+61433333333', 'Sent while the disk is full')).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect(sim.sent(ACCOUNT.username)).toHaveLength(0);
    expect(listOutbox(db)).toHaveLength(0);

    db.pragma('max_page_count = 1073741823'); // space freed
    expect(await engine.syncNow()).toMatchObject({ state: 'idle', message: null });
    expect(stored(REPLIES)).toBe(400);
    expect(stored("SELECT COUNT(DISTINCT message_id) FROM messages WHERE from_number LIKE '+614222%'")).toBe(400);
    expect(await unreadAtClickSend()).toBe(0);
  });

  it('the disk fills while a send is in flight: ClickSend has it once; the next pass after space returns records it, never sending again', async () => {
    sim.addFault({ kind: 'slow', method: 'POST', path: '/sms/send', delayMs: 300 });
    const sending = outbox.send('+61433333333', 'Sent as the disk filled');
    await expect.poll(() => sim.arrivals().includes('POST /sms/send')).toBe(true);
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    fillUp();
    await expect(sending).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect(sim.sent(ACCOUNT.username)).toHaveLength(1);

    db.pragma('max_page_count = 1073741823');
    expect(await engine.syncNow()).toMatchObject({ message: null });
    const row = db.prepare("SELECT message_id, status FROM messages WHERE body = 'Sent as the disk filled'").all();
    expect(row).toEqual([{ message_id: sim.sent(ACCOUNT.username)[0]!.message_id, status: expect.stringMatching(/Queued|Sent/) }]);
    expect(listOutbox(db)).toEqual([]);
    await engine.syncNow();
    expect(sim.sent(ACCOUNT.username)).toHaveLength(1);
  });
});
