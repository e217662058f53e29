// Typed queries over messages. Ingestion is idempotent by ClickSend
// message_id, so a page seen twice (retries, overlaps, crashes) changes nothing.
import type { Message, MessageStatus } from '../../../shared/contract';
import { conversationKey } from '../../../shared/phone-numbers';
import { isForward } from '../clicksend/statuses';
import { describeMessage, happened, happenedSql } from '../messages/rules';
import { contactNameOf } from './conversations';
import { prepared, type Db } from './database';

/** A message as it arrives from any source (history, inbound, a send). */
export interface IncomingMessage {
  messageId: string | null;
  customString: string | null;
  direction: 'in' | 'out';
  body: string;
  from: string | null;
  to: string | null;
  status: MessageStatus;
  statusCode: string | null;
  statusText: string | null;
  createdAt: number;
  scheduledAt: number | null;
  parts: number | null;
  price: string | null;
  /** Counts towards the conversation's unread badge when first stored. */
  unread: boolean;
}

interface MessageRow {
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
}

const columns = `m.id, m.conversation_id, m.message_id, m.direction, m.body, m.from_number, m.to_number, m.status,
  m.status_text, m.created_at, m.scheduled_at, m.parts, m.price, o.state AS outbox_state`;
/** Messages with their outbox entry, if any: the one shape every read returns. */
const source = 'messages m LEFT JOIN outbox o ON o.message_row_id = m.id';

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
  });
}

/** The message has left ClickSend for the network: it has a sent time. */
function hasLeft(status: MessageStatus): boolean {
  return status === 'Sent' || status === 'Delivered' || status === 'Undelivered';
}

const HAPPENED = happenedSql('m');

export interface IngestResult {
  added: Message[];
  changed: Message[];
  conversationIds: number[];
}

function prepareIngest(db: Db) {
  const byMessageId = db.prepare<[string], MessageRow & { status_code: string | null }>(
    `SELECT ${columns}, m.status_code FROM ${source} WHERE m.message_id = ?`,
  );
  const pendingByCustomString = db.prepare<[string], MessageRow>(
    `SELECT ${columns} FROM ${source} WHERE m.custom_string = ? AND m.message_id IS NULL AND m.direction = 'out' LIMIT 1`,
  );
  const conversationByPhone = db.prepare<[string], { id: number }>('SELECT id FROM conversations WHERE phone = ?');
  const insertConversation = db.prepare<[string]>('INSERT INTO conversations (phone) VALUES (?)');
  const insertMessage = db.prepare(
    `INSERT INTO messages (conversation_id, message_id, custom_string, direction, body, from_number, to_number,
       status, status_code, status_text, created_at, scheduled_at, parts, price, unread, sent_at)
     VALUES (@conversationId, @messageId, @customString, @direction, @body, @from, @to,
       @status, @statusCode, @statusText, @createdAt, @scheduledAt, @parts, @price, @unread, @sentAt)`,
  );
  const updateMessage = db.prepare(
    `UPDATE messages SET message_id = @messageId, status = @status, status_code = @statusCode,
       status_text = @statusText, parts = COALESCE(@parts, parts), price = COALESCE(@price, price),
       scheduled_at = COALESCE(@scheduledAt, scheduled_at), sent_at = COALESCE(sent_at, @sentAt)
     WHERE id = @id`,
  );
  // A message that has happened moves its conversation up; one that has not
  // (scheduled, cancelled) only gives a new conversation its first place, at
  // the time it was seen (never in the future). Expressions read the old row.
  const touchConversation = db.prepare(
    `UPDATE conversations SET
       last_message_id = CASE
         WHEN last_message_id IS NULL OR (@happened AND @createdAt >= last_message_at) THEN @messageRowId
         ELSE last_message_id END,
       last_message_at = CASE
         WHEN @happened THEN MAX(last_message_at, @createdAt)
         WHEN last_message_id IS NULL THEN MIN(@createdAt, @seenAt)
         ELSE last_message_at END,
       unread_count = unread_count + @unread
     WHERE id = @conversationId`,
  );
  const readBack = db.prepare<[number], MessageRow>(`SELECT ${columns} FROM ${source} WHERE m.id = ?`);
  const dropFromOutbox = db.prepare<[number]>('DELETE FROM outbox WHERE message_row_id = ?');
  return { byMessageId, pendingByCustomString, conversationByPhone, insertConversation, insertMessage, updateMessage, touchConversation, readBack, dropFromOutbox };
}

