// Opens the per-account SQLite cache (better-sqlite3, WAL) and brings its
// schema to the latest version. Every SQL statement in the app lives in this
// folder, behind typed query functions.
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { nativeModuleAdvice } from '../credentials/keychain';
import { migrate } from './migrations';

export type Db = BetterSqlite3.Database;

export class CacheOpenError extends Error {
  constructor(message: string, readonly action: string) {
    super(message);
    this.name = 'CacheOpenError';
  }
}

function loadDriver(): typeof BetterSqlite3 {
  try {
    return createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
  } catch (error) {
    throw new CacheOpenError('The SQLite module (better-sqlite3) could not be loaded.', nativeModuleAdvice(error));
  }
}

export function openCache(file: string): Db {
  const Driver = loadDriver();
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Driver(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
