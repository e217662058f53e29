// Picture messages (MMS) are a second history at ClickSend (/mms/history,
// /mms/receipts) with no inbound side. They are pulled like SMS history: on
// the account's first sync a walk newest first, one page and its cursor
// committed together (resumable after a crash or quit); then an overlapping
// incremental pull from where the walk's window ended. Accounts send few
// pictures, so the walk goes a page at a time.
import { earliestDueScheduled } from '../cache/messages';
import { ingestMessages } from '../cache/ingest';
import { deleteCursor, readCursor, writeCursor } from '../cache/sync-state';
import { fromPictureHistory } from '../messages/from-api';
import { storeReceipts, type PullContext } from './pulls';

const PAGE = 100;
/** Re-read this much before the cursor: rows can land late. */
const OVERLAP_SECONDS = 600;

export async function pullPictureHistory(sync: PullContext, signal: AbortSignal): Promise<void> {
  if (readCursor(sync.db, 'pictureHistoryDate') === null) await walkPictureHistory(sync, signal);
  const since = readCursor(sync.db, 'pictureHistoryDate') ?? 0;
  const nowSeconds = Math.floor(sync.now() / 1000);
  let newest = Math.min(since, nowSeconds);
  const query = { order_by: 'date_added:asc', date_from: Math.max(0, newest - OVERLAP_SECONDS) };
  for await (const rows of sync.client.pictureHistory(query, signal)) {
    sync.changes(ingestMessages(sync.db, rows.map(fromPictureHistory)));
    // A scheduled row's date is its schedule: the cursor must not jump into the future.
    for (const row of rows) if (row.date_added <= nowSeconds) newest = Math.max(newest, row.date_added);
  }
  writeCursor(sync.db, 'pictureHistoryDate', newest);
}

/** Every picture message up to the walk's window end, newest first; picks up where a stopped walk left off. */
async function walkPictureHistory(sync: PullContext, signal: AbortSignal): Promise<void> {
  let cursor = readCursor(sync.db, 'pictureWalk') ?? { windowEnd: Math.floor(sync.now() / 1000), nextPage: 1 };
  writeCursor(sync.db, 'pictureWalk', cursor);
  for (;;) {
    const page = await sync.client.pictureHistoryPage(
      { order_by: 'date_added:desc', date_to: cursor.windowEnd, page: cursor.nextPage, limit: PAGE },
      signal,
    );
    const next = { ...cursor, nextPage: cursor.nextPage + 1 };
    const done = page.data.length === 0 || cursor.nextPage >= page.last_page;
    const result = sync.db.transaction(() => {
      const stored = ingestMessages(sync.db, page.data.map(fromPictureHistory));
      if (done) {
        writeCursor(sync.db, 'pictureHistoryDate', cursor.windowEnd);
        deleteCursor(sync.db, 'pictureWalk');
      } else {
        writeCursor(sync.db, 'pictureWalk', next);
      }
      return stored;
    })();
    sync.changes(result);
    if (done) return;
    cursor = next;
  }
}

/** Delivery receipts of picture messages; returns how many were waiting. */
export function pullPictureReceipts(sync: PullContext, signal: AbortSignal): Promise<number> {
  return storeReceipts(sync, sync.client.pictureReceipts(signal), (before) => sync.client.markPictureReceiptsRead(before, signal));
}

/** Scheduled picture messages whose time has come: /mms/history says whether they went. */
export async function pullDuePictures(sync: PullContext, signal: AbortSignal): Promise<void> {
  const earliest = earliestDueScheduled(sync.db, sync.now(), 'mms');
  if (earliest === null) return;
  const query = { order_by: 'date_added:asc', date_from: Math.floor(earliest / 1000) - 60, date_to: Math.floor(sync.now() / 1000) + 60 };
  for await (const rows of sync.client.pictureHistory(query, signal)) {
    sync.changes(ingestMessages(sync.db, rows.map(fromPictureHistory)));
  }
}