/** Compiled once per database: ingestion runs per page, thousands of times in a backfill. */
const statements = new WeakMap<Db, ReturnType<typeof prepareIngest>>();

/** Conversation keys of numbers seen recently: parsing a number is the costly part of a row. */
const keys = new Map<string, string>();
function keyOf(number: string): string {
  let key = keys.get(number);
  if (key === undefined) {
    if (keys.size > 50_000) keys.clear();
    key = conversationKey(number);
    keys.set(number, key);
  }
  return key;
}

/** Stores a batch in one transaction; returns what is new and what moved on. */
function statementsFor(db: Db): ReturnType<typeof prepareIngest> {
  let prepared = statements.get(db);
  if (!prepared) statements.set(db, (prepared = prepareIngest(db)));
  return prepared;
}

export function ingestMessages(db: Db, incoming: readonly IncomingMessage[]): IngestResult {
  const prepared = statementsFor(db);
  const { byMessageId, pendingByCustomString, conversationByPhone, insertConversation, insertMessage, updateMessage, touchConversation, readBack, dropFromOutbox } =
    prepared;
  const result: IngestResult = { added: [], changed: [], conversationIds: [] };
  const touched = new Set<number>();

  db.transaction(() => {
    for (const message of incoming) {
      const existing =
        (message.messageId ? byMessageId.get(message.messageId) : undefined) ??
        (message.customString && message.direction === 'out' ? pendingByCustomString.get(message.customString) : undefined);
      if (existing) {
        const status = isForward(existing.status, message.status) ? message.status : existing.status;
        const messageId = existing.message_id ?? message.messageId;
        const statusChanged = status !== existing.status;
        if (!statusChanged && messageId === existing.message_id) continue;
        updateMessage.run({
          id: existing.id,
          messageId,
          status,
          statusCode: statusChanged ? message.statusCode : ((existing as { status_code?: string | null }).status_code ?? null),
          statusText: statusChanged ? message.statusText : existing.status_text,
          parts: message.parts,
          price: message.price,
          scheduledAt: message.scheduledAt,
          sentAt: hasLeft(status) ? (message.scheduledAt ?? message.createdAt) : null,
        });
        // Found at ClickSend: whatever the outbox thought, this send is settled.
        if (existing.message_id === null && messageId !== null) dropFromOutbox.run(existing.id);
        const now = readBack.get(existing.id)!;
        // A scheduled message that went has now happened: it places its conversation.
        if (!happened(existing.status, existing.scheduled_at) && happened(now.status, now.scheduled_at)) {
          touchConversation.run({ conversationId: now.conversation_id, createdAt: now.created_at, messageRowId: now.id, unread: 0, happened: 1, seenAt: Date.now() });
        }
        result.changed.push(toMessage(now));
        touched.add(existing.conversation_id);
        continue;
      }
      const other = message.direction === 'in' ? message.from : message.to;
      if (!other) continue;
      const phone = keyOf(other);
      let conversationId = conversationByPhone.get(phone)?.id;
      if (conversationId === undefined) {
        conversationId = Number(insertConversation.run(phone).lastInsertRowid);
      }
      const unread = message.direction === 'in' && message.unread ? 1 : 0;
      const rowId = Number(
        insertMessage.run({
          ...message,
          conversationId,
          unread,
          sentAt: message.direction === 'out' && hasLeft(message.status) ? (message.scheduledAt ?? message.createdAt) : null,
        }).lastInsertRowid,
      );
      touchConversation.run({
        conversationId,
        createdAt: message.createdAt,
        messageRowId: rowId,
        unread,
        happened: happened(message.status, message.scheduledAt) ? 1 : 0,
        seenAt: Date.now(),
      });
      // A new row is exactly what was inserted: no need to read it back.
      result.added.push(describeMessage({
        id: rowId,
        conversationId,
        messageId: message.messageId,
        direction: message.direction,
        body: message.body,
        from: message.from,
        to: message.to,
        status: message.status,
        statusText: message.statusText,
        createdAt: message.createdAt,
        scheduledAt: message.scheduledAt,
        parts: message.parts,
        price: message.price,
        outboxState: null,
      }));
      touched.add(conversationId);
    }
  })();
  result.conversationIds = [...touched];
  return result;
}

