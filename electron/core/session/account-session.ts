// One signed-in account and everything that works for it: its client, cache,
// sync, outbox, scheduled sends, templates and contacts, wired together, and
// its balance kept fresh. Closing it stops all of them.
import { apiAddressProblem, isLoopbackHost } from '../../../shared/api-address';
import type { Account } from '../../../shared/contract';
import type { Db } from '../cache/database';
import type { IngestResult } from '../cache/ingest';
import { optedOut, recordOptOut } from '../cache/opt-outs';
import { getMessage } from '../cache/messages';
import { dismissStopRequest } from '../cache/stop-requests';
import { reconcileOptOutList } from '../opt-outs/shared-list';
import { questionDecided } from '../opt-outs/stop-question';
import { conversationKey } from '../../../shared/phone-numbers';
import { writeCursor, type CursorValue } from '../cache/sync-state';
import { ClickSendClient } from '../clicksend/client';
import type { AccountData } from '../clicksend/schemas';
import { Contacts } from '../contacts/contacts';
import { InboxError } from '../errors/inbox-error';
import type { Emit } from '../events';
import { registerSecret } from '../log';
import type { ReplyNotifications } from '../notify/reply-notifications';
import { requirePhoneNumber } from '../numbers/phone-input';
import { Outbox } from '../outbox/outbox';
import { ScheduledSends } from '../outbox/scheduled';
import type { SettingsStore } from '../settings/settings';
import type { StorageFault } from '../cache/storage-faults';
import { SyncEngine } from '../sync/sync-engine';
import { Templates } from '../templates/templates';
import { join } from 'node:path';
import { Attachments } from '../pictures/attachments';
import { MessageExports } from '../export/message-export';
import { MediaCache } from '../pictures/media-cache';
import type { Logger } from '../requests/dispatch';
import type { ChangeFeed } from './change-feed';
import { lowBalance } from '../money/low-balance';
import { PictureGate } from '../pictures/picture-gate';

/**
 * The account as ClickSend last described it, as the cache keeps it: the
 * contract's Account without what the core decides from it, and with the
 * account's low-credit amount at ClickSend.
 */
export type AccountRecord = CursorValue<'account'>;

/** After a send, failed or not, the balance is read again this much later, once for a burst of sends. */
const BALANCE_REFRESH_MS = 1_500;
/** The window coming forward reads the balance again (a top-up in the dashboard), at most this often. */
const FOCUS_BALANCE_EVERY_MS = 30_000;

export interface ClientOptions {
  /** The configured API; a base URL in the settings wins (tests, a regional endpoint). */
  apiUrl: string;
  settings: SettingsStore;
  clientTimeoutMs?: number;
  /** The client's rate cap (20/s); a test that compresses time raises it with the clock. */
  requestsPerSecond?: number;
}

/** Where requests (and so the key) go: the setting, else the configured API. */
export function apiAddress(options: ClientOptions): string {
  return options.settings.read().apiBaseUrl ?? options.apiUrl;
}

export function createClient(options: ClientOptions, username: string, apiKey: string, maxAttempts?: number): ClickSendClient {
  const baseUrl = apiAddress(options);
  // The setting's schema applies the rule already; CLICKSEND_API_URL, an operator's choice, meets the same one here.
  const problem = apiAddressProblem(baseUrl);
  if (problem) throw new InboxError('API_ADDRESS', `The API address in CLICKSEND_API_URL cannot be used. ${problem}`, 'Change CLICKSEND_API_URL and start the app again.');
  return new ClickSendClient({
    baseUrl,
    username,
    apiKey,
    timeoutMs: options.clientTimeoutMs,
    requestsPerSecond: options.requestsPerSecond,
    maxAttempts,
  });
}

export interface AccountSessionOptions extends ClientOptions {
  emit: Emit;
  feed: ChangeFeed;
  replies: ReplyNotifications;
  log: Logger;
  pollIntervalMs: number;
  focused: boolean;
  /** The account's folder for pictures (the media cache, and pictures waiting to be sent). */
  mediaDir: string;
  /** See Outbox: how long before a send ClickSend has no record of counts as not sent. */
  confirmSendWithinMs?: number;
  now?: () => number;
  /** The account's name or balance moved. */
  accountChanged(): void;
  /** ClickSend no longer accepts the key. */
  unauthorized(): void;
  /** The cache failed under a pass. */
  storageFault(fault: StorageFault, error: unknown): void;
}

/** Pictures over plain http are fetched only from a loopback API (the simulator), never from the internet. */
function loopbackOrigin(apiUrl: string): string | null {
  const url = new URL(apiUrl);
  return isLoopbackHost(url.hostname) ? url.origin : null;
}

