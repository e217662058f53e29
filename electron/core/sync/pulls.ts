// The pulls of a sync pass, each one request stream stored as it comes:
// inbound replies, and for each kind (messages/kinds.ts) delivery receipts,
// recent history, and scheduled messages whose time has come. The engine
// decides when each runs.
import type { Db } from '../cache/database';
import { earliestDueScheduled } from '../cache/messages';
import { applyStatusReports, ingestMessages, type IngestResult } from '../cache/ingest';
import { readCursor, writeCursor } from '../cache/sync-state';
import type { ClickSendClient } from '../clicksend/client';
import type { InboundRow } from '../clicksend/schemas';
import { statusFromReceipt } from '../clicksend/statuses';
import { fromInbound } from '../messages/from-api';
import { historyOf, messageOf, receiptsOf, type Kind } from '../messages/kinds';

export interface PullContext {
  db: Db;
  client: ClickSendClient;
  now: () => number;
  /** Stored rows that added or changed something. */
  changes: (result: IngestResult) => void;
}

/** Re-read this much history before the cursor: rows can land late. */
const OVERLAP_SECONDS = 600;
/** More unread replies than this are marked read with one request. */
const BULK_READ_FROM = 10;

/** Returns how many replies were waiting. */
export async function pullInbound(sync: PullContext, signal: AbortSignal): Promise<number> {
  const seen: InboundRow[] = [];
  for await (const rows of sync.client.inbound(signal)) seen.push(...rows);
  if (seen.length === 0) return 0;
  // Committed before it is marked read at ClickSend: a crash in between
  // only means the reply is offered again, and ingestion ignores repeats.
  sync.changes(ingestMessages(sync.db, seen.map(fromInbound)));
  if (seen.length <= BULK_READ_FROM) {
    for (const row of seen) await sync.client.markInboundRead(row.message_id, signal);
    return seen.length;
  }
  // Many at once (back after a weekend): one request instead of hundreds.
  // date_before is exclusive; a reply stamped in between and hidden by this
  // is still caught by the history pull, which re-reads the last 10 minutes.
  const newest = Math.max(...seen.map((row) => row.timestamp ?? row.timestamp_send ?? 0));
  await sync.client.markAllInboundRead(newest + 1, signal);
  return seen.length;
}

/** Delivery receipts of this kind applied as they come, then marked read at ClickSend; returns how many were waiting. */
export async function pullReceipts(sync: PullContext, kind: Kind, signal: AbortSignal): Promise<number> {
  let newest = 0;
  let count = 0;
  for await (const rows of receiptsOf(kind, sync.client, signal)) {
    const reports = rows.map((r) => ({
      messageId: r.message_id,
      status: statusFromReceipt(r.status, r.status_code),
      statusCode: r.status_code,
      statusText: r.status_text,
    }));
    sync.changes(applyStatusReports(sync.db, reports));
    for (const r of rows) newest = Math.max(newest, r.timestamp);
    count += rows.length;
  }
  // date_before is exclusive. A receipt that lands in between and is hidden
  // by this is still caught: history carries the same status.
  if (newest > 0) await sync.client.markReceiptsRead(kind.name, newest + 1, signal);
  return count;
}

/** This kind's history from its cursor, less an overlap. */
export async function pullRecentHistory(sync: PullContext, kind: Kind, signal: AbortSignal): Promise<void> {
  const since = readCursor(sync.db, kind.historyCursor) ?? 0;
  // A scheduled row's date is its schedule, in the future: the cursor must
  // not jump there, or messages sent in the meantime would be skipped.
  const nowSeconds = Math.floor(sync.now() / 1000);
  let newest = Math.min(since, nowSeconds);
  const query = { order_by: `${kind.dateField}:asc`, date_from: Math.max(0, newest - OVERLAP_SECONDS) };
  for await (const rows of historyOf(kind, sync.client, query, signal)) {
    sync.changes(ingestMessages(sync.db, rows.map((row) => messageOf(kind, row, { repliesUnread: true }))));
    for (const row of rows) if (row.date <= nowSeconds) newest = Math.max(newest, row.date);
  }
  writeCursor(sync.db, kind.historyCursor, newest);
}

/** Scheduled messages of this kind whose time has come: history says whether they went. */
export async function pullDueScheduled(sync: PullContext, kind: Kind, signal: AbortSignal): Promise<void> {
  const earliest = earliestDueScheduled(sync.db, sync.now(), kind.name);
  if (earliest === null) return;
  const query = { order_by: `${kind.dateField}:asc`, date_from: Math.floor(earliest / 1000) - 60, date_to: Math.floor(sync.now() / 1000) + 60 };
  for await (const rows of historyOf(kind, sync.client, query, signal)) {
    sync.changes(ingestMessages(sync.db, rows.map((row) => messageOf(kind, row, { repliesUnread: true }))));
  }
}
