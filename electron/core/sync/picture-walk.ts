// Picture messages' first sync: on an account's first pass /mms/history is
// walked newest first, one page and its cursor committed together (resumable
// after a crash or quit); then the incremental pull (pulls.ts) reads from where
// the walk's window ended. Accounts send few pictures, so the walk goes a page
// at a time.
import { ingestMessages } from '../cache/ingest';
import { deleteCursor, readCursor, writeCursor } from '../cache/sync-state';
import { MMS, messageOf } from '../messages/kinds';
import { pullRecentHistory, type PullContext } from './pulls';

const PAGE = 100;

/** The walk first if it is not done, then what is new. */
export async function pullPictureHistory(sync: PullContext, signal: AbortSignal): Promise<void> {
  if (readCursor(sync.db, MMS.historyCursor) === null) await walkPictureHistory(sync, signal);
  await pullRecentHistory(sync, MMS, signal);
}

/** Every picture message up to the walk's window end, newest first; picks up where a stopped walk left off. */
async function walkPictureHistory(sync: PullContext, signal: AbortSignal): Promise<void> {
  let cursor = readCursor(sync.db, 'pictureWalk') ?? { windowEnd: Math.floor(sync.now() / 1000), nextPage: 1 };
  writeCursor(sync.db, 'pictureWalk', cursor);
  for (;;) {
    const page = await MMS.historyPage(
      sync.client,
      { order_by: `${MMS.dateField}:desc`, date_to: cursor.windowEnd, page: cursor.nextPage, limit: PAGE },
      signal,
    );
    const next = { ...cursor, nextPage: cursor.nextPage + 1 };
    const done = page.data.length === 0 || cursor.nextPage >= page.last_page;
    const result = sync.db.transaction(() => {
      const stored = ingestMessages(sync.db, page.data.map((row) => messageOf(MMS, row)));
      if (done) {
        writeCursor(sync.db, MMS.historyCursor, cursor.windowEnd);
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
