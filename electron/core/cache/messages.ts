// Typed queries over messages: a thread's window, scheduled and awaited
// messages, and deleting one ClickSend never accepted. Storing what ClickSend
// says is ingest.ts's; the outbox's own status changes are cache/outbox.ts's.
import type { Message, MessageStatus } from '../../../shared/contract';
import { describeMessage, goneOutOrComeInSql } from '../messages/rules';
import { contactNameOf } from './conversations';
import { prepared, type Db } from './statements';
import { asksToStopSql } from './stop-requests';

export interface MessageRow {
  id: number;
  conversation_id: number;
  message_id: string | null;
  direction: 'in' | 'out';
  body: string;
  from_number: string | null;
  to_number: string | null;
  status: MessageStatus;
  status_text: string | null;
  created_at: number;
  scheduled_at: number | null;
  parts: number | null;
  price: string | null;
  outbox_state: Message['outboxState'];
  kind: 'sms' | 'mms';
  subject: string | null;
  /** 1: the open request to stop of its number (stop-requests.ts). */
  asks_to_stop: number;
}

export const MESSAGE_COLUMNS = `m.id, m.conversation_id, m.message_id, m.direction, m.body, m.from_number, m.to_number, m.status,
  m.status_text, m.created_at, m.scheduled_at, m.parts, m.price, o.state AS outbox_state, m.kind, m.subject,
  ${asksToStopSql('m')} AS asks_to_stop`;
/** Messages with their outbox entry, if any: the one shape every read returns. */
export const MESSAGES_WITH_OUTBOX = 'messages m LEFT JOIN outbox o ON o.message_row_id = m.id';

export function toMessage(row: MessageRow): Message {
  return describeMessage({
    id: row.id,
    conversationId: row.conversation_id,
    messageId: row.message_id,
    direction: row.direction,
    body: row.body,
    from: row.from_number,
    to: row.to_number,
    status: row.status,
    statusText: row.status_text,
    createdAt: row.created_at,
    scheduledAt: row.scheduled_at,
    parts: row.parts,
    price: row.price,
    outboxState: row.outbox_state ?? null,
    picture: row.kind === 'mms' ? { subject: row.subject } : null,
    asksToStop: row.asks_to_stop === 1,
  });
}

/** The message has left ClickSend for the network: it has a sent time. */
export function leftClickSend(status: MessageStatus): boolean {
  return status === 'Sent' || status === 'Delivered' || status === 'Undelivered';
}

const GONE_OUT_OR_COME_IN = goneOutOrComeInSql('m');

export type MessageWindow = { beforeId?: number; afterId?: number; aroundId?: number };

/**
 * Newest first. With no anchor: the newest page. `beforeId` pages backwards
 * from a message already shown, `afterId` forwards, `aroundId` gives half a
 * page either side of a message (and the message itself).
 */
export function listMessages(db: Db, conversationId: number, limit: number, window: MessageWindow = {}): Message[] {
  const older = prepared<[number, number, number], MessageRow>(
    db,
    `SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGES_WITH_OUTBOX} WHERE m.conversation_id = ?
       AND (m.created_at, m.id) < (SELECT created_at, id FROM messages WHERE id = ?)
     ORDER BY m.created_at DESC, m.id DESC LIMIT ?`,
  );
  const newer = prepared<[number, number, number], MessageRow>(
    db,
    `SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGES_WITH_OUTBOX} WHERE m.conversation_id = ?
       AND (m.created_at, m.id) > (SELECT created_at, id FROM messages WHERE id = ?)
     ORDER BY m.created_at ASC, m.id ASC LIMIT ?`,
  );
  let rows: MessageRow[];
  if (window.beforeId !== undefined) {
    rows = older.all(conversationId, window.beforeId, limit);
  } else if (window.afterId !== undefined) {
    rows = newer.all(conversationId, window.afterId, limit).reverse();
  } else if (window.aroundId !== undefined) {
    const anchor = prepared<[number, number], MessageRow>(db, `SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGES_WITH_OUTBOX} WHERE m.id = ? AND m.conversation_id = ?`).get(window.aroundId, conversationId);
    if (!anchor) return listMessages(db, conversationId, limit);
    const half = Math.max(1, Math.floor(limit / 2));
    rows = [...newer.all(conversationId, anchor.id, half).reverse(), anchor, ...older.all(conversationId, anchor.id, half)];
  } else {
    const newest = `SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGES_WITH_OUTBOX} WHERE m.conversation_id = ? ORDER BY m.created_at DESC, m.id DESC LIMIT ?`;
    rows = prepared<[number, number], MessageRow>(db, newest).all(conversationId, limit);
  }
  return rows.map(toMessage);
}

