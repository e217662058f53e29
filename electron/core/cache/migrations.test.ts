import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCache, type Db } from './database';
import { accountCacheRules } from '../session/cache-rules';
import { useCacheRules } from './cache-rules';
import { LATEST_VERSION, migrate } from './migrations';
import { findInConversation } from './find-in-thread';
import { searchCache } from './search';
import { getConversation, markConversationUnread } from './conversations';

const Driver = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;

/** Data as each version wrote it, so a migration is tested on real rows. */
const seeds: Record<number, (db: Db) => void> = {
  1: (db) => {
    db.exec(`
      INSERT INTO conversations (id, phone, last_message_id, last_message_at, unread_count) VALUES (1, '+61422222222', 3, 3000, 1);
      INSERT INTO messages (id, conversation_id, message_id, custom_string, direction, body, from_number, to_number,
          status, created_at, unread)
        VALUES (1, 1, 'M1', NULL, 'out', 'Your table is ready', NULL, '+61422222222', 'Delivered', 1000, 0),
               (2, 1, NULL, 'inbox-lost', 'out', 'Running late', NULL, '+61422222222', 'Pending', 2000, 0),
               (3, 1, 'M3', NULL, 'in', 'Thanks, on my way', '+61422222222', NULL, 'Received', 3000, 1);
      INSERT INTO sync_state (key, value) VALUES ('historyDate', '3');
    `);
  },
  2: (db) => {
    db.exec(`
      INSERT INTO contact_lists (list_id, name) VALUES (7, 'Customers');
      INSERT INTO contacts (contact_id, list_id, phone, first_name, last_name) VALUES (70, 7, '+61422222222', 'Ana', 'Lima');
      INSERT INTO templates (template_id, name, body) VALUES (5, 'Reminder', 'See you at {time}');
    `);
  },
  3: (db) => {
    // Version 3 placed a conversation by its newest message, even one scheduled for next year.
    db.exec(`
      INSERT INTO conversations (id, phone, last_message_id, last_message_at, unread_count) VALUES (2, '+61433333333', 5, 4102444800000, 0);
      INSERT INTO messages (id, conversation_id, message_id, direction, body, from_number, to_number, status, created_at, scheduled_at, unread)
        VALUES (4, 2, 'M4', 'in', 'Can I book for June?', '+61433333333', NULL, 'Received', 4000, NULL, 0),
               (5, 2, 'M5', 'out', 'Reminder: your booking', NULL, '+61433333333', 'Scheduled', 4102444800000, 4102444800000, 0);
      INSERT INTO drafts (phone, body, updated_at) VALUES ('+61433333333', 'Half-written', 4500);
    `);
  },
  5: (db) => {
    db.exec(`
      INSERT INTO messages (id, conversation_id, message_id, direction, body, from_number, to_number, status, created_at, unread)
        VALUES (6, 2, 'M6', 'in', 'Please stop texting me', '+61433333333', NULL, 'Received', 3500, 0);
    `);
  },
};

function databaseAt(version: number): Db {
  const db = new Driver(':memory:');
  // As openCache would: migration 10 asks them which old replies ask to stop.
  useCacheRules(db, accountCacheRules);
  for (let v = 1; v <= version; v++) {
    migrate(db, v);
    seeds[v]?.(db);
  }
  return db;
}

describe('migrations', () => {
  for (let start = 0; start <= LATEST_VERSION; start++) {
    it(`brings a version ${start} database to the latest with its data intact`, () => {
      const db = databaseAt(start);
      expect(db.pragma('user_version', { simple: true })).toBe(start);
      migrate(db);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      if (start >= 1) {
        expect(db.prepare('SELECT COUNT(*) FROM messages').pluck().get()).toBe(start >= 5 ? 6 : start >= 3 ? 5 : 3);
        // Old rows are searchable, and a send left Pending by version 1 is in
        // the outbox as unknown: it is looked for before anything is resent.
        expect(searchCache(db, 'table', 10).messages.map((m) => m.id)).toEqual([1]);
        expect(findInConversation(db, 1, 'on my').ids).toEqual([3]);
        expect(db.prepare('SELECT message_row_id, state, custom_string FROM outbox').all()).toEqual([
          { message_row_id: 2, state: 'unknown', custom_string: 'inbox-lost' },
        ]);
        expect(db.prepare('SELECT sent_at FROM messages WHERE id = 1').pluck().get()).toBe(1000);
        expect(db.prepare("SELECT value FROM sync_state WHERE key = 'historyDate'").pluck().get()).toBe('3');
      }
      if (start >= 2) {
        expect(searchCache(db, 'lima', 10).contacts.map((c) => c.name)).toEqual(['Ana Lima']);
        expect(db.prepare('SELECT name FROM templates').pluck().all()).toEqual(['Reminder']);
      }
      if (start >= 3) {
        // Placed by what has happened (the reply), not by the message scheduled for 2100.
        expect(db.prepare('SELECT last_message_id, last_message_at FROM conversations WHERE id = 2').get()).toEqual({ last_message_id: 4, last_message_at: 4000 });
        expect(db.prepare('SELECT body FROM drafts').pluck().all()).toEqual(['Half-written']);
      }
      if (start >= 5) {
        // A reply stored before stop requests were kept asks once the cache is up to date.
        expect(getConversation(db, 2)?.askedToStop).toEqual({ replyId: 6, at: 3500 });
      }
      db.close();
    });
  }

  it('migrating to version 10 finds each conversation’s newest reply among those stored (by time, not by row), and none where there is none', () => {
    const db = databaseAt(9);
    db.exec(`
      INSERT INTO conversations (id, phone, last_message_id, last_message_at, unread_count) VALUES (3, '+61444444444', 7, 5000, 0);
      INSERT INTO messages (id, conversation_id, message_id, direction, body, from_number, to_number, status, created_at, unread)
        VALUES (7, 3, 'M7', 'out', 'Only ours here', NULL, '+61444444444', 'Delivered', 5000, 0);
    `);
    migrate(db);
    expect(db.prepare('SELECT id, last_reply_id FROM conversations ORDER BY id').all()).toEqual([
      { id: 1, last_reply_id: 3 },
      // Row 6 came later but is older than row 4.
      { id: 2, last_reply_id: 4 },
      { id: 3, last_reply_id: null },
    ]);
    expect(markConversationUnread(db, 2)).toBe(true);
    expect(db.prepare('SELECT id FROM messages WHERE unread = 1 ORDER BY id').pluck().all()).toEqual([3, 4]);
    expect(getConversation(db, 3)!.actions.map((a) => a.action)).not.toContain('markUnread');
    expect(markConversationUnread(db, 3)).toBe(false);
    db.close();
  });

  it('opens the cache file in WAL mode', () => {
    const db = openCache(join(mkdtempSync(join(tmpdir(), 'inbox-cache-')), 'cache.sqlite'), accountCacheRules);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses a database written by a newer version instead of damaging it', () => {
    const db = new Driver(':memory:');
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    expect(() => migrate(db)).toThrow(/newer version/);
    db.close();
  });

  it('leaves a database at its old version when a migration fails half-way', () => {
    const db = databaseAt(2);
    db.exec('CREATE TABLE drafts (x INTEGER)'); // collides with version 3
    expect(() => migrate(db)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'messages_by_status'").pluck().get()).toBe(0);
    db.close();
  });
});