export class AccountSession {
  readonly client: ClickSendClient;
  readonly sync: SyncEngine;
  readonly outbox: Outbox;
  readonly scheduled: ScheduledSends;
  readonly templates: Templates;
  readonly contacts: Contacts;
  readonly media: MediaCache;
  readonly attachments: Attachments;
  readonly exports: MessageExports;
  /** Whether ClickSend takes pictures from the account: the sync learns it, sending asks it, the Account carries it. */
  readonly pictures: PictureGate;
  private balanceTimer: NodeJS.Timeout | null = null;
  private focusReadAt = -Infinity;
  private closed = false;

  constructor(
    readonly username: string,
    /** Kept to rebuild a damaged cache without asking again; never logged or stored. */
    readonly apiKey: string,
    readonly db: Db,
    private stored: AccountRecord,
    private readonly options: AccountSessionOptions,
  ) {
    registerSecret(apiKey);
    const { emit, feed, replies } = options;
    const client = (this.client = createClient(options, username, apiKey));
    const defaultCountry = () => this.defaultCountry();
    this.pictures = new PictureGate(db, options.now, () => {
      if (!this.closed) options.accountChanged();
    });
    this.media = new MediaCache({
      db,
      dir: join(options.mediaDir, 'cache'),
      limitBytes: () => options.settings.read().pictureCacheMb * 1024 * 1024,
      loopbackOrigin: loopbackOrigin(client.baseUrl),
    });
    this.attachments = new Attachments(db, client, this.media, join(options.mediaDir, 'outgoing'), this.pictures);
    this.exports = new MessageExports(db);
    this.outbox = new Outbox({
      pictures: this.attachments,
      db,
      client,
      changes: (result) => feed.publish(result),
      confirmWithinMs: options.confirmSendWithinMs,
      now: options.now,
      defaultCountry,
      attempted: () => this.refreshBalanceSoon(),
    });
    this.sync = new SyncEngine({
      db,
      client,
      outbox: this.outbox,
      intervalMs: options.pollIntervalMs,
      focused: options.focused,
      now: options.now,
      pictures: this.pictures,
      listener: {
        directoryChanged: (changed) => emit('directory.changed', changed),
        directoryRefreshed: () => {
          this.refreshBalanceSoon();
          this.shareOptOuts();
        },
        changes: (result) => {
          replies.collect(result.added);
          feed.publish(result);
          this.optOutsChanged(result.optOuts);
        },
        passDone: (firstSync) => replies.passDone(db, firstSync),
        historyFilled: (result) => {
          feed.historyFilled(result);
          this.optOutsChanged(result.optOuts);
        },
        status: (status) => emit('sync.status', status),
        connection: (online, message) => emit('connection.changed', { online, message }),
        unauthorized: () => options.unauthorized(),
        storageFault: (fault, error) => options.storageFault(fault, error),
        unexpected: (error) => options.log.error('sync: a pass failed', error),
      },
    });
    this.templates = new Templates(db, client, () => emit('directory.changed', { contacts: false, templates: true }));
    this.contacts = new Contacts(db, client, () => emit('directory.changed', { contacts: true, templates: false }), defaultCountry);
    this.scheduled = new ScheduledSends(db, client, this.outbox, (result) => feed.publish(result));
  }

  /** `firstPassDelayMs`: a restored account paints its cache first and syncs a moment later. */
  start(firstPassDelayMs = 0): void {
    this.sync.start(firstPassDelayMs);
    void this.refreshAccount().catch(() => undefined);
  }

  close(): void {
    this.closed = true;
    if (this.balanceTimer) clearTimeout(this.balanceTimer);
    this.balanceTimer = null;
    this.sync.stop();
    this.db.close();
  }

  /** A STOP (or START) was recorded: ClickSend's list hears of it, what was scheduled to the number is cancelled, and the user told. */
  private optOutsChanged(changes: IngestResult['optOuts'], { cameFromClickSendList = false } = {}): void {
    if (changes?.length && !cameFromClickSendList) this.shareOptOuts();
    for (const change of changes ?? []) {
      if (!change.optedOut) continue;
      void this.scheduled
        .cancelForOptOut(change.phone)
        .then((text) => text && this.options.emit('app.notice', { text }))
        .catch((error: unknown) => this.options.log.error('opt-outs: cancelling scheduled messages failed', error));
    }
  }

