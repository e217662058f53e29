// Typed queries over conversations: one per other party's number.
import type { Conversation, ConversationFilter, MessageStatus } from '../../../shared/contract';
import { formatNumber } from '../../../shared/phone-numbers';
import type { Db } from './database';

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
  body: string;
  direction: 'in' | 'out';
  status: MessageStatus;
  last_outbound_status: MessageStatus | null;
}

const select = `SELECT c.id, c.phone, ${contactNameOf('c.phone')} AS contact_name, c.last_message_at, c.unread_count,
    m.body, m.direction, m.status,
    (SELECT o.status FROM messages o WHERE o.conversation_id = c.id AND o.direction = 'out'
      ORDER BY o.created_at DESC, o.id DESC LIMIT 1) AS last_outbound_status
  FROM conversations c JOIN messages m ON m.id = c.last_message_id`;

const filters: Record<ConversationFilter, string> = {
  all: '1',
  unread: 'c.unread_count > 0',
  scheduled: `EXISTS (SELECT 1 FROM messages s WHERE s.status = 'Scheduled' AND s.conversation_id = c.id)`,
  failed: `EXISTS (SELECT 1 FROM messages s WHERE s.status IN ('Failed', 'Undelivered') AND s.conversation_id = c.id)`,
};

/** A conversation's title: the contact's name, else the number as people write it. The one rule. */
export function conversationTitle(contactName: string | null | undefined, phone: string): string {
  return contactName?.trim() || formatNumber(phone);
}

function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    phone: row.phone,
    title: conversationTitle(row.contact_name, row.phone),
    lastMessageAt: row.last_message_at,
    lastBody: row.body,
    lastDirection: row.direction,
    lastStatus: row.status,
    lastOutboundStatus: row.last_outbound_status,
    unreadCount: row.unread_count,
  };
}

export interface ConversationPage {
  total: number;
  items: Conversation[];
}

export function listConversations(db: Db, limit: number, offset: number, filter: ConversationFilter = 'all'): ConversationPage {
  const where = filters[filter];
  const items = db
    .prepare<[number, number], ConversationRow>(
      `${select} WHERE ${where} ORDER BY c.last_message_at DESC, c.id DESC LIMIT ? OFFSET ?`,
    )
    .all(limit, offset)
    .map(toConversation);
  const total = db.prepare<[], number>(`SELECT COUNT(*) FROM conversations c WHERE ${where}`).pluck().get()!;
  return { total, items };
}

export function getConversation(db: Db, id: number): Conversation | null {
  const row = db.prepare<[number], ConversationRow>(`${select} WHERE c.id = ?`).get(id);
  return row ? toConversation(row) : null;
}

export function conversationIdForPhone(db: Db, phone: string): number | null {
  return db.prepare<[string], { id: number }>('SELECT id FROM conversations WHERE phone = ?').get(phone)?.id ?? null;
}

/** The contact's name for a number with no conversation yet. */
export function contactNameForPhone(db: Db, phone: string): string | null {
  return db.prepare<[string], string | null>(`SELECT ${contactNameOf('?')}`).pluck().get(phone) ?? null;
}

/** Opening a conversation reads it locally. */
export function markConversationRead(db: Db, conversationId: number): boolean {
  return db.transaction(() => {
    db.prepare('UPDATE messages SET unread = 0 WHERE conversation_id = ? AND unread = 1').run(conversationId);
    return db.prepare('UPDATE conversations SET unread_count = 0 WHERE id = ? AND unread_count > 0').run(conversationId).changes > 0;
  })();
}

/** "Mark unread": the newest reply becomes unread again, so the badge shows 1 (or stays as it was). */
export function markConversationUnread(db: Db, conversationId: number): boolean {
  return db.transaction(() => {
    const newest = db
      .prepare<[number], number>(
        `SELECT id FROM messages WHERE conversation_id = ? AND direction = 'in' ORDER BY created_at DESC, id DESC LIMIT 1`,
      )
      .pluck()
      .get(conversationId);
    if (newest === undefined) return false;
    db.prepare('UPDATE messages SET unread = 1 WHERE id = ?').run(newest);
    return (
      db
        .prepare('UPDATE conversations SET unread_count = (SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND unread = 1) WHERE id = ?')
        .run(conversationId, conversationId).changes > 0
    );
  })();
}

/** Unread replies across every conversation: the badge. */
export function totalUnread(db: Db): number {
  return db.prepare<[], number | null>('SELECT SUM(unread_count) FROM conversations').pluck().get() ?? 0;
}
