// Typed queries over conversations: one per other party's number.
import type { Conversation, MessageStatus } from '../../../shared/contract';
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
}

export function listConversations(db: Db, limit: number, offset: number): Conversation[] {
  return db
    .prepare<[number, number], ConversationRow>(
      `SELECT c.id, c.phone, ${contactNameOf('c.phone')} AS contact_name, c.last_message_at, c.unread_count, m.body, m.direction, m.status
       FROM conversations c JOIN messages m ON m.id = c.last_message_id
       ORDER BY c.last_message_at DESC, c.id DESC
       LIMIT ? OFFSET ?`,
    )
    .all(limit, offset)
    .map((row) => ({
      id: row.id,
      phone: row.phone,
      title: row.contact_name ?? formatNumber(row.phone),
      lastMessageAt: row.last_message_at,
      lastBody: row.body,
      lastDirection: row.direction,
      lastStatus: row.status,
      unreadCount: row.unread_count,
    }));
}

export function conversationIdForPhone(db: Db, phone: string): number | null {
  return db.prepare<[string], { id: number }>('SELECT id FROM conversations WHERE phone = ?').get(phone)?.id ?? null;
}

/** Opening a conversation reads it locally. */
export function markConversationRead(db: Db, conversationId: number): boolean {
  return db.transaction(() => {
    db.prepare('UPDATE messages SET unread = 0 WHERE conversation_id = ? AND unread = 1').run(conversationId);
    return db.prepare('UPDATE conversations SET unread_count = 0 WHERE id = ? AND unread_count > 0').run(conversationId).changes > 0;
  })();
}
