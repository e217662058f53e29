// The first sync of each kind (messages/kinds.ts): every history row up to the moment of sign-in, newest
// first, so today's conversations are on screen in the first second and
// older ones fill in underneath. The window is fixed (`date_to` = sign-in), so
// rows that arrive meanwhile cannot shift its pages; they are the incremental
// pull's. Once the first page says how many there are, pages are fetched
// several at once (adaptive-concurrency.ts) and each is stored with the
// cursor saying it is stored, in one transaction: a restart after a crash or
// quit fetches only the pages missing. Ingestion is idempotent by message_id,
// so a page fetched twice doubles nothing. Should the window's total change
// anyway (a row landing late inside it), the walk goes through it once more.
import type { SyncProgress } from '../../../shared/contract';
import type { ClickSendClient } from '../clicksend/client';
import { ClickSendError } from '../clicksend/errors';
import type { Page } from '../clicksend/schemas';
import type { Db } from '../cache/database';
import { ingestMessages, type IngestResult } from '../cache/ingest';
import { readCursor, writeCursor, type HistoryWalkCursor } from '../cache/sync-state';
import { AdaptiveConcurrency } from './adaptive-concurrency';
import type { KindHistoryRow } from '../messages/from-api';
import { messageOf, type Kind } from '../messages/kinds';
import { missingPages, pageCount, withPage } from './page-ranges';

const PAGE = 100;
/**
 * Tries of one page before the walk stops (a later pass resumes it). A 429
 * is ClickSend pacing us, not failing: the walk waits as told and goes on,
 * for a long storm too. 5xx and dropped connections are tried a few times; a
 * time-out has already cost the client's whole time-out, so only once more.
 */
const TRIES: Record<'paced' | 'failed' | 'timeout', number> = { paced: 30, failed: 4, timeout: 2 };
/** Walks of a window whose total kept changing before it is accepted as it is. */
const MAX_WALKS = 3;
/** The rate behind the time-left estimate: rows stored over about this long. */
const RATE_WINDOW_MS = 5_000;

export interface HistoryWalkOptions {
  kind: Kind;
  db: Db;
  client: ClickSendClient;
  signal: AbortSignal;
  now: () => number;
  /** Rows stored by each page (for the list, and the open thread). */
  stored(result: IngestResult): void;
  progress(progress: SyncProgress | null): void;
  /** Start and ceiling of the pages in flight; tests pin them. */
  concurrency?: { start?: number; max?: number };
}

/** The walk of this kind the cache is in, or a new one for a window ending now. */
function walkCursor(db: Db, now: number, kind: Kind): HistoryWalkCursor {
  const saved = readCursor(db, kind.walkCursor);
  if (saved) return saved;
  // Picture walks up to 0.1 kept no cursor once done, only where the incremental pull reads from.
  const complete = kind.walkCursor === 'pictureWalk' && readCursor(db, kind.historyCursor) !== null;
  return { version: 2, windowEnd: Math.floor(now / 1000), total: null, lastPage: null, done: [], stored: 0, shifted: false, walks: 1, complete };
}

export function progressOf(cursor: HistoryWalkCursor, etaSeconds: number | null = null): SyncProgress | null {
  if (cursor.complete) return null;
  return { pagesDone: pageCount(cursor.done), messagesStored: cursor.stored, estimatedTotal: cursor.total, etaSeconds };
}

export class HistoryWalk {
  private cursor: HistoryWalkCursor;
  private readonly concurrency: AdaptiveConcurrency;
  private readonly samples: Array<{ at: number; stored: number }> = [];

  constructor(private readonly options: HistoryWalkOptions) {
    this.cursor = walkCursor(options.db, options.now(), options.kind);
    this.concurrency = new AdaptiveConcurrency(options.concurrency);
  }

  get complete(): boolean {
    return this.cursor.complete;
  }

  /** Resolves when the window is stored; rejects (with what the client threw) when ClickSend cannot be walked now. */
  async run(): Promise<void> {
    if (this.cursor.complete) return;
    const { db, kind } = this.options;
    // Everything newer than the window is the incremental pull's, from the window's end.
    if (readCursor(db, kind.historyCursor) === null) writeCursor(db, kind.historyCursor, this.cursor.windowEnd);
    this.save(this.cursor);
    while (!this.cursor.complete) {
      // The first page says how many there are; only then can pages go several at once.
      if (this.cursor.lastPage === null) await this.fetchPages([1]);
      await this.fetchPages(missingPages(this.cursor.done, this.cursor.lastPage ?? 0));
      const again = this.cursor.shifted && this.cursor.walks < MAX_WALKS;
      const next = again ? { ...this.cursor, done: [], shifted: false, walks: this.cursor.walks + 1 } : { ...this.cursor, complete: true };
      this.save(next);
      this.cursor = next;
    }
    this.options.progress(null);
  }

