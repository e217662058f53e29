// Keeps the cache current by polling inbound replies, delivery receipts and
// an overlapping incremental pull of history (which also carries replies
// another copy of the app has already marked read). On an account's first
// sync, history up to that moment is walked beside the passes, newest first
// and resumable (history-walk.ts), so polling goes on while it fills in.
// Each pull fails on its own (pull-steps.ts); losing the connection switches
// to offline and backs off.
import { setMaxListeners } from 'node:events';
import type { SyncStatus } from '../../../shared/contract';
import type { ClickSendClient } from '../clicksend/client';
import { ClickSendError } from '../clicksend/errors';
import { inWords } from '../errors/inbox-error';
import { storageFault, storageUserError, type StorageFault } from '../cache/storage-faults';
import type { Db } from '../cache/database';
import { awaitingReceipts } from '../cache/messages';
import { type IngestResult } from '../cache/ingest';
import { HistoryWalk, progressOf } from './history-walk';
import { readCursor, writeCursor } from '../cache/sync-state';
import { pollDelay, type WindowFocus } from './cadence';
import { refreshDirectory } from './directory';
import { pullDueScheduled, pullInbound, pullReceipts, pullRecentHistory, type PullContext } from './pulls';
import { KINDS, MMS, SMS, type Kind } from '../messages/kinds';
import { PictureGate } from '../pictures/picture-gate';
import { PullSteps } from './pull-steps';

/** With nothing in the inbound and receipt queues, history is read on every this many passes. */
const HISTORY_EVERY_QUIET_PASSES = 4;
/** How long after sending a message its receipt is still looked for on every pass. */
const RECEIPTS_WAITED_FOR_MS = 3 * 86_400_000;
/** A routine poll says "Syncing" only after this long. */
const SAY_SYNCING_AFTER_MS = 750;
const MAX_BACKOFF_MS = 120_000;

export interface SyncListener {
  changes(result: IngestResult): void;
  status(status: SyncStatus): void;
  connection(online: boolean, message: string | null): void;
  /** The key was refused (rotated elsewhere): sync stops, the cache stays. */
  unauthorized(error: ClickSendError): void;
  /** Contacts or templates changed at ClickSend. */
  directoryChanged(changed: { contacts: boolean; templates: boolean }): void;
  /** Contacts and templates were read again (every few minutes, and on Sync now). */
  directoryRefreshed?(): void;
  /** A pass completed; `firstSync` for the account's first pass (its replies are history, not news). */
  passDone?(firstSync: boolean): void;
  /** Rows the first sync's walk stored; `changes` gets them when this is not given. */
  historyFilled?(result: IngestResult): void;
  /** The cache file failed (locked, full, damaged): the pass stopped; the next one retries. */
  storageFault?(fault: StorageFault, error: unknown): void;
  /** Anything else unexpected; logged by the owner. Sync carries on. */
  unexpected?(error: unknown): void;
}

export interface SyncOptions {
  db: Db;
  client: ClickSendClient;
  listener: SyncListener;
  /** Base poll interval; see cadence.ts for focus and idle. */
  intervalMs?: number;
  focused?: boolean;
  now?: () => number;
  /** Settles sends whose answer was lost and sends what waited, after history is current. */
  outbox?: { flush(signal: AbortSignal): Promise<void> };
  /** Pages of the first sync's walk in flight: where it starts and its ceiling (the rate limiter is the real one). */
  walkConcurrency?: { start?: number; max?: number };
  /** Whether ClickSend takes pictures from the account; the account's session shares its own. */
  pictures?: PictureGate;
}

/** A kind's first walk: while it runs; after a failure, not restarted before retryAt; why it stopped, shown until it stores again. */
interface WalkState {
  running: Promise<void> | null;
  failures: number;
  retryAt: number;
  message: string | null;
  /** Known once complete: polls need not read its cursor again. */
  complete: boolean;
}

export class SyncEngine {
  private intervalMs: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private abort = new AbortController();
  private failures = 0;
  private stopped = true;
  private online = true;
  private current: SyncStatus;
  private readonly now: () => number;
  private focus: WindowFocus;
  private nextPassAt = 0;
  private directoryDue = true;
  /** Sync now was chosen: the next pass reads everything and says so at once. */
  private userAsked = false;
  /** Passes in a row whose queues were empty since history was last read. */
  private quietPasses = 0;
  private savedSyncedAt = 0;
  private readonly walks = new Map<Kind, WalkState>(KINDS.map((kind) => [kind, { running: null, failures: 0, retryAt: 0, message: null, complete: false }]));
  private readonly pictures: PictureGate;
  private readonly pulls: PullContext;
  private readonly steps: PullSteps;

  constructor(private readonly options: SyncOptions) {
    this.intervalMs = options.intervalMs ?? 15_000;
    this.now = options.now ?? Date.now;
    this.focus = { focused: options.focused ?? true, unfocusedSince: this.now() };
    this.pulls = { db: options.db, client: options.client, now: this.now, changes: (result) => this.emitChanges(result) };
    this.pictures = options.pictures ?? new PictureGate(options.db, this.now);
    this.steps = new PullSteps(this.now, this.pictures);
    const walk = readCursor(options.db, 'backfill');
    this.current = {
      state: 'idle',
      lastSyncedAt: readCursor(options.db, 'lastSyncedAt'),
      backfill: walk ? progressOf(walk) : null,
      message: null,
    };
  }

