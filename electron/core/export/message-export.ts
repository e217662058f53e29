// Keeping a record: one conversation, or every conversation in a date range,
// as CSV (date, direction, number, name, text, status, parts, price). The
// window pulls it a chunk at a time ('export.next'), shows the progress and
// writes the chunks to one file, so a large export never freezes it and the
// core stays free for polls between chunks. Words and formats are decided
// here: the status is the app's own label, the date in the user's zone.
import { randomUUID } from 'node:crypto';
import type { Result } from '../../../shared/contract';
import { csvFile, csvRows } from '../../../shared/csv';
import { formatNumber } from '../../../shared/phone-numbers';
import type { Db } from '../cache/database';
import { countExport, exportPage, type ExportRow, type ExportScope } from '../cache/message-export';
import { InboxError } from '../errors/inbox-error';
import { statusLabel } from '../messages/rules';
import { localTime } from '../money/zone-days';

/** Rows per chunk: a few milliseconds of work each. */
const CHUNK = 2_000;
/** An export nobody asked for more of in this long is dropped. */
const ABANDONED_MS = 5 * 60_000;

const HEADERS = ['Date', 'Direction', 'Number', 'Name', 'Text', 'Status', 'Parts', 'Price'];

interface Running {
  scope: ExportScope;
  zone: string;
  total: number;
  done: number;
  after: { createdAt: number; id: number };
  touched: number;
}

export class MessageExports {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  start(scope: ExportScope, zone: string, filename: string): Result<'export.start'> {
    this.dropAbandoned();
    const exportId = randomUUID();
    const total = countExport(this.db, scope);
    this.running.set(exportId, { scope, zone, total, done: 0, after: { createdAt: -1, id: 0 }, touched: this.now() });
    return { exportId, filename, total };
  }

  /** The next chunk of CSV (the first carries the header); finished once every row went. */
  next(exportId: string): Result<'export.next'> {
    const run = this.running.get(exportId);
    if (!run) throw new InboxError('EXPORT_GONE', 'That export was stopped.', 'Start it again.');
    run.touched = this.now();
    const rows = exportPage(this.db, run.scope, run.after, CHUNK);
    const last = rows.at(-1);
    if (last) run.after = { createdAt: last.created_at, id: last.id };
    run.done += rows.length;
    const finished = rows.length < CHUNK;
    if (finished) this.running.delete(exportId);
    const cells = rows.map((row) => toCells(row, run.zone));
    // The first chunk starts the file (byte-order mark and header); the others only add rows.
    const csv = run.done === rows.length ? csvFile(HEADERS, cells) : csvRows(cells);
    return { csv, done: run.done, total: Math.max(run.total, run.done), finished };
  }

  cancel(exportId: string): void {
    this.running.delete(exportId);
  }

  private dropAbandoned(): void {
    for (const [id, run] of this.running) if (this.now() - run.touched > ABANDONED_MS) this.running.delete(id);
  }
}

function toCells(row: ExportRow, zone: string): string[] {
  const text = row.kind === 'mms' ? `[Picture: ${row.subject ?? ''}] ${row.body}` : row.body;
  return [
    localTime(row.created_at, zone),
    row.direction === 'in' ? 'Received' : 'Sent',
    formatNumber(row.phone),
    row.contact_name ?? '',
    text,
    row.direction === 'in' ? 'Received' : statusLabel(row.status, row.outbox_state),
    row.parts === null ? '' : String(row.parts),
    row.price ?? '',
  ];
}
