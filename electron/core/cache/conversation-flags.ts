// Pinned, archived and muted conversations, by number (see migration 7).
// An archived conversation comes back by itself when the customer writes
// after it was archived (a rule of the account's cache, called by ingest.ts
// in the same transaction as the reply), or when the owner writes in it here
// (the outbox calls returnFromArchiveOnSend).
import type { Conversation } from '../../../shared/contract';
import { prepared, type Db } from './statements';

export type ConversationFlags = Pick<Conversation, 'pinned' | 'archived' | 'muted'>;

export interface FlagsRow {
  phone: string;
  pinned_at: number | null;
  archived_at: number | null;
  muted: number;
}

/** Sets the flags given (the others stay); true when anything changed. */
export function setConversationFlags(db: Db, phone: string, change: Partial<ConversationFlags>, now: number): boolean {
  return db.transaction(() => {
    const before = prepared<[string], FlagsRow>(db, 'SELECT * FROM conversation_flags WHERE phone = ?').get(phone);
    const row: FlagsRow = before ?? { phone, pinned_at: null, archived_at: null, muted: 0 };
    const next: FlagsRow = {
      phone,
      pinned_at: change.pinned === undefined ? row.pinned_at : change.pinned ? (row.pinned_at ?? now) : null,
      archived_at: change.archived === undefined ? row.archived_at : change.archived ? (row.archived_at ?? now) : null,
      muted: change.muted === undefined ? row.muted : change.muted ? 1 : 0,
    };
    if (before && next.pinned_at === before.pinned_at && next.archived_at === before.archived_at && next.muted === before.muted) return false;
    if (next.pinned_at === null && next.archived_at === null && next.muted === 0) {
      prepared(db, 'DELETE FROM conversation_flags WHERE phone = ?').run(phone);
      return before !== undefined;
    }
    prepared(
      db,
      `INSERT INTO conversation_flags (phone, pinned_at, archived_at, muted) VALUES (@phone, @pinned_at, @archived_at, @muted)
       ON CONFLICT (phone) DO UPDATE SET pinned_at = excluded.pinned_at, archived_at = excluded.archived_at, muted = excluded.muted`,
    ).run(next);
    return true;
  })();
}

/**
 * A reply written after the conversation was archived brings it back.
 * ClickSend stamps replies to the second, so one in the same
 * second as the archiving counts as after: better shown than missed.
 */
export function returnFromArchive(db: Db, reply: { phone: string; createdAt: number }): void {
  prepared(db, 'UPDATE conversation_flags SET archived_at = NULL WHERE phone = ? AND archived_at IS NOT NULL AND archived_at < ?').run(reply.phone, reply.createdAt + 1000);
}

/** The owner wrote in the conversation: it is current again, so back in the list; true when it was archived. */
export function returnFromArchiveOnSend(db: Db, phone: string): boolean {
  return prepared(db, 'UPDATE conversation_flags SET archived_at = NULL WHERE phone = ? AND archived_at IS NOT NULL').run(phone).changes > 0;
}

export function allConversationFlags(db: Db): FlagsRow[] {
  return prepared<[], FlagsRow>(db, 'SELECT * FROM conversation_flags').all();
}

/** Copied into a rebuilt cache as they were (salvage). */
export function restoreConversationFlags(db: Db, rows: readonly FlagsRow[]): void {
  const insert = prepared(
    db,
    `INSERT OR REPLACE INTO conversation_flags (phone, pinned_at, archived_at, muted) VALUES (@phone, @pinned_at, @archived_at, @muted)`,
  );
  db.transaction(() => rows.forEach((row) => insert.run(row)))();
}