  get status(): SyncStatus {
    return this.current;
  }

  /** `delayMs` lets a restored session paint its cached list before the first pass competes for the CPU. */
  start(delayMs = 0): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.abort = new AbortController();
    // Every request in flight listens to it (the walk keeps up to a dozen), each removing its listener when done.
    setMaxListeners(64, this.abort.signal);
    this.schedule(delayMs);
  }

  stop(): void {
    this.stopped = true;
    this.abort.abort(new Error('sync stopped'));
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Runs a pass now (or waits for the one under way), contacts and templates
   * included; with `untilHistoryComplete`, also waits for the first sync's walk
   * (tools and tests; the window never waits for it).
   */
  async syncNow(options: { untilHistoryComplete?: boolean } = {}): Promise<SyncStatus> {
    if (this.stopped) return this.current;
    if (this.timer) clearTimeout(this.timer);
    this.directoryDue = true;
    this.userAsked = true;
    for (const walk of this.walks.values()) walk.retryAt = 0;
    await this.runPass();
    while (options.untilHistoryComplete && this.walking()) await this.walking();
    return this.current;
  }

  /** Focus speeds polling up at once; losing it starts the idle clock. */
  setFocused(focused: boolean): void {
    if (focused === this.focus.focused) return;
    this.focus = { focused, unfocusedSince: focused ? this.focus.unfocusedSince : this.now() };
    if (focused && this.timer && this.failures === 0) {
      const sooner = this.now() + pollDelay(this.intervalMs, this.focus, this.now());
      if (sooner < this.nextPassAt) this.schedule(sooner - this.now());
    }
  }

  /** A new poll interval (from settings) applies from the next pass. */
  setIntervalMs(intervalMs: number): void {
    this.intervalMs = intervalMs;
  }

  /** The delay before the next pass, as things stand: for tests and diagnostics. */
  get nextDelayMs(): number {
    return this.failures === 0
      ? pollDelay(this.intervalMs, this.focus, this.now())
      : Math.min(MAX_BACKOFF_MS, 2_000 * 2 ** (this.failures - 1));
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.nextPassAt = this.now() + delayMs;
    this.timer = setTimeout(() => void this.runPass(), delayMs);
  }

  private runPass(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
      this.schedule(this.nextDelayMs);
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    const signal = this.abort.signal;
    const firstSync = this.current.lastSyncedAt === null;
    // Asked for (Sync now) or the first: everything, and said at once. A routine
    // poll says "Syncing" only if it takes a while (else the word flickers every few seconds).
    const full = this.userAsked || firstSync;
    this.steps.begin(this.userAsked);
    this.userAsked = false;
    const slow = full ? null : setTimeout(() => this.setStatus({ state: 'syncing' }), SAY_SYNCING_AFTER_MS);
    if (full) this.setStatus({ state: 'syncing' });
    try {
      // Replies first: one still unread at ClickSend counts as unread here,
      // even when the walk through history would also bring it (as already seen).
      const { pulls, steps } = this;
      const replies = (await steps.run('inbound', () => pullInbound(pulls, signal))) ?? 0;
      this.walkHistory(SMS);
      // Most polls find nothing. With no reply waiting, a routine pass asks for receipts only
      // while a message of ours still waits for one, and for history (what other tools and
      // other copies of the app did) only every few passes.
      const routine = !full && replies === 0 && ++this.quietPasses < HISTORY_EVERY_QUIET_PASSES;
      const since = this.now() - RECEIPTS_WAITED_FOR_MS;
      // Each kind is a history of its own at ClickSend, read on the same terms.
      let receipts = 0;
      for (const kind of KINDS) {
        if (routine && !awaitingReceipts(this.options.db, since, kind.name)) continue;
        receipts += (await steps.run(kind.pulls.receipts, () => pullReceipts(pulls, kind, signal))) ?? 0;
      }
      if (!routine || receipts > 0) {
        this.quietPasses = 0;
        await steps.run('history', () => pullRecentHistory(pulls, SMS, signal));
        await steps.run('pictureHistory', () => {
          this.walkHistory(MMS);
          return pullRecentHistory(pulls, MMS, signal);
        });
      }
      for (const kind of KINDS) await steps.run(kind.pulls.due, () => pullDueScheduled(pulls, kind, signal));
      const outbox = this.options.outbox;
      if (outbox) await steps.run('outbox', () => outbox.flush(signal));
      const directory = await refreshDirectory(pulls, signal, this.directoryDue, steps);
      if (directory !== 'not due') {
        this.directoryDue = false;
        if (directory.templates || directory.contacts) this.options.listener.directoryChanged(directory);
        this.options.listener.directoryRefreshed?.();
      }
      this.failures = 0;
      const now = this.now();
      // The time shown is to the minute: the file need not be written every few seconds.
      if (now - this.savedSyncedAt >= 60_000) {
        writeCursor(this.options.db, 'lastSyncedAt', now);
        this.savedSyncedAt = now;
      }
      this.setOnline(true, null);
      // A pull failing alone is said; pictures refused to the account are Settings' and the composer's to say.
      this.setStatus({ state: 'idle', lastSyncedAt: now, message: steps.message ?? this.walkMessage() });
      this.options.listener.passDone?.(firstSync);
    } catch (error) {
      if (this.stopped) return;
      // Never rethrown: a pass runs from a timer, where a throw would be an unhandled rejection.
      if (!(error instanceof ClickSendError)) return this.passFailed(error);
      if (error.isUnauthorized) return this.keyRefused(error);
      this.failures++;
      const { message } = error.toUserError();
      if (error.isConnectivity) this.setOnline(false, message);
      this.setStatus({ state: error.isConnectivity ? 'offline' : 'idle', message });
    } finally {
      if (slow) clearTimeout(slow);
    }
  }

  /** ClickSend no longer accepts the key: stop, and let the account ask for it again. */
  private keyRefused(error: ClickSendError): void {
    this.stopped = true;
    this.setStatus({ state: 'paused', message: error.toUserError().message });
    this.options.listener.unauthorized(error);
  }

  /** The cache, or the app itself, failed: back off, say why, try again later. */
  private passFailed(error: unknown): void {
    this.failures++;
    const fault = storageFault(error);
    const words = fault
      ? storageUserError(fault)
      : { message: 'Something went wrong while syncing.', action: 'The app tries again by itself.' };
    this.setStatus({ state: 'idle', message: inWords(words) });
    if (fault) this.options.listener.storageFault?.(fault, error);
    else this.options.listener.unexpected?.(error);
  }

  /**
   * Starts this kind's first walk beside the passes, unless it is complete,
   * already running, or backing off after a failure. Everything newer than its
   * window is the incremental pull's, which starts at the window's end.
   */
  private walkHistory(kind: Kind): void {
    const state = this.walks.get(kind)!;
    if (state.complete || state.running || this.stopped || this.now() < state.retryAt) return;
    const walk = new HistoryWalk({
      kind,
      db: this.options.db,
      client: this.options.client,
      signal: this.abort.signal,
      now: this.now,
      concurrency: this.options.walkConcurrency,
      stored: (result) => (this.options.listener.historyFilled ?? this.options.listener.changes).call(this.options.listener, result),
      progress: (backfill) => {
        if (state.message) state.message = null;
        // The header's progress is the SMS history's: picture messages are few.
        if (kind !== SMS) return;
        this.setStatus({ backfill, ...(this.current.message && this.current.state !== 'offline' ? { message: null } : {}) });
      },
    });
    if (walk.complete) {
      state.complete = true;
      return;
    }
    state.running = walk
      .run()
      .then(
        () => {
          state.failures = 0;
          state.message = null;
          state.complete = walk.complete;
        },
        (error: unknown) => this.walkFailed(state, kind, error),
      )
      .finally(() => {
        state.running = null;
      });
  }

  /** A walk stopped: say why, like a pass would, and resume it on a later pass (backing off). */
  private walkFailed(state: WalkState, kind: Kind, error: unknown): void {
    if (this.stopped) return;
    state.failures++;
    state.retryAt = this.now() + Math.min(MAX_BACKOFF_MS, 2_000 * 2 ** (state.failures - 1));
    // Pictures refused to the account are the gate's to keep, and Settings' to say.
    if (kind === MMS && this.pictures.refusedBy(error, { keyAccepted: true })) return;
    if (!(error instanceof ClickSendError)) return this.passFailed(error);
    if (error.isUnauthorized) return this.keyRefused(error);
    const { message } = error.toUserError();
    state.message = message;
    if (error.isConnectivity) this.setOnline(false, message);
    this.setStatus({ state: error.isConnectivity ? 'offline' : this.current.state, message });
  }

  /** Any walk running; why one stopped, while it has not stored again. */
  private walking(): Promise<void> | null {
    return [...this.walks.values()].find((walk) => walk.running)?.running ?? null;
  }

  private walkMessage(): string | null {
    return [...this.walks.values()].find((walk) => walk.message)?.message ?? null;
  }

  private emitChanges(result: IngestResult): void {
    if (result.added.length || result.changed.length) this.options.listener.changes(result);
  }

  private setOnline(online: boolean, message: string | null): void {
    if (this.online === online) return;
    this.online = online;
    this.options.listener.connection(online, message);
  }

  /** Said only when it would look different (state, words, progress, or the minute shown). */
  private setStatus(patch: Partial<SyncStatus>): void {
    const before = this.current;
    this.current = { ...this.current, ...patch };
    const minute = (at: number | null) => (at === null ? null : Math.floor(at / 60_000));
    const same =
      before.state === this.current.state &&
      before.message === this.current.message &&
      minute(before.lastSyncedAt) === minute(this.current.lastSyncedAt) &&
      JSON.stringify(before.backfill) === JSON.stringify(this.current.backfill);
    if (!same) this.options.listener.status(this.current);
  }
}
