import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCache } from './database';
import { LATEST_VERSION, migrate, migrations } from './migrations';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

const Driver = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;

describe('migrations', () => {
  it('brings a database from every earlier version to the latest', () => {
    for (let start = 0; start <= LATEST_VERSION; start++) {
      const db = new Driver(':memory:');
      migrate(db, start);
      expect(db.pragma('user_version', { simple: true })).toBe(start);
      migrate(db);
      expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
      expect(tables).toEqual(expect.arrayContaining(['conversations', 'messages', 'sync_state']));
      db.close();
    }
  });

  it('opens the cache file in WAL mode', () => {
    const db = openCache(join(mkdtempSync(join(tmpdir(), 'inbox-cache-')), 'cache.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses a database written by a newer version instead of damaging it', () => {
    const db = new Driver(':memory:');
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(/newer version/);
    db.close();
  });
});
