// Cursors are read through one schema per key: shapes earlier versions wrote
// still mean what they meant, and anything unreadable reads as absent.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCache, type Db } from './database';
import { readCursor, writeCursor } from './sync-state';
import { accountCacheRules } from '../session/cache-rules';

describe('sync cursors', () => {
  let db: Db;
  beforeEach(() => {
    db = openCache(':memory:', accountCacheRules);
  });
  afterEach(() => db.close());

  const writeRaw = (key: string, value: string) =>
    db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);

  it('reads an old cache’s oldest-first walk: finished means finished; unfinished starts newest first', () => {
    writeRaw('backfill', JSON.stringify({ nextPage: 35, done: true, total: 3_456, stored: 3_456 }));
    expect(readCursor(db, 'backfill')).toMatchObject({ version: 2, complete: true, stored: 3_456 });
    writeRaw('backfill', JSON.stringify({ nextPage: 7, done: false, total: 3_456, stored: 600 }));
    expect(readCursor(db, 'backfill')).toBeNull();
  });

  it('reads an old account profile with the fields it lacked defaulted', () => {
    writeRaw('account', JSON.stringify({ username: 'u', accountName: 'Shop', balance: '12.00', currency: '$' }));
    expect(readCursor(db, 'account')).toEqual({ username: 'u', accountName: 'Shop', balance: '12.00', currency: '$', country: null, lowCreditAmount: null });
  });

  it('reads what it cannot understand as absent, never as something else', () => {
    writeRaw('historyDate', '"yesterday"');
    writeRaw('lastSyncedAt', '{not json');
    expect(readCursor(db, 'historyDate')).toBeNull();
    expect(readCursor(db, 'lastSyncedAt')).toBeNull();
    writeCursor(db, 'historyDate', 1_700_000_000);
    expect(readCursor(db, 'historyDate')).toBe(1_700_000_000);
  });
});
