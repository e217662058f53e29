// Sync cursors, stored beside the data they describe so they commit together.
// Each key has one schema, checked on read: a value this version cannot read
// (damaged, or from a version that wrote another shape) reads as absent, and
// the sync that owns it starts that part afresh; shapes written by earlier
// versions are read as what they meant.
import { z } from 'zod';
import { Account } from '../../../shared/contract';
import { prepared, type Db } from './statements';

/** Pages of the first sync's walk already stored, as inclusive ranges. */
const PageRanges = z.array(z.tuple([z.number().int().positive(), z.number().int().positive()]));

/** The first sync: history up to `windowEnd`, newest first, pages fetched several at once (sync/history-walk.ts). */
export const HistoryWalkCursor = z.object({
  version: z.literal(2),
  /** Unix seconds: the walk asks for rows up to here; newer ones are the incremental pull's. */
  windowEnd: z.number().int(),
  /** Rows in the window, and its last page, as the newest answer said (null until the first page). */
  total: z.number().int().nonnegative().nullable(),
  lastPage: z.number().int().nonnegative().nullable(),
  done: PageRanges,
  /** Rows the walk has stored (what the progress bar shows). */
  stored: z.number().int().nonnegative(),
  /** The window's total changed mid-walk (rows landed late): walk it again when through. */
  shifted: z.boolean(),
  walks: z.number().int().positive(),
  complete: z.boolean(),
});
export type HistoryWalkCursor = z.infer<typeof HistoryWalkCursor>;

/** Versions up to 0.1 walked oldest first: `{ nextPage, done, total, stored }`. */
const OldestFirstCursor = z.object({ nextPage: z.number(), done: z.boolean(), total: z.number().nullable(), stored: z.number() });

const schemas = {
  /**
   * The account as last read from ClickSend (shown before the first answer
   * after a restart), with its low-credit amount; what the core decides from
   * it (the low-balance warning) is decided again on reading.
   */
  account: Account.omit({ lowBalance: true, pictures: true })
    .partial({ accountName: true, balance: true, currency: true, country: true })
    .extend({ lowCreditAmount: z.string().nullable().default(null) })
    .transform((a) => ({
      accountName: a.username,
      balance: '',
      currency: '',
      country: null,
      ...a,
    })),
  backfill: z.union([
    HistoryWalkCursor,
    // A finished old walk is finished; an unfinished one is walked again newest first (stored rows are skipped).
    OldestFirstCursor.transform((old) => (old.done ? completedWalk(old.stored) : null)),
  ]),
  /** Epoch ms of the last pass that completed. */
  lastSyncedAt: z.number(),
  /** Unix seconds: the incremental history pull reads from here (less an overlap). */
  historyDate: z.number(),
  /** Epoch ms contacts and templates were last read. */
  directoryAt: z.number(),
  /** Picture messages (/mms/history), like historyDate: the incremental pull reads from here. */
  pictureHistoryDate: z.number(),
  /** The first walk of /mms/history, as backfill's; versions up to 0.1 walked it a page at a time and kept the next page. */
  pictureWalk: z.union([
    HistoryWalkCursor,
    z.object({ windowEnd: z.number().int(), nextPage: z.number().int().positive() }).transform(
      (old): HistoryWalkCursor => ({ ...completedWalk(0), windowEnd: old.windowEnd, total: null, done: old.nextPage > 1 ? [[1, old.nextPage - 1]] : [], complete: false }),
    ),
  ]),
  /** ClickSend refused the picture endpoints (epoch ms), and when to ask again; absent while they answer. */
  picturesRefused: z.object({ at: z.number(), askAgainAt: z.number() }),
};

export type CursorKey = keyof typeof schemas;
export type CursorValue<K extends CursorKey> = Exclude<z.output<(typeof schemas)[K]>, null>;

function completedWalk(stored: number): HistoryWalkCursor {
  return { version: 2, windowEnd: 0, total: stored, lastPage: null, done: [], stored, shifted: false, walks: 1, complete: true };
}

export function readCursor<K extends CursorKey>(db: Db, key: K): CursorValue<K> | null {
  const row = prepared<[string], { value: string }>(db, 'SELECT value FROM sync_state WHERE key = ?').get(key);
  if (!row) return null;
  let json: unknown;
  try {
    json = JSON.parse(row.value);
  } catch {
    return null;
  }
  const parsed = schemas[key].safeParse(json);
  return parsed.success ? ((parsed.data as CursorValue<K> | null) ?? null) : null;
}

export function writeCursor<K extends CursorKey>(db: Db, key: K, value: z.input<(typeof schemas)[K]>): void {
  prepared(db, 'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    JSON.stringify(value),
  );
}

export function deleteCursor(db: Db, key: CursorKey): void {
  prepared(db, 'DELETE FROM sync_state WHERE key = ?').run(key);
}