export type MessageWindow = { beforeId?: number; afterId?: number; aroundId?: number };

/**
 * Newest first. With no anchor: the newest page. `beforeId` pages backwards
 * from a message already shown, `afterId` forwards, `aroundId` gives half a
 * page either side of a message (and the message itself).
 */
export function listMessages(db: Db, conversationId: number, limit: number, window: MessageWindow = {}): Message[] {
  const older = db.prepare<[number, number, number], MessageRow>(
    `SELECT ${columns} FROM ${source} WHERE m.conversation_id = ?
       AND (m.created_at, m.id) < (SELECT created_at, id FROM messages WHERE id = ?)
     ORDER BY m.created_at DESC, m.id DESC LIMIT ?`,
  );
  const newer = db.prepare<[number, number, number], MessageRow>(
    `SELECT ${columns} FROM ${source} WHERE m.conversation_id = ?
       AND (m.created_at, m.id) > (SELECT created_at, id FROM messages WHERE id = ?)
     ORDER BY m.created_at ASC, m.id ASC LIMIT ?`,
  );
  let rows: MessageRow[];
  if (window.beforeId !== undefined) {
    rows = older.all(conversationId, window.beforeId, limit);
  } else if (window.afterId !== undefined) {
    rows = newer.all(conversationId, window.afterId, limit).reverse();
  } else if (window.aroundId !== undefined) {
    const anchor = db.prepare<[number, number], MessageRow>(`SELECT ${columns} FROM ${source} WHERE m.id = ? AND m.conversation_id = ?`).get(window.aroundId, conversationId);
    if (!anchor) return listMessages(db, conversationId, limit);
    const half = Math.max(1, Math.floor(limit / 2));
    rows = [...newer.all(conversationId, anchor.id, half).reverse(), anchor, ...older.all(conversationId, anchor.id, half)];
  } else {
    rows = db
      .prepare<[number, number], MessageRow>(
        `SELECT ${columns} FROM ${source} WHERE m.conversation_id = ? ORDER BY m.created_at DESC, m.id DESC LIMIT ?`,
      )
      .all(conversationId, limit);
  }
  return rows.map(toMessage);
}

/** Every message waiting for its time (at ClickSend, or in the outbox with a schedule), soonest first. */
export function listScheduled(db: Db): Array<Message & { phone: string; contact_name: string | null }> {
  return db
    .prepare<[], MessageRow & { phone: string; contact_name: string | null }>(
      `SELECT ${columns}, c.phone, ${contactNameOf('c.phone')} AS contact_name
       FROM ${source} JOIN conversations c ON c.id = m.conversation_id
       WHERE m.status = 'Scheduled' OR (m.status = 'Pending' AND o.schedule IS NOT NULL)
       ORDER BY m.scheduled_at, m.id`,
    )
    .all()
    .map((row) => ({ ...toMessage(row), phone: row.phone, contact_name: row.contact_name }));
}

/** Whether a message sent since `since` (epoch ms) still waits for its delivery receipt. */
export function awaitingReceipts(db: Db, since: number): boolean {
  return prepared<[number], number>(db, `SELECT 1 FROM messages WHERE status IN ('Queued', 'Sent') AND created_at > ? LIMIT 1`, { value: true }).get(since) === 1;
}

/** The earliest schedule that is due but still shown as Scheduled, if any (epoch ms). */
export function earliestDueScheduled(db: Db, now: number): number | null {
  return (
    prepared<[number], number | null>(db, `SELECT MIN(scheduled_at) FROM messages WHERE status = 'Scheduled' AND scheduled_at <= ?`, { value: true }).get(now) ?? null
  );
}

/** After cancel-all succeeded at ClickSend: every scheduled message it had is cancelled. */
export function cancelAllScheduledLocally(db: Db): IngestResult {
  const rows = db
    .prepare<[], MessageRow>(`SELECT ${columns} FROM ${source} WHERE m.status = 'Scheduled' AND m.message_id IS NOT NULL`)
    .all();
  return applyStatusReports(
    db,
    rows.map((r) => ({ messageId: r.message_id!, status: 'Cancelled' as const, statusCode: null, statusText: 'Cancelled from the app.' })),
  );
}

