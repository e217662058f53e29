// The outbox table: sends ClickSend has not confirmed. A row's state says
// what may be done with it safely (see migration 2).
import type { Message } from '../../../shared/contract';
import { prepared, type Db } from './statements';
import { getMessage } from './messages';
import { ingestMessages, type IngestResult } from './ingest';

export type OutboxState = 'waiting' | 'submitting' | 'unknown';

export interface OutboxEntry {
  id: number;
  customString: string;
  to: string;
  body: string;
  /** Unix seconds, when the send is scheduled. */
  schedule: number | null;
  state: OutboxState;
  attempts: number;
  queuedAt: number;
  submittedAt: number | null;
  /** A picture message: its subject, its prepared file until uploaded, and ClickSend's URL once uploaded. */
  picture: OutboxPicture | null;
  /** Its outcome is unknown because ClickSend's answer could not be read: proven absent, it fails instead of going again. */
  answerUnreadable: boolean;
}

export interface OutboxPicture {
  subject: string;
  pictureFile: string | null;
  mediaUrl: string | null;
}

interface OutboxRow {
  message_row_id: number;
  custom_string: string;
  to_number: string;
  body: string;
  schedule: number | null;
  state: OutboxState;
  attempts: number;
  queued_at: number;
  submitted_at: number | null;
  subject: string | null;
  picture_file: string | null;
  media_url: string | null;
  answer_unreadable?: number;
}

function toEntry(row: OutboxRow): OutboxEntry {
  return {
    id: row.message_row_id,
    customString: row.custom_string,
    to: row.to_number,
    body: row.body,
    schedule: row.schedule,
    state: row.state,
    attempts: row.attempts,
    queuedAt: row.queued_at,
    submittedAt: row.submitted_at,
    // A cache from before pictures (a damaged one being salvaged) has no such columns.
    picture: row.subject == null ? null : { subject: row.subject, pictureFile: row.picture_file ?? null, mediaUrl: row.media_url ?? null },
    answerUnreadable: row.answer_unreadable === 1,
  };
}

/** Stores the message (Pending) and its outbox entry together: one commit, nothing half-queued. */
export function queueSend(
  db: Db,
  send: { to: string; body: string; customString: string; schedule: number | null; now: number; statusText: string; picture?: OutboxPicture },
): IngestResult {
  return db.transaction(() => {
    const stored = ingestMessages(db, [
      {
        messageId: null,
        customString: send.customString,
        direction: 'out',
        body: send.body,
        from: null,
        to: send.to,
        status: 'Pending',
        statusCode: null,
        statusText: send.statusText,
        createdAt: send.now,
        scheduledAt: send.schedule === null ? null : send.schedule * 1000,
        parts: null,
        price: null,
        unread: false,
        ...(send.picture ? { picture: { subject: send.picture.subject, mediaUrl: send.picture.mediaUrl } } : {}),
      },
    ]);
    const message = stored.added[0]!;
    prepared(
      db,
      `INSERT INTO outbox (message_row_id, custom_string, to_number, body, schedule, state, queued_at, subject, picture_file, media_url)
       VALUES (?, ?, ?, ?, ?, 'waiting', ?, ?, ?, ?)`,
    ).run(
      message.id, send.customString, send.to, send.body, send.schedule, send.now,
      send.picture?.subject ?? null, send.picture?.pictureFile ?? null, send.picture?.mediaUrl ?? null,
    );
    return stored;
  })();
}

export function getOutboxEntry(db: Db, id: number): OutboxEntry | null {
  const row = prepared<[number], OutboxRow>(db, 'SELECT * FROM outbox WHERE message_row_id = ?').get(id);
  return row ? toEntry(row) : null;
}

/** Oldest first: sends go out in the order they were written. */
export function listOutbox(db: Db, state?: OutboxState): OutboxEntry[] {
  const rows =
    state === undefined
      ? prepared<[], OutboxRow>(db, 'SELECT * FROM outbox ORDER BY queued_at, message_row_id').all()
      : prepared<[string], OutboxRow>(db, 'SELECT * FROM outbox WHERE state = ? ORDER BY queued_at, message_row_id').all(state);
  return rows.map(toEntry);
}

