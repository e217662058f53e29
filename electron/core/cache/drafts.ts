// Unsent drafts, one per number, so they survive switching and restarting.
import type { Db } from './statements';

export function readDraft(db: Db, phone: string): string {
  return db.prepare<[string], string>('SELECT body FROM drafts WHERE phone = ?').pluck().get(phone) ?? '';
}

/** An empty (or whitespace-only) draft is deleted. */
export function saveDraft(db: Db, phone: string, body: string, now: number): void {
  if (body.trim() === '') db.prepare('DELETE FROM drafts WHERE phone = ?').run(phone);
  else {
    db.prepare(
      'INSERT INTO drafts (phone, body, updated_at) VALUES (?, ?, ?) ON CONFLICT (phone) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at',
    ).run(phone, body, now);
  }
}