  /** Fetches these pages, up to the adaptive number at once; stores each as it comes. */
  private async fetchPages(pages: number[]): Promise<void> {
    const queue = [...pages];
    const tries = new Map<string, number>();
    const inFlight = new Set<Promise<void>>();
    let failure: unknown = null;

    const start = (page: number) => {
      const began = this.options.now();
      const request = this.fetchPage(page)
        .then((answer) => {
          this.concurrency.succeeded(this.options.now() - began);
          this.store(page, answer);
        })
        .catch((error: unknown) => {
          if (this.options.signal.aborted || !congestion(error)) {
            failure ??= error;
            return;
          }
          const kind = error.status === 429 ? 'paced' : error.kind === 'timeout' ? 'timeout' : 'failed';
          const key = `${kind}:${page}`;
          const n = (tries.get(key) ?? 0) + 1;
          tries.set(key, n);
          if (n >= TRIES[kind]) {
            failure ??= error;
            return;
          }
          this.concurrency.congested(error.retryAfterMs);
          queue.unshift(page);
        })
        .finally(() => inFlight.delete(request));
      inFlight.add(request);
    };

    while ((queue.length > 0 || inFlight.size > 0) && failure === null) {
      const wait = this.concurrency.waitMs();
      if (queue.length > 0 && inFlight.size < this.concurrency.limit && wait === 0) {
        start(queue.shift()!);
        continue;
      }
      if (inFlight.size > 0) await Promise.race(inFlight);
      else await pause(wait, this.options.signal);
    }
    // Let what is in flight land (and be stored) before saying why the walk stopped.
    await Promise.allSettled(inFlight);
    if (failure !== null) throw failure;
    if (this.options.signal.aborted) throw new ClickSendError({ kind: 'aborted', endpoint: `GET /${this.options.kind.name}/history`, detail: 'cancelled' });
  }

  private fetchPage(page: number): Promise<Page<KindHistoryRow>> {
    const { kind, client, signal } = this.options;
    return kind.historyPage(client, { order_by: `${kind.dateField}:desc`, date_to: this.cursor.windowEnd, page, limit: PAGE }, signal, { retry: false });
  }

  /** One page and the cursor that says it is stored, together. */
  private store(page: number, answer: Page<KindHistoryRow>): void {
    const { db } = this.options;
    let next: HistoryWalkCursor = { ...this.cursor, done: withPage(this.cursor.done, page) };
    if (this.cursor.total !== null && answer.total !== this.cursor.total) next.shifted = true;
    next.total = answer.total;
    next.lastPage = Math.max(answer.last_page, this.cursor.lastPage ?? 0);
    const result = db.transaction(() => {
      const ingested = ingestMessages(db, answer.data.map((row) => messageOf(this.options.kind, row)));
      next = { ...next, stored: next.stored + ingested.added.length };
      this.save(next);
      return ingested;
    })();
    this.cursor = next;
    if (result.added.length || result.changed.length) this.options.stored(result);
    this.options.progress(progressOf(this.cursor, this.etaSeconds()));
  }

  private save(cursor: HistoryWalkCursor): void {
    writeCursor(this.options.db, this.options.kind.walkCursor, cursor);
  }

  /** Time left at the rate of the last few seconds; null until there is a rate. */
  private etaSeconds(): number | null {
    const now = this.options.now();
    this.samples.push({ at: now, stored: this.cursor.stored });
    while (this.samples.length > 2 && this.samples[0]!.at < now - RATE_WINDOW_MS) this.samples.shift();
    const first = this.samples[0]!;
    const perMs = (this.cursor.stored - first.stored) / Math.max(1, now - first.at);
    if (this.cursor.total === null || perMs <= 0 || now - first.at < 500) return null;
    return Math.max(0, Math.round((this.cursor.total - this.cursor.stored) / perMs / 1000));
  }
}

/** Worth trying again, more slowly: the server or the link is overloaded, or the connection failed. */
function congestion(error: unknown): error is ClickSendError {
  return error instanceof ClickSendError && error.isTransient;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
