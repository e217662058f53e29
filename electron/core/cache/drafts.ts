// Unsent drafts, one per number, so they survive switching and restarting.
import { prepared, type Db } from './statements';

export function readDraft(db: Db, phone: string): string {
  return prepared<[string], string>(db, 'SELECT body FROM drafts WHERE phone = ?', { value: true }).get(phone) ?? '';
}

/** An empty (or whitespace-only) draft is deleted. */
export function saveDraft(db: Db, phone: string, body: string, now: number): void {
  if (body.trim() === '') prepared(db, 'DELETE FROM drafts WHERE phone = ?').run(phone);
  else prepared(db, 'INSERT INTO drafts (phone, body, updated_at) VALUES (?, ?, ?) ON CONFLICT (phone) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at').run(phone, body, now);
}
