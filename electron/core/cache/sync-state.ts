// Sync cursors, stored beside the data they describe so they commit together.
import type { Db } from './database';

export function readCursor<T>(db: Db, key: string): T | null {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM sync_state WHERE key = ?').get(key);
  return row ? (JSON.parse(row.value) as T) : null;
}

export function writeCursor(db: Db, key: string, value: unknown): void {
  db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}
