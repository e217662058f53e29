// Storing what ClickSend says: messages from any source (history, inbound,
// a send) and status reports. Idempotent by ClickSend message_id, so a page
// seen twice (retries, overlaps, crashes) changes nothing.
import type { Message } from '../../../shared/contract';
import { conversationKey } from '../../../shared/phone-numbers';
import { isForward } from '../clicksend/statuses';
import { describeMessage, hasGoneOutOrComeIn } from '../messages/rules';
import { prepared, type Db } from './statements';
import { cacheRules } from './cache-rules';
import { asksToStop } from './stop-requests';
import { leftClickSend, MESSAGE_COLUMNS, MESSAGES_WITH_OUTBOX, toMessage, type MessageKind, type MessageRow } from './messages';

/** A message as it arrives from any source (history, inbound, a send). */
export type IncomingMessage = Pick<Message, 'messageId' | 'direction' | 'body' | 'from' | 'to' | 'status' | 'statusText' | 'createdAt' | 'scheduledAt' | 'parts' | 'price'> & {
  customString: string | null;
  statusCode: string | null;
  /** Counts towards the conversation's unread badge when first stored. */
  unread: boolean;
  /** A picture message (MMS), with its subject and ClickSend's URL for the picture; absent: an SMS. */
  picture?: { subject: string | null; mediaUrl: string | null };
};

export interface IngestResult {
  added: Message[];
  changed: Message[];
  conversationIds: number[];
  /** Replies that opted their number out (STOP) or back in (START), recorded in the same transaction. */
  optOuts?: Array<{ conversationId: number; phone: string; optedOut: boolean }>;
}

/** Compiled once per database (prepared): ingestion runs per page, thousands of times in a backfill. */
function ingestStatements(db: Db) {
  const byMessageId = prepared<[string], MessageRow & { status_code: string | null; media_url: string | null }>(
    db,
    `SELECT ${MESSAGE_COLUMNS}, m.status_code, m.media_url FROM ${MESSAGES_WITH_OUTBOX} WHERE m.message_id = ?`,
  );
  const pendingByCustomString = prepared<[string], MessageRow & { media_url: string | null }>(
    db,
    `SELECT ${MESSAGE_COLUMNS}, m.media_url FROM ${MESSAGES_WITH_OUTBOX} WHERE m.custom_string = ? AND m.message_id IS NULL AND m.direction = 'out' LIMIT 1`,
  );
  const conversationByPhone = prepared<[string], { id: number }>(db, 'SELECT id FROM conversations WHERE phone = ?');
  const insertConversation = prepared<[string]>(db, 'INSERT INTO conversations (phone) VALUES (?)');
  const insertMessage = prepared(
    db,
    `INSERT INTO messages (conversation_id, message_id, custom_string, direction, body, from_number, to_number,
       status, status_code, status_text, created_at, scheduled_at, parts, price, unread, sent_at, kind, subject, media_url)
     VALUES (@conversationId, @messageId, @customString, @direction, @body, @from, @to,
       @status, @statusCode, @statusText, @createdAt, @scheduledAt, @parts, @price, @unread, @sentAt, @kind, @subject, @mediaUrl)`,
  );
  const updateMessage = prepared(
    db,
    `UPDATE messages SET message_id = @messageId, status = @status, status_code = @statusCode,
       status_text = @statusText, parts = COALESCE(@parts, parts), price = COALESCE(@price, price),
       scheduled_at = COALESCE(@scheduledAt, scheduled_at), sent_at = COALESCE(sent_at, @sentAt),
       media_url = COALESCE(@mediaUrl, media_url)
     WHERE id = @id`,
  );
  // A message that has gone out or come in moves its conversation up; one
  // still waiting (scheduled) or cancelled only gives a new conversation its
  // first place, at the time it was seen (never in the future). A reply newer
  // than the newest known becomes it. Expressions read the old row.
  const touchConversation = prepared(
    db,
    `UPDATE conversations SET
       last_message_id = CASE
         WHEN last_message_id IS NULL OR (@goneOutOrComeIn AND @createdAt >= last_message_at) THEN @messageRowId
         ELSE last_message_id END,
       last_message_at = CASE
         WHEN @goneOutOrComeIn THEN MAX(last_message_at, @createdAt)
         WHEN last_message_id IS NULL THEN MIN(@createdAt, @seenAt)
         ELSE last_message_at END,
       unread_count = unread_count + @unread,
       last_reply_id = CASE
         WHEN NOT @reply THEN last_reply_id
         WHEN last_reply_id IS NULL OR @createdAt >= (SELECT r.created_at FROM messages r WHERE r.id = conversations.last_reply_id) THEN @messageRowId
         ELSE last_reply_id END
     WHERE id = @conversationId`,
  );
  const readBack = prepared<[number], MessageRow>(db, `SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGES_WITH_OUTBOX} WHERE m.id = ?`);
  const dropFromOutbox = prepared<[number]>(db, 'DELETE FROM outbox WHERE message_row_id = ?');
  return { byMessageId, pendingByCustomString, conversationByPhone, insertConversation, insertMessage, updateMessage, touchConversation, readBack, dropFromOutbox };
}

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
export function ingestMessages(db: Db, incoming: readonly IncomingMessage[]): IngestResult {
  const { byMessageId, pendingByCustomString, conversationByPhone, insertConversation, insertMessage, updateMessage, touchConversation, readBack, dropFromOutbox } =
    ingestStatements(db);
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
        const mediaUrl = message.picture?.mediaUrl ?? null;
        if (!statusChanged && messageId === existing.message_id && (mediaUrl === null || existing.media_url === mediaUrl)) continue;
        updateMessage.run({
          id: existing.id,
          messageId,
          status,
          statusCode: statusChanged ? message.statusCode : ((existing as { status_code?: string | null }).status_code ?? null),
          statusText: statusChanged ? message.statusText : existing.status_text,
          parts: message.parts,
          price: message.price,
          scheduledAt: message.scheduledAt,
          sentAt: leftClickSend(status) ? (message.scheduledAt ?? message.createdAt) : null,
          mediaUrl,
        });
        // Found at ClickSend: whatever the outbox thought, this send is settled.
        if (existing.message_id === null && messageId !== null) dropFromOutbox.run(existing.id);
        const now = readBack.get(existing.id)!;
        // A scheduled message that went has now gone out: it places its conversation.
        if (!hasGoneOutOrComeIn(existing.status, existing.scheduled_at) && hasGoneOutOrComeIn(now.status, now.scheduled_at)) {
          touchConversation.run({ conversationId: now.conversation_id, createdAt: now.created_at, messageRowId: now.id, unread: 0, goneOutOrComeIn: 1, reply: 0, seenAt: Date.now() });
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
          kind: message.picture ? 'mms' : 'sms',
          subject: message.picture?.subject ?? null,
          mediaUrl: message.picture?.mediaUrl ?? null,
          conversationId,
          unread,
          sentAt: message.direction === 'out' && leftClickSend(message.status) ? (message.scheduledAt ?? message.createdAt) : null,
        }).lastInsertRowid,
      );
      touchConversation.run({
        conversationId,
        createdAt: message.createdAt,
        messageRowId: rowId,
        unread,
        goneOutOrComeIn: hasGoneOutOrComeIn(message.status, message.scheduledAt) ? 1 : 0,
        reply: message.direction === 'in' ? 1 : 0,
        seenAt: Date.now(),
      });
      let mayAskToStop = false;
      if (message.direction === 'in') {
        const reply = { rowId, conversationId, phone, body: message.body, createdAt: message.createdAt };
        for (const rule of cacheRules(db)?.afterReply ?? []) {
          const effects = rule(db, reply);
          if (!effects) continue;
          if (effects.optedOut !== undefined) (result.optOuts ??= []).push({ conversationId, phone, optedOut: effects.optedOut });
          for (const id of effects.changedRowIds ?? []) result.changed.push(toMessage(readBack.get(id)!));
          mayAskToStop ||= effects.mayAskToStop === true;
        }
      }
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
        picture: message.picture ? { subject: message.picture.subject } : null,
        // Only a reply that reads like a request can be its number's open one.
        asksToStop: mayAskToStop && asksToStop(db, rowId),
      }));
      touched.add(conversationId);
    }
  })();
  result.conversationIds = [...touched];
  return result;
}