/** Every message waiting for its time (at ClickSend, or in the outbox with a schedule), soonest first. */
export function listScheduled(db: Db): Array<Message & { phone: string; contact_name: string | null }> {
  return prepared<[], MessageRow & { phone: string; contact_name: string | null }>(
    db,
    `SELECT ${MESSAGE_COLUMNS}, c.phone, ${contactNameOf('c.phone')} AS contact_name
     FROM ${MESSAGES_WITH_OUTBOX} JOIN conversations c ON c.id = m.conversation_id
     WHERE m.status = 'Scheduled' OR (m.status = 'Pending' AND o.schedule IS NOT NULL)
     ORDER BY m.scheduled_at, m.id`,
  )
    .all()
    .map((row) => ({ ...toMessage(row), phone: row.phone, contact_name: row.contact_name }));
}

export type MessageKind = 'sms' | 'mms';

/** Whether a message of this kind sent since `since` (epoch ms) still waits for its delivery receipt. */
export function awaitingReceipts(db: Db, since: number, kind: MessageKind): boolean {
  return prepared<[number, string], number>(db, `SELECT 1 FROM messages WHERE status IN ('Queued', 'Sent') AND created_at > ? AND kind = ? LIMIT 1`, { value: true }).get(since, kind) === 1;
}

/** The earliest schedule of this kind that is due but still shown as Scheduled, if any (epoch ms). */
export function earliestDueScheduled(db: Db, now: number, kind: MessageKind): number | null {
  return (
    prepared<[number, string], number | null>(db, `SELECT MIN(scheduled_at) FROM messages WHERE status = 'Scheduled' AND scheduled_at <= ? AND kind = ?`, { value: true }).get(now, kind) ?? null
  );
}

export function getMessage(db: Db, id: number): Message | null {
  const row = prepared<[number], MessageRow>(db, `SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGES_WITH_OUTBOX} WHERE m.id = ?`).get(id);
  return row ? toMessage(row) : null;
}

/** Removes a message ClickSend never accepted, keeping the conversation's summary right. */
export function deleteLocalMessage(db: Db, id: number): void {
  db.transaction(() => {
    const row = prepared<[number], { conversation_id: number }>(db, 'SELECT conversation_id FROM messages WHERE id = ? AND message_id IS NULL').get(id);
    if (!row) return;
    prepared(db, 'DELETE FROM messages WHERE id = ?').run(id);
    if (!summariseConversation(db, row.conversation_id)) prepared(db, 'DELETE FROM conversations WHERE id = ?').run(row.conversation_id);
  })();
}

/**
 * Recomputes a conversation's place and preview from its messages (by the
 * rule of `hasGoneOutOrComeIn`) after a delete. False when it has no messages left.
 */
function summariseConversation(db: Db, conversationId: number, now = Date.now()): boolean {
  const newestGoneOutOrComeIn = `SELECT m.id, m.created_at FROM messages m WHERE m.conversation_id = ? AND ${GONE_OUT_OR_COME_IN} ORDER BY m.created_at DESC, m.id DESC LIMIT 1`;
  const latest = prepared<[number], { id: number; created_at: number }>(db, newestGoneOutOrComeIn).get(conversationId);
  // Nothing has gone out or come in yet (only scheduled or cancelled messages): the newest as preview, placed no later than now.
  const fallback = latest
    ? null
    : prepared<[number, number], { id: number | null; first_at: number | null }>(
        db,
        `SELECT (SELECT id FROM messages WHERE conversation_id = ? ORDER BY created_at DESC, id DESC LIMIT 1) AS id,
           MIN(created_at) AS first_at FROM messages WHERE conversation_id = ?`,
      ).get(conversationId, conversationId);
  const summary = latest ?? (fallback?.id != null ? { id: fallback.id, created_at: Math.min(fallback.first_at!, now) } : null);
  if (!summary) return false;
  prepared(db, 'UPDATE conversations SET last_message_id = ?, last_message_at = ? WHERE id = ?').run(summary.id, summary.created_at, conversationId);
  return true;
}
