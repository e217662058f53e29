// Typed queries over conversations: one per other party's number.
import type { Conversation, MessageStatus } from '../../../shared/contract';
import { formatNumber } from '../../../shared/phone-numbers';
import type { Db } from './database';

interface ConversationRow {
  id: number;
  phone: string;
  last_message_at: number;
  unread_count: number;
  body: string;
  direction: 'in' | 'out';
  status: MessageStatus;
}

export function listConversations(db: Db, limit: number, offset: number): Conversation[] {
  return db
    .prepare<[number, number], ConversationRow>(
      `SELECT c.id, c.phone, c.last_message_at, c.unread_count, m.body, m.direction, m.status
       FROM conversations c JOIN messages m ON m.id = c.last_message_id
       ORDER BY c.last_message_at DESC, c.id DESC
       LIMIT ? OFFSET ?`,
    )
    .all(limit, offset)
    .map((row) => ({
      id: row.id,
      phone: row.phone,
      title: formatNumber(row.phone),
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
