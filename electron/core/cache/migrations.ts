// Versioned schema, tracked in PRAGMA user_version. Append new versions;
// never edit a shipped one (databases in the field are at every version).
import type { Db } from './statements';
import { registerFindWords } from './find-words-sql';
import { fillStopRequests } from './stop-requests';

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

  // 2: contacts and lists, templates, the outbox, sent_at, and FTS5 search
  // over message bodies and contact names (external content, kept by triggers).
  (db) => {
    db.exec(`
      ALTER TABLE messages ADD COLUMN sent_at INTEGER;
      UPDATE messages SET sent_at = COALESCE(scheduled_at, created_at)
        WHERE direction = 'out' AND status IN ('Sent', 'Delivered', 'Undelivered');

      CREATE TABLE contact_lists (
        list_id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        contacts_count INTEGER
      );
      CREATE TABLE contacts (
        contact_id INTEGER PRIMARY KEY,
        list_id INTEGER NOT NULL REFERENCES contact_lists (list_id) ON DELETE CASCADE,
        phone TEXT,
        first_name TEXT,
        last_name TEXT,
        email TEXT,
        custom_1 TEXT,
        custom_2 TEXT,
        custom_3 TEXT,
        custom_4 TEXT,
        updated_at INTEGER
      );
      CREATE INDEX contacts_by_phone ON contacts (phone) WHERE phone IS NOT NULL;
      CREATE INDEX contacts_by_list ON contacts (list_id);

      CREATE TABLE templates (
        template_id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        body TEXT NOT NULL
      );

      -- Sends ClickSend has not confirmed. 'waiting': never handed over (safe
      -- to submit); 'submitting': a request is (or was, before a crash) in
      -- flight; 'unknown': the answer was lost. Only 'waiting' may be sent
      -- without first looking for its custom_string in history.
      CREATE TABLE outbox (
        message_row_id INTEGER PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
        custom_string TEXT NOT NULL UNIQUE,
        to_number TEXT NOT NULL,
        body TEXT NOT NULL,
        schedule INTEGER,
        state TEXT NOT NULL CHECK (state IN ('waiting', 'submitting', 'unknown')),
        attempts INTEGER NOT NULL DEFAULT 0,
        queued_at INTEGER NOT NULL,
        submitted_at INTEGER
      );
      -- Version 1 kept unconfirmed sends only as Pending messages: their
      -- requests may have reached ClickSend, so their outcome is unknown.
      INSERT INTO outbox (message_row_id, custom_string, to_number, body, schedule, state, attempts, queued_at, submitted_at)
        SELECT id, custom_string, to_number, body, scheduled_at / 1000, 'unknown', 1, created_at, created_at
        FROM messages
        WHERE status = 'Pending' AND message_id IS NULL AND direction = 'out'
          AND custom_string IS NOT NULL AND to_number IS NOT NULL;

      CREATE VIRTUAL TABLE messages_fts USING fts5(
        body, content = 'messages', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts (rowid, body) VALUES (new.id, new.body);
      END;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.id, old.body);
      END;
      CREATE TRIGGER messages_fts_update AFTER UPDATE OF body ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.id, old.body);
        INSERT INTO messages_fts (rowid, body) VALUES (new.id, new.body);
      END;
      INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');

      CREATE VIRTUAL TABLE contacts_fts USING fts5(
        first_name, last_name, content = 'contacts', content_rowid = 'contact_id',
        tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
        INSERT INTO contacts_fts (rowid, first_name, last_name) VALUES (new.contact_id, new.first_name, new.last_name);
      END;
      CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
        INSERT INTO contacts_fts (contacts_fts, rowid, first_name, last_name)
          VALUES ('delete', old.contact_id, old.first_name, old.last_name);
      END;
      CREATE TRIGGER contacts_fts_update AFTER UPDATE OF first_name, last_name ON contacts BEGIN
        INSERT INTO contacts_fts (contacts_fts, rowid, first_name, last_name)
          VALUES ('delete', old.contact_id, old.first_name, old.last_name);
        INSERT INTO contacts_fts (rowid, first_name, last_name) VALUES (new.contact_id, new.first_name, new.last_name);
      END;
    `);
  },

  // 3: the list's filters (scheduled, failed) find their conversations by
  // status through an index; drafts are kept per number, so a draft for a
  // conversation not yet started survives too.
  (db) => {
    db.exec(`
      CREATE INDEX messages_by_status ON messages (status, conversation_id);
      CREATE TABLE drafts (
        phone TEXT PRIMARY KEY,
        body TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `);
  },

  // 4: a conversation's place in the list comes from what has happened: a
  // message waiting for a future time, or cancelled, no longer pins it to the
  // top (a conversation with nothing else is placed no later than now). The
  // Unread filter's count reads an index instead of every conversation, and
  // the poll knows from one whether any message still waits for a receipt.
  (db) => {
    const goneOutOrComeIn = (m: string) => `(${m}.status NOT IN ('Scheduled', 'Cancelled') AND NOT (${m}.status = 'Pending' AND ${m}.scheduled_at IS NOT NULL))`;
    db.exec(`
      UPDATE conversations SET (last_message_id, last_message_at) = (
        SELECT m.id, m.created_at FROM messages m WHERE m.conversation_id = conversations.id AND ${goneOutOrComeIn('m')}
        ORDER BY m.created_at DESC, m.id DESC LIMIT 1)
      WHERE EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = conversations.id AND ${goneOutOrComeIn('m')});

      UPDATE conversations SET
        last_message_id = (SELECT m.id FROM messages m WHERE m.conversation_id = conversations.id ORDER BY m.created_at DESC, m.id DESC LIMIT 1),
        last_message_at = MIN((SELECT MIN(m.created_at) FROM messages m WHERE m.conversation_id = conversations.id), CAST(strftime('%s', 'now') AS INTEGER) * 1000)
      WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = conversations.id AND ${goneOutOrComeIn('m')})
        AND EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = conversations.id);

      CREATE INDEX conversations_unread ON conversations (id) WHERE unread_count > 0;
      -- Messages still waiting for a delivery receipt: whether to ask for receipts at all.
      CREATE INDEX messages_awaiting_receipt ON messages (created_at) WHERE status IN ('Queued', 'Sent');

      -- Our newest message in each conversation that has happened, and its state, kept by
      -- triggers whatever changes a message: the Failed filter ("our newest message did not
      -- get through") then reads one index instead of every failure ever stored.
      ALTER TABLE conversations ADD COLUMN last_out_id INTEGER;
      ALTER TABLE conversations ADD COLUMN last_out_at INTEGER;
      ALTER TABLE conversations ADD COLUMN last_out_status TEXT;
      UPDATE conversations SET (last_out_id, last_out_at, last_out_status) = (
        SELECT o.id, o.created_at, o.status FROM messages o
        WHERE o.conversation_id = conversations.id AND o.direction = 'out' AND ${goneOutOrComeIn('o')}
        ORDER BY o.created_at DESC, o.id DESC LIMIT 1);
      CREATE INDEX conversations_follow_up ON conversations (last_message_at DESC, id DESC)
        WHERE last_out_status IN ('Failed', 'Undelivered');

      CREATE TRIGGER messages_last_out_insert AFTER INSERT ON messages
        WHEN new.direction = 'out' AND ${goneOutOrComeIn('new')}
      BEGIN
        UPDATE conversations SET last_out_id = new.id, last_out_at = new.created_at, last_out_status = new.status
        WHERE id = new.conversation_id
          AND (last_out_at IS NULL OR new.created_at > last_out_at OR (new.created_at = last_out_at AND new.id > last_out_id));
      END;
      CREATE TRIGGER messages_last_out_update AFTER UPDATE OF status ON messages WHEN new.direction = 'out'
      BEGIN
        -- The newest one moved on.
        UPDATE conversations SET last_out_status = new.status
        WHERE id = new.conversation_id AND last_out_id = new.id AND ${goneOutOrComeIn('new')};
        -- One that had not happened (a scheduled message) went: it may be the newest now.
        UPDATE conversations SET last_out_id = new.id, last_out_at = new.created_at, last_out_status = new.status
        WHERE id = new.conversation_id AND ${goneOutOrComeIn('new')} AND NOT ${goneOutOrComeIn('old')}
          AND (last_out_at IS NULL OR new.created_at > last_out_at OR (new.created_at = last_out_at AND new.id > last_out_id));
        -- The newest one no longer counts (back to waiting): the one before it does.
        UPDATE conversations SET (last_out_id, last_out_at, last_out_status) = (
          SELECT o.id, o.created_at, o.status FROM messages o
          WHERE o.conversation_id = new.conversation_id AND o.direction = 'out' AND ${goneOutOrComeIn('o')}
          ORDER BY o.created_at DESC, o.id DESC LIMIT 1)
        WHERE id = new.conversation_id AND last_out_id = new.id AND NOT ${goneOutOrComeIn('new')};
      END;
      CREATE TRIGGER messages_last_out_delete AFTER DELETE ON messages WHEN old.direction = 'out'
      BEGIN
        UPDATE conversations SET (last_out_id, last_out_at, last_out_status) = (
          SELECT o.id, o.created_at, o.status FROM messages o
          WHERE o.conversation_id = old.conversation_id AND o.direction = 'out' AND ${goneOutOrComeIn('o')}
          ORDER BY o.created_at DESC, o.id DESC LIMIT 1)
        WHERE id = old.conversation_id AND last_out_id = old.id;
      END;
    `);
  },
  // 5: opt-outs, one row per number: the latest STOP or START (from a reply,
  // by hand, or from the ClickSend opt-out list), so every send path can ask
  // "may this number be texted?" with one lookup.
  (db) => {
    db.exec(`
      CREATE TABLE opt_outs (
        phone TEXT PRIMARY KEY,
        opted_out INTEGER NOT NULL,
        changed_at INTEGER NOT NULL,
        how TEXT NOT NULL CHECK (how IN ('reply', 'by-hand', 'clicksend-list')),
        message_row_id INTEGER,
        note TEXT
      ) WITHOUT ROWID;
    `);
  },
  // 6: picture messages (MMS). A message is a picture message by its kind;
  // it keeps ClickSend's subject and picture URL, the outbox keeps the
  // prepared picture until it is uploaded, and the media table indexes the
  // pictures fetched to disk (least recently used go first). Subjects are
  // searched like bodies, from their own small index.
  (db) => {
    db.exec(`
      ALTER TABLE messages ADD COLUMN kind TEXT NOT NULL DEFAULT 'sms';
      ALTER TABLE messages ADD COLUMN subject TEXT;
      ALTER TABLE messages ADD COLUMN media_url TEXT;

      ALTER TABLE outbox ADD COLUMN subject TEXT;
      -- The prepared picture, in the account's media folder, until ClickSend has it.
      ALTER TABLE outbox ADD COLUMN picture_file TEXT;
      -- Where ClickSend keeps it once uploaded: a retry sends this, not a second upload.
      ALTER TABLE outbox ADD COLUMN media_url TEXT;

      CREATE TABLE media (
        url TEXT PRIMARY KEY,
        file TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        content_type TEXT NOT NULL,
        used_at INTEGER NOT NULL
      );
      CREATE INDEX media_by_use ON media (used_at);

      CREATE VIRTUAL TABLE subjects_fts USING fts5(
        subject, content = 'messages', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER subjects_fts_insert AFTER INSERT ON messages WHEN new.subject IS NOT NULL BEGIN
        INSERT INTO subjects_fts (rowid, subject) VALUES (new.id, new.subject);
      END;
      CREATE TRIGGER subjects_fts_delete AFTER DELETE ON messages WHEN old.subject IS NOT NULL BEGIN
        INSERT INTO subjects_fts (subjects_fts, rowid, subject) VALUES ('delete', old.id, old.subject);
      END;
    `);
  },
  // 7: how the owner sorts conversations: pinned (to the top), archived (out
  // of the list until the customer writes again), muted (no notification).
  // Keyed by number, not conversation id, so a cache rebuilt from ClickSend
  // gets them back from the damaged one (salvage.ts): history cannot know them.
  (db) => {
    db.exec(`
      CREATE TABLE conversation_flags (
        phone TEXT PRIMARY KEY,
        pinned_at INTEGER,
        archived_at INTEGER,
        muted INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;
    `);
  },
  // 8: every message in a date range, oldest first (an export of all
  // conversations, the spend figures) reads an index instead of the table.
  (db) => {
    db.exec(`CREATE INDEX messages_by_time ON messages (created_at, id);`);
  },
  // 9: find in a conversation (Ctrl+F in a thread): bodies and subjects
  // indexed word by word under their conversation (find-in-thread.ts says
  // why), filled from every message already stored (12–14 s for a million
  // on a busy two-core machine; about a second for 100,000).
  (db) => {
    registerFindWords(db);
    db.exec(`
      CREATE VIRTUAL TABLE find_fts USING fts5(
        body, subject, content = '', contentless_delete = 1, tokenize = 'ascii'
      );
      CREATE TRIGGER find_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO find_fts (rowid, body, subject)
          VALUES (new.id, find_words(new.conversation_id, new.body), find_words(new.conversation_id, new.subject));
      END;
      CREATE TRIGGER find_fts_delete AFTER DELETE ON messages BEGIN
        DELETE FROM find_fts WHERE rowid = old.id;
      END;
      CREATE TRIGGER find_fts_update AFTER UPDATE OF conversation_id, body, subject ON messages BEGIN
        DELETE FROM find_fts WHERE rowid = old.id;
        INSERT INTO find_fts (rowid, body, subject)
          VALUES (new.id, find_words(new.conversation_id, new.body), find_words(new.conversation_id, new.subject));
      END;
      INSERT INTO find_fts (rowid, body, subject)
        SELECT id, find_words(conversation_id, body), find_words(conversation_id, subject) FROM messages;
    `);
  },
  // 10: replies that read like a request to stop ("please stop texting me")
  // without being a keyword: the newest of each number, and how far the
  // owner said "not a stop request" (stop-requests.ts). Filled from the
  // replies already stored, newest first. An outbox row says when its
  // outcome is unknown because ClickSend's answer could not be read. Each
  // conversation keeps its newest reply (ingest.ts), as it keeps last_out_*:
  // the list's "Mark unread" reads it instead of looking for one per row.
  (db) => {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN answer_unreadable INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE conversations ADD COLUMN last_reply_id INTEGER;
      UPDATE conversations SET last_reply_id = (
        SELECT r.id FROM messages r WHERE r.conversation_id = conversations.id AND r.direction = 'in'
        ORDER BY r.created_at DESC, r.id DESC LIMIT 1);
      CREATE TABLE stop_requests (
        phone TEXT PRIMARY KEY,
        message_row_id INTEGER REFERENCES messages (id) ON DELETE SET NULL,
        asked_at INTEGER NOT NULL,
        dismissed_through INTEGER
      ) WITHOUT ROWID;
      CREATE INDEX stop_requests_by_message ON stop_requests (message_row_id) WHERE message_row_id IS NOT NULL;
    `);
    fillStopRequests(db);
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
