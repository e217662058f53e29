// The rows of an export, oldest first, a page at a time by keyset (created_at,
// id): a page is one short query, so an export of 100,000 messages never
// holds the connection (better-sqlite3 cannot run anything else while an
// iterator is open) and never blocks a poll for long.
import { contactNameOf } from './conversations';
import { prepared, type Db } from './statements';
import type { MessageRow } from './messages';

export type ExportScope = { conversationId: number } | { fromMs: number; toMs: number };

/** A message's own columns, with its conversation's number and contact. */
export type ExportRow = Pick<MessageRow, 'id' | 'created_at' | 'direction' | 'body' | 'subject' | 'kind' | 'status' | 'outbox_state' | 'parts' | 'price'> & {
  phone: string;
  contact_name: string | null;
};

const where = (scope: ExportScope) => ('conversationId' in scope ? 'm.conversation_id = @conversationId' : 'm.created_at >= @fromMs AND m.created_at < @toMs');

export function countExport(db: Db, scope: ExportScope): number {
  return prepared<[ExportScope], number>(db, `SELECT COUNT(*) FROM messages m WHERE ${where(scope)}`, { value: true }).get(scope) ?? 0;
}

/** The next `limit` rows after (afterCreatedAt, afterId), oldest first. */
export function exportPage(db: Db, scope: ExportScope, after: { createdAt: number; id: number }, limit: number): ExportRow[] {
  return prepared<[Record<string, number>], ExportRow>(
    db,
    `SELECT m.id, m.created_at, m.direction, c.phone, ${contactNameOf('c.phone')} AS contact_name, m.body, m.subject, m.kind,
       m.status, o.state AS outbox_state, m.parts, m.price
     FROM messages m JOIN conversations c ON c.id = m.conversation_id LEFT JOIN outbox o ON o.message_row_id = m.id
     WHERE ${where(scope)} AND (m.created_at, m.id) > (@afterCreatedAt, @afterId)
     ORDER BY m.created_at, m.id LIMIT @limit`,
  ).all({ ...scope, afterCreatedAt: after.createdAt, afterId: after.id, limit });
}
