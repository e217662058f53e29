// Typed queries over conversations: one per other party's number.
import type { Conversation, ConversationFilter, Message, MessageStatus, Result } from '../../../shared/contract';
import { formatNumber } from '../../../shared/phone-numbers';
import { statusLabel, statusTone } from '../messages/rules';
import { conversationActions } from '../conversations/actions';
import { cacheRules } from './cache-rules';
import { prepared, type Db } from './statements';
import { optedOut, optOutRecord, type OptOutRecord, type OptOutSource } from './opt-outs';
import { openRequestJoin } from './stop-requests';

/** SQL for the display name of the contact with this number, or NULL. */
export function contactNameOf(phoneColumn: string): string {
  return `(SELECT TRIM(COALESCE(k.first_name, '') || ' ' || COALESCE(k.last_name, '')) FROM contacts k
    WHERE k.phone = ${phoneColumn} AND TRIM(COALESCE(k.first_name, '') || COALESCE(k.last_name, '')) <> ''
    ORDER BY k.contact_id LIMIT 1)`;
}

interface ConversationRow {
  id: number;
  phone: string;
  contact_name: string | null;
  last_message_at: number;
  unread_count: number;
  has_reply: number;
  body: string;
  kind: 'sms' | 'mms';
  subject: string | null;
  direction: 'in' | 'out';
  status: MessageStatus;
  outbox_state: Message['outboxState'];
  opted_out_at: number | null;
  opted_out_how: OptOutSource | null;
  opted_out_note: string | null;
  asked_id: number | null;
  asked_at: number | null;
  pinned_at: number | null;
  archived_at: number | null;
  muted: number | null;
}

const SELECT_CONVERSATIONS = `SELECT c.id, c.phone, ${contactNameOf('c.phone')} AS contact_name, c.last_message_at, c.unread_count,
    c.last_reply_id IS NOT NULL AS has_reply,
    m.body, m.kind, m.subject, m.direction, m.status, o.state AS outbox_state,
    oo.changed_at AS opted_out_at, oo.how AS opted_out_how, oo.note AS opted_out_note,
    sr.message_row_id AS asked_id, sr.asked_at,
    f.pinned_at, f.archived_at, f.muted
  FROM conversations c JOIN messages m ON m.id = c.last_message_id LEFT JOIN outbox o ON o.message_row_id = m.id
  LEFT JOIN opt_outs oo ON oo.phone = c.phone AND oo.opted_out = 1
  ${openRequestJoin('c')}
  LEFT JOIN conversation_flags f ON f.phone = c.phone`;

/**
 * Conversations whose newest message of ours that has gone out did not get
 * through: they need following up. Kept by triggers (migration 4), read from
 * a partial index.
 */
const NEEDS_FOLLOW_UP = `c.last_out_status IN ('Failed', 'Undelivered')`;

const ARCHIVED = 'c.phone IN (SELECT phone FROM conversation_flags WHERE archived_at IS NOT NULL)';
const PINNED = 'c.phone IN (SELECT phone FROM conversation_flags WHERE pinned_at IS NOT NULL)';

/** Every filter but Archived leaves archived conversations out. `f` is the row's flags (see SELECT_CONVERSATIONS). */
const filters: Record<ConversationFilter, string> = {
  all: 'f.archived_at IS NULL',
  archived: ARCHIVED,
  unread: 'c.unread_count > 0',
  scheduled: `c.id IN (SELECT s.conversation_id FROM messages s WHERE s.status = 'Scheduled')`,
  failed: NEEDS_FOLLOW_UP,
  optedOut: 'c.phone IN (SELECT phone FROM opt_outs WHERE opted_out = 1)',
};

/** A conversation's title: the contact's name, else the number as people write it. The one rule. */
export function conversationTitle(contactName: string | null | undefined, phone: string): string {
  return contactName?.trim() || formatNumber(phone);
}

function toConversation(db: Db, row: ConversationRow): Conversation {
  return {
    id: row.id,
    phone: row.phone,
    title: conversationTitle(row.contact_name, row.phone),
    displayPhone: formatNumber(row.phone),
    lastMessageAt: row.last_message_at,
    lastBody: row.kind === 'mms' ? picturePreview(row.subject, row.body) : row.body,
    lastIsPicture: row.kind === 'mms',
    lastDirection: row.direction,
    lastStatus: row.status,
    // A customer's message carries no status of ours.
    lastStatusLabel: row.direction === 'out' ? statusLabel(row.status, row.outbox_state) : null,
    lastTone: row.direction === 'out' ? statusTone(row.status) : 'neutral',
    unreadCount: row.unread_count,
    actions: conversationActions({
      pinned: row.pinned_at !== null,
      archived: row.archived_at !== null,
      muted: row.muted === 1,
      unreadCount: row.unread_count,
      hasReply: row.has_reply === 1,
    }),
    optedOut:
      row.opted_out_at === null || row.opted_out_how === null
        ? null
        : asContract(db, { phone: row.phone, optedOut: true, changedAt: row.opted_out_at, how: row.opted_out_how, messageRowId: null, note: row.opted_out_note }),
    askedToStop: row.asked_id === null || row.asked_at === null ? null : { replyId: row.asked_id, at: row.asked_at },
    pinned: row.pinned_at !== null,
    archived: row.archived_at !== null,
    muted: row.muted === 1,
  };
}

/** A picture message in the list: "Photo", then what it says. */
export function picturePreview(subject: string | null, body: string): string {
  const words = body.trim() || subject?.trim() || '';
  return words ? `Photo · ${words}` : 'Photo';
}