  private sharing: Promise<void> = Promise.resolve();
  /** The ClickSend opt-out list and the cache brought to agree, one reconcile at a time; offline, the next refresh retries. */
  private shareOptOuts(): void {
    this.sharing = this.sharing.then(async () => {
      if (this.closed) return;
      try {
        const { changedHere } = await reconcileOptOutList(this.db, this.client, this.options.settings.read().optOutListName);
        if (this.closed || changedHere.length === 0) return;
        const decided = changedHere.map((phone) => questionDecided(this.db, phone));
        // One change for the window however many numbers moved: one redraw, one badge count.
        this.options.feed.publish({
          added: [],
          changed: decided.flatMap((d) => d.changed),
          conversationIds: [...new Set(decided.flatMap((d) => d.conversationIds))],
        });
        const changes = changedHere.map((phone, i) => ({ conversationId: decided[i]!.conversationIds[0] ?? 0, phone, optedOut: optedOut(this.db, phone) !== null }));
        this.optOutsChanged(changes, { cameFromClickSendList: true });
      } catch (error) {
        this.options.log.warn('opt-outs: the ClickSend list could not be brought up to date', error);
      }
    });
  }

  /** By hand: out (a customer asked on the phone), or back in, with a note of why. */
  async changeOptOut(phone: string, optedOut: boolean, note: string | null): Promise<void> {
    const key = conversationKey(phone);
    const changed = recordOptOut(this.db, { phone: key, optedOut, changedAt: Date.now(), how: 'by-hand', messageRowId: null, note });
    if (!changed) return;
    const decided = questionDecided(this.db, key);
    this.options.feed.publish(decided);
    this.optOutsChanged([{ conversationId: decided.conversationIds[0] ?? 0, phone: key, optedOut }]);
  }

  /** "Not a stop request": this reply and any older one stop asking; the window hears it when that changed anything. */
  dismissStopRequest(replyId: number): void {
    if (!getMessage(this.db, replyId)) throw new InboxError('NOT_FOUND', 'That message is no longer here.', null);
    const phone = dismissStopRequest(this.db, replyId);
    if (phone) this.options.feed.publish(questionDecided(this.db, phone));
  }

  /** The account as ClickSend last said, for the cache. */
  get record(): AccountRecord {
    return this.stored;
  }

  /** The account as the window shows it: with the low-balance warning decided now (the setting may have changed). */
  get account(): Account {
    const { lowCreditAmount, ...account } = this.stored;
    return {
      ...account,
      lowBalance: lowBalance({ ...account, lowCreditAmount }, this.options.settings.read().lowBalanceWarning),
      pictures: this.pictures.access,
    };
  }

  /** For numbers typed without a country code: the setting, else the account's country. */
  defaultCountry(): string | undefined {
    return this.options.settings.read().defaultCountry ?? this.stored.country ?? undefined;
  }

  normalise(number: string): string {
    return requirePhoneNumber(number, this.defaultCountry());
  }

  async refreshAccount(): Promise<Account> {
    const record = toAccount(await this.client.getAccount());
    if (this.closed) return this.account;
    this.stored = record;
    writeCursor(this.db, 'account', record);
    this.options.accountChanged();
    return this.account;
  }

  /**
   * The window came forward: the owner may have topped up in the dashboard
   * meanwhile. The balance is read again, at most every 30 seconds.
   */
  windowFocused(): void {
    const now = (this.options.now ?? Date.now)();
    if (this.closed || now - this.focusReadAt < FOCUS_BALANCE_EVERY_MS) return;
    this.focusReadAt = now;
    void this.refreshAccount().catch(() => undefined);
  }

  /**
   * The balance moves with every message ClickSend accepts, and a refused one
   * may be why (no credit): read it again shortly after every send attempt
   * (once for a burst of sends), and with each directory refresh.
   */
  private refreshBalanceSoon(): void {
    if (this.balanceTimer) return;
    this.balanceTimer = setTimeout(() => {
      this.balanceTimer = null;
      if (!this.closed) void this.refreshAccount().catch(() => undefined);
    }, BALANCE_REFRESH_MS);
  }
}

/** ClickSend's answer to GET /account, as the cache keeps it. */
export function toAccount(answer: AccountData): AccountRecord {
  const name = answer.account_name ?? [answer.user_first_name, answer.user_last_name].filter(Boolean).join(' ');
  return {
    username: answer.username,
    accountName: name || answer.username,
    balance: answer.balance,
    currency: answer._currency?.currency_prefix_d ?? answer._currency?.currency_name_short ?? '',
    country: answer.country ?? null,
    lowCreditAmount: answer.low_credit_amount,
  };
}