/** Committed before the request leaves: after a crash, the row says the send may have happened. */
export function markSubmitting(db: Db, id: number, now: number): void {
  prepared(db, `UPDATE outbox SET state = 'submitting', attempts = attempts + 1, submitted_at = ? WHERE message_row_id = ?`).run(now, id);
}

/** Sets the entry's state (and why its outcome is unknown) and the message's words for the user, together. */
export function setOutboxState(db: Db, id: number, state: OutboxState, statusText: string, { answerUnreadable = false } = {}): Message | null {
  db.transaction(() => {
    prepared(db, 'UPDATE outbox SET state = ?, answer_unreadable = ? WHERE message_row_id = ?').run(state, answerUnreadable ? 1 : 0, id);
    prepared(db, `UPDATE messages SET status = 'Pending', status_text = ? WHERE id = ?`).run(statusText, id);
  })();
  return getMessage(db, id);
}

/** ClickSend has the picture (uploaded): a later submission sends this URL, never a second upload. */
export function recordUpload(db: Db, id: number, mediaUrl: string): void {
  db.transaction(() => {
    prepared(db, 'UPDATE outbox SET media_url = ? WHERE message_row_id = ?').run(mediaUrl, id);
    prepared(db, 'UPDATE messages SET media_url = ? WHERE id = ?').run(mediaUrl, id);
  })();
}

/** A request in flight when the app stopped may have been sent: treat it as unknown. */
export function recoverInterruptedSends(db: Db): number {
  return prepared(db, `UPDATE outbox SET state = 'unknown' WHERE state = 'submitting'`).run().changes;
}

/** ClickSend accepted the send (or it was found in history): it leaves the outbox with its id. */
export function confirmSend(db: Db, id: number, confirmed: Parameters<typeof ingestMessages>[1][number]): IngestResult {
  return db.transaction(() => {
    const result = ingestMessages(db, [confirmed]);
    prepared(db, 'DELETE FROM outbox WHERE message_row_id = ?').run(id);
    return result;
  })();
}

/** ClickSend refused it, or it was proven unsent: Failed, out of the outbox, retryable by the user. */
export function failSend(db: Db, id: number, reason: string): Message | null {
  db.transaction(() => {
    prepared(db, 'DELETE FROM outbox WHERE message_row_id = ?').run(id);
    prepared(db, `UPDATE messages SET status = 'Failed', status_text = ? WHERE id = ?`).run(reason, id);
  })();
  return getMessage(db, id);
}

/** A send cancelled before it reached ClickSend: out of the outbox, Cancelled. */
export function cancelLocalSend(db: Db, id: number): Message | null {
  db.transaction(() => {
    prepared(db, 'DELETE FROM outbox WHERE message_row_id = ?').run(id);
    prepared(db, `UPDATE messages SET status = 'Cancelled', status_text = 'Cancelled before it was sent.' WHERE id = ?`).run(id);
  })();
  return getMessage(db, id);
}

/** A retry by the user: the same local message, a new custom_string, waiting again, to go now (not at a past schedule). */
export function requeueSend(db: Db, id: number, customString: string, now: number, statusText: string): Message | null {
  db.transaction(() => {
    const message = getMessage(db, id);
    if (!message || message.messageId !== null || message.to === null) return;
    prepared(
      db,
      `UPDATE messages SET custom_string = ?, status = 'Pending', status_text = ?, created_at = ?, scheduled_at = NULL WHERE id = ?`,
    ).run(customString, statusText, now, id);
    // A picture message goes again with the picture ClickSend already has.
    const picture = prepared<[number], { subject: string | null; media_url: string | null }>(db, 'SELECT subject, media_url FROM messages WHERE id = ?').get(id);
    prepared(
      db,
      `INSERT INTO outbox (message_row_id, custom_string, to_number, body, schedule, state, queued_at, subject, media_url)
       VALUES (?, ?, ?, ?, NULL, 'waiting', ?, ?, ?)`,
    ).run(id, customString, message.to, message.body, now, message.picture ? (picture?.subject ?? '') : null, picture?.media_url ?? null);
    prepared(db, 'UPDATE conversations SET last_message_id = ?, last_message_at = ? WHERE id = ? AND last_message_at <= ?').run(id, now, message.conversationId, now);
  })();
  return getMessage(db, id);
}
