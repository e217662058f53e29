// Opens the per-account SQLite cache (better-sqlite3, WAL) and brings its
// schema to the latest version. Every SQL statement in the app lives in this
// folder, behind typed query functions.
import { createRequire } from 'node:module';
import { existsSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { nativeModuleAdvice } from '../native-modules';
import { makePrivateDir, preparePrivateFile } from '../private-files';
import { useCacheRules, type CacheRules } from './cache-rules';
import { registerFindWords } from './find-words-sql';
import { migrate } from './migrations';
import type { Db } from './statements';

/** Outside cache/, the handle is imported from here, with the opener. */
export type { Db } from './statements';

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

/**
 * A damaged file fails here (SQLITE_NOTADB or SQLITE_CORRUPT, see
 * storage-faults.ts) rather than later: migrate() reads the schema, and a
 * truncated file's page count no longer matches its header.
 *
 * `rules` are the owners' rules for what a stored reply sets off (STOP, an archive's return…); null only where a
 * test or a benchmark measures storage alone: a required argument, so an account's cache cannot be opened without them
 * by forgetting one.
 */
export function openCache(file: string, rules: CacheRules | null): Db {
  const Driver = loadDriver();
  if (file !== ':memory:') {
    makePrivateDir(dirname(file));
    // SQLite gives -wal and -shm the main file's mode: the file is 0600 before it opens (and a crash's leftovers tightened).
    for (const path of [file, `${file}-wal`, `${file}-shm`]) if (path === file || existsSync(path)) preparePrivateFile(path);
  }
  const db = new Driver(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // The driver is synchronous: a lock held elsewhere stalls the process
    // this long per statement before the write fails with SQLITE_BUSY.
    db.pragma('busy_timeout = 2000');
    // Called by find_fts's triggers on every message stored.
    registerFindWords(db);
    // Before migrating: migration 10 asks them which old replies ask to stop.
    if (rules) useCacheRules(db, rules);
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** For reading what can still be read from a damaged file; no migration, no writes. */
export function openReadOnly(file: string): Db {
  return new (loadDriver())(file, { readonly: true, fileMustExist: true });
}

/** Moves a damaged cache (and its WAL files) aside under a dated name; returns that name's path. */
export function setCacheAside(file: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
  const aside = `${file}.damaged-${stamp}`;
  renameSync(file, aside);
  for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  return aside;
}