function asContract(db: Db, record: OptOutRecord): NonNullable<Conversation['optedOut']> {
  return { since: record.changedAt, how: record.how, notice: cacheRules(db, 'an opt-out’s words')!.optOutNotice(record) };
}

/** The record of a number opted back in by hand, for its thread. */
export function optInNoteForPhone(db: Db, phone: string): string | null {
  const record = optOutRecord(db, phone);
  return record ? cacheRules(db, 'an opt-in’s words')!.optInNote(record) : null;
}

/** Whether a number may be texted, as the contract carries it; for a number with no conversation too. */
export function optOutForPhone(db: Db, phone: string): Conversation['optedOut'] {
  const record = optedOut(db, phone);
  return record ? asContract(db, record) : null;
}

export type ConversationPage = Result<'conversations.list'>;
export type FilterCounts = ConversationPage['counts'];

/** How many conversations the Unread, Failed and Scheduled filters hold; each answered from an index. */
export function filterCounts(db: Db): FilterCounts {
  const count = (sql: string) => prepared<[], number>(db, sql, { value: true }).get() ?? 0;
  return {
    unread: totalUnread(db),
    failed: count(`SELECT COUNT(*) FROM conversations c WHERE ${NEEDS_FOLLOW_UP}`),
    scheduled: count(`SELECT COUNT(DISTINCT conversation_id) FROM messages WHERE status = 'Scheduled'`),
    optedOut: count(`SELECT COUNT(*) FROM conversations c WHERE ${filters.optedOut}`),
    // Through conversations: flags outlive a conversation whose last message was deleted here.
    archived: count('SELECT COUNT(*) FROM conversation_flags f JOIN conversations c ON c.phone = f.phone WHERE f.archived_at IS NOT NULL'),
  };
}

/**
 * Pinned conversations first (most recently pinned on top), then the rest by
 * activity. The pinned are few and read apart, so the rest still pages
 * through the activity index instead of sorting every conversation.
 */
export function listConversations(db: Db, limit: number, offset: number, filter: ConversationFilter = 'all'): ConversationPage {
  const where = filters[filter];
  const pinned = prepared<[], ConversationRow>(db, `${SELECT_CONVERSATIONS} WHERE ${where} AND ${PINNED} ORDER BY f.pinned_at DESC, c.id DESC`).all();
  const rest = prepared<[number, number], ConversationRow>(
    db,
    `${SELECT_CONVERSATIONS} WHERE ${where} AND f.pinned_at IS NULL ORDER BY c.last_message_at DESC, c.id DESC LIMIT ? OFFSET ?`,
  ).all(Math.max(0, limit - Math.max(0, pinned.length - offset)), Math.max(0, offset - pinned.length));
  const items = [...pinned.slice(offset, offset + limit), ...rest].slice(0, limit).map((row) => toConversation(db, row));
  // All but the archived: SQLite counts a whole table at once, but not a table less a NOT IN (1 ms per 10,000).
  const count =
    filter === 'all'
      ? `SELECT (SELECT COUNT(*) FROM conversations) - (SELECT COUNT(*) FROM conversation_flags f JOIN conversations c ON c.phone = f.phone WHERE f.archived_at IS NOT NULL)`
      : `SELECT COUNT(*) FROM conversations c WHERE ${where}`;
  const total = prepared<[], number>(db, count, { value: true }).get()!;
  return { total, items, counts: filterCounts(db) };
}

export function getConversation(db: Db, id: number): Conversation | null {
  const row = prepared<[number], ConversationRow>(db, `${SELECT_CONVERSATIONS} WHERE c.id = ?`).get(id);
  return row ? toConversation(db, row) : null;
}

export function conversationIdForPhone(db: Db, phone: string): number | null {
  return prepared<[string], number>(db, 'SELECT id FROM conversations WHERE phone = ?', { value: true }).get(phone) ?? null;
}

/** The contact's name for a number with no conversation yet. */
export function contactNameForPhone(db: Db, phone: string): string | null {
  return prepared<[string], string | null>(db, `SELECT ${contactNameOf('?')}`, { value: true }).get(phone) ?? null;
}

/** Opening a conversation reads it locally. */
export function markConversationRead(db: Db, conversationId: number): boolean {
  return db.transaction(() => {
    prepared(db, 'UPDATE messages SET unread = 0 WHERE conversation_id = ? AND unread = 1').run(conversationId);
    return prepared(db, 'UPDATE conversations SET unread_count = 0 WHERE id = ? AND unread_count > 0').run(conversationId).changes > 0;
  })();
}

/** "Mark unread": the newest reply becomes unread again, so the badge shows 1 (or stays as it was). */
export function markConversationUnread(db: Db, conversationId: number): boolean {
  return db.transaction(() => {
    const newest = prepared<[number], number | null>(db, 'SELECT last_reply_id FROM conversations WHERE id = ?', { value: true }).get(conversationId);
    if (newest === undefined || newest === null) return false;
    prepared(db, 'UPDATE messages SET unread = 1 WHERE id = ?').run(newest);
    const recount = 'UPDATE conversations SET unread_count = (SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND unread = 1) WHERE id = ?';
    return prepared(db, recount).run(conversationId, conversationId).changes > 0;
  })();
}

/**
 * The unread count everywhere it is shown (the Conversations badge, the window
 * title, the tray, the dock or taskbar, the Unread filter): conversations with
 * an unread reply, as messaging apps count them. A row's own badge says how
 * many replies wait in it.
 */
export function totalUnread(db: Db): number {
  return prepared<[], number>(db, 'SELECT COUNT(*) FROM conversations WHERE unread_count > 0', { value: true }).get() ?? 0;
}