export type StatusReport = Pick<IncomingMessage, 'status' | 'statusCode' | 'statusText'> & { messageId: string };

/** Delivery receipts: move known messages forward; unknown ids wait for history. */
export function applyStatusReports(db: Db, reports: readonly StatusReport[]): IngestResult {
  const { byMessageId, touchConversation } = ingestStatements(db);
  const update = prepared(
    db,
    'UPDATE messages SET status = ?, status_code = ?, status_text = ?, sent_at = COALESCE(sent_at, ?) WHERE id = ?',
  );
  const now = Date.now();
  const result: IngestResult = { added: [], changed: [], conversationIds: [] };
  const touched = new Set<number>();
  db.transaction(() => {
    for (const report of reports) {
      const row = byMessageId.get(report.messageId);
      if (!row || !isForward(row.status, report.status)) continue;
      update.run(report.status, report.statusCode, report.statusText, leftClickSend(report.status) ? now : null, row.id);
      if (!hasGoneOutOrComeIn(row.status, row.scheduled_at) && hasGoneOutOrComeIn(report.status, row.scheduled_at)) {
        touchConversation.run({ conversationId: row.conversation_id, createdAt: row.created_at, messageRowId: row.id, unread: 0, goneOutOrComeIn: 1, reply: 0, seenAt: now });
      }
      result.changed.push(toMessage({ ...row, status: report.status, status_text: report.statusText }));
      touched.add(row.conversation_id);
    }
  })();
  result.conversationIds = [...touched];
  return result;
}

/** After cancel-all of this kind (SMS or picture messages) succeeded at ClickSend: every such scheduled message is cancelled. */
export function cancelAllScheduledLocally(db: Db, kind: MessageKind): IngestResult {
  const scheduled = `SELECT ${MESSAGE_COLUMNS} FROM ${MESSAGES_WITH_OUTBOX} WHERE m.status = 'Scheduled' AND m.message_id IS NOT NULL AND m.kind = ?`;
  const rows = prepared<[string], MessageRow>(db, scheduled).all(kind);
  return applyStatusReports(
    db,
    rows.map((r) => ({ messageId: r.message_id!, status: 'Cancelled' as const, statusCode: null, statusText: 'Cancelled from the app.' })),
  );
}
