// Versioned schema, tracked in PRAGMA user_version. Append new versions;
// never edit a shipped one (databases in the field are at every version).
import type { Db } from './database';

export const migrations: ReadonlyArray<(db: Db) => void> = [
  // 1: conversations, messages, sync cursors.
  (db) => {
    db.exec(`
      CREATE TABLE conversations (
        id INTEGER PRIMARY KEY,
        phone TEXT NOT NULL UNIQUE,
        last_message_id INTEGER,
        last_message_at INTEGER NOT NULL DEFAULT 0,
        unread_count INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX conversations_by_activity ON conversations (last_message_at DESC, id DESC);

      CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL REFERENCES conversations (id),
        message_id TEXT UNIQUE,
        custom_string TEXT,
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        body TEXT NOT NULL,
        from_number TEXT,
        to_number TEXT,
        status TEXT NOT NULL,
        status_code TEXT,
        status_text TEXT,
        created_at INTEGER NOT NULL,
        scheduled_at INTEGER,
        parts INTEGER,
        price TEXT,
        unread INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX messages_by_conversation ON messages (conversation_id, created_at DESC, id DESC);
      CREATE INDEX messages_by_custom_string ON messages (custom_string) WHERE custom_string IS NOT NULL;

      CREATE TABLE sync_state (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `);
  },
];

export const LATEST_VERSION = migrations.length;

export function migrate(db: Db, target = LATEST_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_VERSION) {
    throw new Error(`The cache was written by a newer version of the app (schema ${current}).`);
  }
  for (let version = current; version < target; version++) {
    db.transaction(() => {
      migrations[version]!(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
