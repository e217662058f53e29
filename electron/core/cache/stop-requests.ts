// Replies that read like a request to stop without being a keyword ("please
// stop texting me"). The newest of each number is a question for the owner
// until it is decided: the number is opted out, or was opted in or out since
// (by hand, a STOP or START, the ClickSend list), or the owner said "Not a
// stop request". A later such reply asks again. Keyed by number, like
// opt-outs, so a rebuilt cache keeps what the owner decided (salvage.ts).
import { cacheRules } from './cache-rules';
import { prepared, type Db } from './statements';

/** SQL: the request row `s` still waits for the owner. The one rule. */
function openSql(s: string): string {
  return `(${s}.message_row_id IS NOT NULL AND ${s}.asked_at > COALESCE(${s}.dismissed_through, -1)
    AND NOT EXISTS (SELECT 1 FROM opt_outs d WHERE d.phone = ${s}.phone AND (d.opted_out = 1 OR d.changed_at >= ${s}.asked_at)))`;
}

/** SQL: the message `m` is its number's open request, so its bubble asks. */
export function asksToStopSql(m: string): string {
  return `(${m}.direction = 'in' AND EXISTS (SELECT 1 FROM stop_requests s WHERE s.message_row_id = ${m}.id AND ${openSql('s')}))`;
}

/** SQL to join a conversation `c` to its open request as `sr` (columns sr.message_row_id, sr.asked_at). */
export function openRequestJoin(c: string): string {
  return `LEFT JOIN stop_requests sr ON sr.phone = ${c}.phone AND ${openSql('sr')}`;
}

export interface StopRequestRow {
  phone: string;
  message_row_id: number | null;
  asked_at: number;
  dismissed_through: number | null;
}

/**
 * A reply that reads like a request becomes its number's request, unless a
 * newer one is known (history arrives newest first). Returns the request it
 * replaced, whose bubble stops asking.
 */
export function recordStopRequest(db: Db, phone: string, messageRowId: number, askedAt: number): { replaced: number | null } {
  const before = prepared<[string], StopRequestRow>(db, 'SELECT * FROM stop_requests WHERE phone = ?').get(phone);
  // A salvaged row (no message yet) takes the first reply history brings back.
  if (before && before.message_row_id !== null && before.asked_at >= askedAt) return { replaced: null };
  prepared(
    db,
    `INSERT INTO stop_requests (phone, message_row_id, asked_at) VALUES (?, ?, ?)
     ON CONFLICT (phone) DO UPDATE SET message_row_id = excluded.message_row_id, asked_at = excluded.asked_at`,
  ).run(phone, messageRowId, askedAt);
  return { replaced: before?.message_row_id ?? null };
}

/** Whether this message is its number's open request. */
export function asksToStop(db: Db, messageRowId: number): boolean {
  return prepared<[number], number>(db, `SELECT ${asksToStopSql('m')} FROM messages m WHERE m.id = ?`, { value: true }).get(messageRowId) === 1;
}

/** The message of the number's newest request, decided or not. */
export function stopRequestOf(db: Db, phone: string): number | null {
  return prepared<[string], number | null>(db, 'SELECT message_row_id FROM stop_requests WHERE phone = ?', { value: true }).get(phone) ?? null;
}

/**
 * The owner read this reply and says it is not a request to stop: it and any
 * older one stop asking. The number of its conversation when that changed
 * anything; null when it asked nothing.
 */
export function dismissStopRequest(db: Db, messageRowId: number): string | null {
  return db.transaction(() => {
    const reply = prepared<[number], { phone: string; created_at: number }>(
      db,
      `SELECT c.phone, m.created_at FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.id = ? AND m.direction = 'in'`,
    ).get(messageRowId);
    if (!reply) return null;
    const changed = prepared(
      db,
      `UPDATE stop_requests SET dismissed_through = ? WHERE phone = ? AND COALESCE(dismissed_through, -1) < ? AND asked_at <= ?`,
    ).run(reply.created_at, reply.phone, reply.created_at, reply.created_at).changes;
    return changed > 0 ? reply.phone : null;
  })();
}

/** What the owner dismissed, which history cannot bring back: for a rebuilt cache. */
export function dismissedStopRequests(db: Db): StopRequestRow[] {
  return db.prepare<[], StopRequestRow>('SELECT * FROM stop_requests WHERE dismissed_through IS NOT NULL').all();
}

/** Into a rebuilt cache, before history refills it: the request waits for its reply to arrive again. */
export function restoreDismissedStopRequests(db: Db, rows: readonly StopRequestRow[]): void {
  const put = db.prepare<[string, number, number | null]>(
    `INSERT INTO stop_requests (phone, message_row_id, asked_at, dismissed_through) VALUES (?, NULL, ?, ?)
     ON CONFLICT (phone) DO UPDATE SET dismissed_through = MAX(COALESCE(dismissed_through, -1), excluded.dismissed_through)`,
  );
  db.transaction(() => rows.forEach((r) => put.run(r.phone, r.asked_at, r.dismissed_through)))();
}

/**
 * Migration 10: the newest request of each number among the replies already
 * stored. LIKE narrows the replies to those holding an opt-out word in ASCII,
 * each of its parts (a full-width "ＳＴＯＰ" in an old cache is missed); the
 * rules' test decides.
 */
export function fillStopRequests(db: Db): void {
  if (!db.prepare(`SELECT 1 FROM messages WHERE direction = 'in' LIMIT 1`).get()) return;
  const { words, test } = cacheRules(db, 'upgrading replies stored before version 10')!.stopRequest;
  const mayAskToStop = words.map((w) => `(${w.toLowerCase().split(' ').map((part) => `m.body LIKE '%${part}%'`).join(' AND ')})`).join(' OR ');
  const candidates = db
    .prepare<[], { id: number; phone: string; body: string; created_at: number }>(
      `SELECT m.id, c.phone, m.body, m.created_at FROM messages m JOIN conversations c ON c.id = m.conversation_id
       WHERE m.direction = 'in' AND (${mayAskToStop})
       ORDER BY m.created_at DESC, m.id DESC`,
    )
    .all();
  const seen = new Set<string>();
  const put = db.prepare<[string, number, number]>('INSERT INTO stop_requests (phone, message_row_id, asked_at) VALUES (?, ?, ?)');
  for (const row of candidates) {
    if (seen.has(row.phone) || !test(row.body)) continue;
    seen.add(row.phone);
    put.run(row.phone, row.id, row.created_at);
  }
}