export function getMessage(db: Db, id: number): Message | null {
  const row = db.prepare<[number], MessageRow>(`SELECT ${columns} FROM ${source} WHERE m.id = ?`).get(id);
  return row ? toMessage(row) : null;
}

export function countMessages(db: Db): number {
  return db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM messages').get()!.n;
}

export interface StatusReport {
  messageId: string;
  status: MessageStatus;
  statusCode: string | null;
  statusText: string | null;
}

/** Delivery receipts: move known messages forward; unknown ids wait for history. */
export function applyStatusReports(db: Db, reports: readonly StatusReport[]): IngestResult {
  const find = db.prepare<[string], MessageRow>(`SELECT ${columns} FROM ${source} WHERE m.message_id = ?`);
  const update = db.prepare(
    'UPDATE messages SET status = ?, status_code = ?, status_text = ?, sent_at = COALESCE(sent_at, ?) WHERE id = ?',
  );
  const now = Date.now();
  const result: IngestResult = { added: [], changed: [], conversationIds: [] };
  const touched = new Set<number>();
  db.transaction(() => {
    for (const report of reports) {
      const row = find.get(report.messageId);
      if (!row || !isForward(row.status, report.status)) continue;
      update.run(report.status, report.statusCode, report.statusText, hasLeft(report.status) ? now : null, row.id);
      if (!happened(row.status, row.scheduled_at) && happened(report.status, row.scheduled_at)) {
        const { touchConversation } = statementsFor(db);
        touchConversation.run({ conversationId: row.conversation_id, createdAt: row.created_at, messageRowId: row.id, unread: 0, happened: 1, seenAt: now });
      }
      result.changed.push(toMessage({ ...row, status: report.status, status_text: report.statusText }));
      touched.add(row.conversation_id);
    }
  })();
  result.conversationIds = [...touched];
  return result;
}

/** A local outcome (a refused send): the only backwards-free way to set Failed. */
export function setLocalStatus(db: Db, id: number, status: MessageStatus, statusText: string | null): Message | null {
  db.prepare('UPDATE messages SET status = ?, status_text = ? WHERE id = ?').run(status, statusText, id);
  return getMessage(db, id);
}

/** Removes a message ClickSend never accepted, keeping the conversation's summary right. */
export function deleteLocalMessage(db: Db, id: number): void {
  db.transaction(() => {
    const row = db.prepare<[number], { conversation_id: number }>('SELECT conversation_id FROM messages WHERE id = ? AND message_id IS NULL').get(id);
    if (!row) return;
    db.prepare('DELETE FROM messages WHERE id = ?').run(id);
    if (!summariseConversation(db, row.conversation_id)) db.prepare('DELETE FROM conversations WHERE id = ?').run(row.conversation_id);
  })();
}

/**
 * Recomputes a conversation's place and preview from its messages (by the
 * rule of `happened`): after a delete, and for every conversation when the
 * rule changed (migration 4). False when it has no messages left.
 */
export function summariseConversation(db: Db, conversationId: number, now = Date.now()): boolean {
  const latest = db
    .prepare<[number], { id: number; created_at: number }>(
      `SELECT m.id, m.created_at FROM messages m WHERE m.conversation_id = ? AND ${HAPPENED} ORDER BY m.created_at DESC, m.id DESC LIMIT 1`,
    )
    .get(conversationId);
  // Nothing has happened yet (only scheduled or cancelled messages): the newest as preview, placed no later than now.
  const fallback = latest
    ? null
    : db
        .prepare<[number, number], { id: number | null; first_at: number | null }>(
          `SELECT (SELECT id FROM messages WHERE conversation_id = ? ORDER BY created_at DESC, id DESC LIMIT 1) AS id,
             MIN(created_at) AS first_at FROM messages WHERE conversation_id = ?`,
        )
        .get(conversationId, conversationId);
  const summary = latest ?? (fallback?.id != null ? { id: fallback.id, created_at: Math.min(fallback.first_at!, now) } : null);
  if (!summary) return false;
  db.prepare('UPDATE conversations SET last_message_id = ?, last_message_at = ? WHERE id = ?').run(summary.id, summary.created_at, conversationId);
  return true;
}
