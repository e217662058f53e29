// Who may not be texted: the latest opt-out or opt-in of each number, by the
// conversation key (E.164). A newer decision replaces an older one; an older
// one arriving later (history walked newest first) changes nothing.
import type { Db } from './statements';
import { prepared } from './statements';

export type OptOutSource = 'reply' | 'by-hand' | 'clicksend-list';

export interface OptOutRecord {
  phone: string;
  optedOut: boolean;
  /** Epoch ms of the reply, or of the user's choice. */
  changedAt: number;
  how: OptOutSource;
  messageRowId: number | null;
  note: string | null;
}

interface OptOutRow {
  phone: string;
  opted_out: number;
  changed_at: number;
  how: OptOutSource;
  message_row_id: number | null;
  note: string | null;
}

const toRecord = (r: OptOutRow): OptOutRecord => ({
  phone: r.phone,
  optedOut: r.opted_out === 1,
  changedAt: r.changed_at,
  how: r.how,
  messageRowId: r.message_row_id,
  note: r.note,
});

export function optOutRecord(db: Db, phone: string): OptOutRecord | null {
  const row = prepared<[string], OptOutRow>(db, 'SELECT * FROM opt_outs WHERE phone = ?').get(phone);
  return row ? toRecord(row) : null;
}

/** The opt-out in force for this number, or null when it may be texted. */
export function optedOut(db: Db, phone: string): OptOutRecord | null {
  const record = optOutRecord(db, phone);
  return record?.optedOut ? record : null;
}

/** Records a decision unless a newer one is already there (on a tie, opted out wins); true when it changed what is in force. */
export function recordOptOut(db: Db, record: OptOutRecord): boolean {
  const before = optOutRecord(db, record.phone);
  if (before && before.changedAt > record.changedAt) return false;
  // The same second (history is stamped in seconds): which came last cannot be known, so the safe side wins.
  if (before && before.changedAt === record.changedAt && before.optedOut && !record.optedOut) return false;
  prepared<[OptOutRow], unknown>(
    db,
    `INSERT INTO opt_outs (phone, opted_out, changed_at, how, message_row_id, note)
     VALUES (@phone, @opted_out, @changed_at, @how, @message_row_id, @note)
     ON CONFLICT (phone) DO UPDATE SET opted_out = excluded.opted_out, changed_at = excluded.changed_at,
       how = excluded.how, message_row_id = excluded.message_row_id, note = excluded.note`,
  ).run({
    phone: record.phone,
    opted_out: record.optedOut ? 1 : 0,
    changed_at: record.changedAt,
    how: record.how,
    message_row_id: record.messageRowId,
    note: record.note,
  });
  return (before?.optedOut ?? false) !== record.optedOut;
}

export function listOptedOut(db: Db): OptOutRecord[] {
  return prepared<[], OptOutRow>(db, 'SELECT * FROM opt_outs WHERE opted_out = 1 ORDER BY changed_at DESC').all().map(toRecord);
}

/** Every decision on record, opted out or back in: what the shared list is reconciled against. */
export function allOptOutRecords(db: Db): OptOutRecord[] {
  return prepared<[], OptOutRow>(db, 'SELECT * FROM opt_outs').all().map(toRecord);
}
