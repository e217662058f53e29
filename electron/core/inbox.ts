// The core of the app, free of Electron: it owns the signed-in account (its
// client, cache and sync) and answers every request of the contract. The
// Electron shell and browser mode both wrap this one object.
import { EventEmitter } from 'node:events';
import { rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Account, EventName, EventPayload, Message, Session, Settings, SyncStatus } from '../../shared/contract';
import { ClickSendClient } from './clicksend/client';
import { ClickSendError } from './clicksend/errors';
import type { AccountData } from './clicksend/schemas';
import { openCache, setCacheAside, type Db } from './cache/database';
import { salvageLocalWork } from './cache/salvage';
import { storageFault, storageUserError } from './cache/storage-faults';
import {
  contactNameForPhone,
  conversationIdForPhone,
  conversationTitle,
  getConversation,
  listConversations,
  totalUnread,
  markConversationRead,
  markConversationUnread,
} from './cache/conversations';
import { readDraft, saveDraft } from './cache/drafts';
import { decideNotifications, pauseEnd, type PauseChoice } from './notify/notification-policy';
import { listMessages, type IngestResult } from './cache/messages';
import { searchCache } from './cache/search';
import { readCursor, writeCursor } from './cache/sync-state';
import type { CoreConfig } from './config';
import { createDispatcher, toUserError, type Dispatch, type Handlers, type Logger } from './contract/dispatch';
import { InboxError } from './contract/inbox-error';
import { withDemoKey } from './credentials/demo-key';
import type { SecretStore } from './credentials/keychain';
import { Contacts } from './contacts/contacts';
import { Outbox } from './outbox/outbox';
import { ScheduledSends } from './outbox/scheduled';
import { Templates } from './templates/templates';
import { registerSecret } from './log';
import { accountCachePath, readSessionFile, writeSessionFile } from './session/accounts';
import { fileSettings, type SettingsStore } from './settings/settings';
import { formatNumber } from '../../shared/phone-numbers';
import { requirePhoneNumber } from './contract/phone-input';
import { SyncEngine } from './sync/sync-engine';

export interface InboxOptions {
  config: CoreConfig;
  secrets: SecretStore;
  log: Logger;
  /** Browser-mode demo against the simulator. */
  demo?: { username: string; apiKey: string };
  syncIntervalMs?: number;
  clientTimeoutMs?: number;
  /** See Outbox: how long before a send ClickSend has no record of counts as not sent. */
  confirmSendWithinMs?: number;
  /** App-wide settings; by default settings.json in the data folder. */
  settings?: SettingsStore;
  /** Brings the window forward (a notification was clicked); the Electron shell's, none in browser mode. */
  focusWindow?: () => void;
  /** The sync's and outbox's clock; tests compress time with it. */
  now?: () => number;
  /** The client's rate cap (20/s); a test that compresses time raises it with the clock. */
  requestsPerSecond?: number;
}

interface ActiveAccount {
  username: string;
  /** Kept to rebuild a damaged cache without asking again; never logged or stored. */
  apiKey: string;
  db: Db;
  client: ClickSendClient;
  sync: SyncEngine;
  outbox: Outbox;
  scheduled: ScheduledSends;
  templates: Templates;
  contacts: Contacts;
  account: Account;
}

/** While the first sync fills in history, the list is told of it at most this often. */
const HISTORY_LIST_EVERY_MS = 250;

/** After a send, the balance is read again this much later, once for a burst of sends. */
const BALANCE_REFRESH_MS = 1_500;

/** After a restart the cached inbox paints first; the first sync pass follows this much later. */
const RESTORED_SYNC_DELAY_MS = 1_000;

export type InboxEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

export class Inbox {
  readonly dispatch: Dispatch;
  private readonly options: InboxOptions;
  private readonly emitter = new EventEmitter();
  private active: ActiveAccount | null = null;
  private notice: string | null = null;
  /** Told once the cache was found damaged and rebuilt; cleared by the next sign-in. */
  private cacheNotice: string | null = null;
  private rebuilding = false;
  private focused = true;
  private openConversationId: number | null = null;
  /** Replies stored during the sync pass under way, decided on when it ends. */
  private pendingReplies: Message[] = [];
  readonly settings: SettingsStore;
  private readonly secrets: SecretStore;

  constructor(options: InboxOptions) {
    this.options = options;
    this.secrets = options.demo ? withDemoKey(options.secrets, options.demo) : options.secrets;
    this.settings = options.settings ?? fileSettings(options.config.dataDir);
    this.notice = this.settings.notice;
    this.dispatch = createDispatcher(this.handlers(), options.log, (error) => this.onFailure(error));
  }

  onEvent(listener: (event: InboxEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  /** Restores the last session from the keychain and cache; needs no network. */
  async start(): Promise<void> {
    const username = readSessionFile(this.options.config.dataDir).activeAccount;
    if (!username) return;
    try {
      await this.open(username);
    } catch (error) {
      // Whatever it was, the app starts and says why it is signed out.
      const { message, action } = toUserError(error, 'start', this.options.log);
      this.notice = [message, action].filter(Boolean).join(' ');
    }
  }

  /** The account's cache; a damaged one is set aside and a new one started, to be filled from ClickSend. */
  private openAccountCache(username: string): Db {
    const file = accountCachePath(this.options.config.dataDir, username);
    try {
      return openCache(file);
    } catch (error) {
      if (storageFault(error) !== 'corrupt') throw error;
      return this.replaceDamagedCache(file, error);
    }
  }

  private replaceDamagedCache(file: string, error: unknown): Db {
    const aside = setCacheAside(file, Date.now());
    this.options.log.warn('cache: damaged, set aside and rebuilding', error);
    const db = openCache(file);
    const { sends } = salvageLocalWork(aside, db);
    this.cacheNotice =
      `The saved copy of your messages was damaged. It was kept aside as ${basename(aside)} and is being rebuilt from ClickSend.` +
      (sends ? ` ${sends === 1 ? 'One message' : `${sends} messages`} waiting to be sent were kept.` : '');
    return db;
  }

  /** Every failed request passes here: a damaged cache found at run time is rebuilt at once. */
  private onFailure(error: unknown): void {
    if (storageFault(error) === 'corrupt') this.rebuildCache(error);
  }

  private rebuildCache(error: unknown): void {
    const active = this.active;
    if (!active || this.rebuilding) return;
    this.rebuilding = true;
    try {
      this.deactivate();
      const db = this.replaceDamagedCache(accountCachePath(this.options.config.dataDir, active.username), error);
      writeCursor(db, 'account', active.account);
      this.activate(active.username, active.apiKey, db, active.account);
      this.emit('session.changed', this.session());
    } catch (failure) {
      this.notice = [storageUserError('corrupt').message, 'It could not be rebuilt: restart the app.'].join(' ');
      this.options.log.error('cache: rebuild failed', failure);
      this.emit('session.changed', this.session());
    } finally {
      this.rebuilding = false;
    }
  }

  /** Opens a saved account from its keychain entry and its own cache. */
  private async open(username: string): Promise<void> {
    const apiKey = await this.secrets.get(username);
    if (!apiKey) {
      // A locked Linux keychain answers "no such entry" too: say both, and keep the account.
      throw new InboxError(
        'KEY_MISSING',
        `The API key for ${username} was not found in the system keychain: the keychain may be locked, or the key was removed.`,
        `Unlock your keychain and choose Continue as ${username}, or sign in again.`,
      );
    }
    this.deactivate();
    const db = this.openAccountCache(username);
    const cached: Account = readCursor(db, 'account') ?? { username, accountName: username, balance: '', currency: '', country: null };
    // Restored from the cache: show it first, sync a moment later.
    this.activate(username, apiKey, db, cached, RESTORED_SYNC_DELAY_MS);
    writeSessionFile(this.options.config.dataDir, { ...readSessionFile(this.options.config.dataDir), activeAccount: username });
  }

  async stop(): Promise<void> {
    this.deactivate();
  }

  session(): Session {
    const { accounts } = readSessionFile(this.options.config.dataDir);
    if (!this.active) {
      return { state: 'signed-out', notice: this.notice, demoAvailable: Boolean(this.options.demo), savedAccounts: accounts };
    }
    const notice = [this.cacheNotice, this.settings.notice].filter(Boolean).join(' ') || null;
    return { state: 'signed-in', account: this.active.account, sync: this.active.sync.status, accounts, unread: this.unreadCount(), notice };
  }

  private emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    this.emitter.emit('event', { name, payload } as InboxEvent);
  }

  private requireActive(): ActiveAccount {
    if (!this.active) throw new InboxError('SIGNED_OUT', 'Sign in first.', null);
    return this.active;
  }

  private client(username: string, apiKey: string, maxAttempts?: number): ClickSendClient {
    return new ClickSendClient({
      baseUrl: this.settings.read().apiBaseUrl ?? this.options.config.apiUrl,
      username,
      apiKey,
      timeoutMs: this.options.clientTimeoutMs,
      requestsPerSecond: this.options.requestsPerSecond,
      maxAttempts,
    });
  }

  private async signIn(username: string, apiKey: string): Promise<Session> {
    registerSecret(apiKey);
    const client = this.client(username, apiKey, 2);
    let data: AccountData;
    try {
      data = await client.getAccount();
    } catch (error) {
      if (error instanceof ClickSendError && error.isUnauthorized) {
        throw new InboxError(
          'INVALID_CREDENTIALS',
          error.apiMessage ?? 'ClickSend did not accept this API username and key.',
          'Copy both again from API Credentials in the ClickSend dashboard.',
        );
      }
      throw error;
    }
    await this.secrets.set(username, apiKey);
    this.deactivate();
    this.cacheNotice = null;
    const db = this.openAccountCache(username);
    const account = toAccount(data);
    writeCursor(db, 'account', account);
    const saved = readSessionFile(this.options.config.dataDir);
    writeSessionFile(this.options.config.dataDir, {
      activeAccount: username,
      accounts: saved.accounts.includes(username) ? saved.accounts : [...saved.accounts, username],
    });
    this.notice = null;
    this.activate(username, apiKey, db, account);
    const session = this.session();
    this.emit('session.changed', session);
    return session;
  }

  private async switchAccount(username: string): Promise<Session> {
    if (!readSessionFile(this.options.config.dataDir).accounts.includes(username)) {
      throw new InboxError('UNKNOWN_ACCOUNT', `${username} is not a saved account.`, 'Sign in to add it.');
    }
    if (this.active?.username !== username) await this.open(username);
    this.notice = null;
    const session = this.session();
    this.emit('session.changed', session);
    return session;
  }

  /** Another saved account leaves this computer; nothing changes at ClickSend. The signed-in one signs out instead. */
  private async removeAccount(username: string): Promise<Session> {
    const saved = readSessionFile(this.options.config.dataDir);
    if (!saved.accounts.includes(username)) throw new InboxError('UNKNOWN_ACCOUNT', `${username} is not a saved account.`, null);
    if (this.active?.username === username) {
      throw new InboxError('ACCOUNT_IN_USE', `${username} is the account in use.`, 'Choose Sign out to remove it from this computer.');
    }
    // The key first: if the keychain refuses, nothing has changed.
    await this.secrets.delete(username);
    writeSessionFile(this.options.config.dataDir, { ...saved, accounts: saved.accounts.filter((a) => a !== username) });
    rmSync(dirname(accountCachePath(this.options.config.dataDir, username)), { recursive: true, force: true });
    const session = this.session();
    this.emit('session.changed', session);
    return session;
  }

  /** Signs the current account out: its key leaves the keychain; its cache stays for a later sign-in. */
  private async signOut(notice: string | null): Promise<Session> {
    const saved = readSessionFile(this.options.config.dataDir);
    const username = this.active?.username ?? saved.activeAccount;
    this.deactivate();
    writeSessionFile(this.options.config.dataDir, { activeAccount: null, accounts: saved.accounts.filter((a) => a !== username) });
    this.notice = notice;
    if (username) await this.secrets.delete(username);
    const session = this.session();
    this.emit('session.changed', session);
    return session;
  }

  private activate(username: string, apiKey: string, db: Db, account: Account, firstPassDelayMs = 0): void {
    registerSecret(apiKey);
    const client = this.client(username, apiKey);
    const outbox = new Outbox({
      db,
      client,
      changes: (result) => this.publishChanges(result),
      confirmWithinMs: this.options.confirmSendWithinMs,
      now: this.options.now,
      defaultCountry: () => this.defaultCountry(),
      accepted: () => this.refreshBalanceSoon(),
    });
    const sync = new SyncEngine({
      db,
      client,
      outbox,
      intervalMs: this.pollIntervalMs(),
      focused: this.focused,
      now: this.options.now,
      listener: {
        directoryChanged: (changed) => this.emit('directory.changed', changed),
        directoryRefreshed: () => this.refreshBalanceSoon(),
        changes: (result) => {
          this.pendingReplies.push(...result.added.filter((m) => m.direction === 'in'));
          this.publishChanges(result);
        },
        passDone: (firstSync) => this.notifyReplies(firstSync),
        historyFilled: (result) => this.historyFilled(result),
        status: (status: SyncStatus) => this.emit('sync.status', status),
        connection: (online, message) => this.emit('connection.changed', { online, message }),
        unauthorized: () => this.onUnauthorized(username),
        storageFault: (fault, error) => {
          if (fault === 'corrupt') queueMicrotask(() => this.rebuildCache(error));
        },
        unexpected: (error) => this.options.log.error('sync: a pass failed', error),
      },
    });
    const templates = new Templates(db, client, () => this.emit('directory.changed', { contacts: false, templates: true }));
    const contacts = new Contacts(
      db,
      client,
      () => this.emit('directory.changed', { contacts: true, templates: false }),
      () => this.defaultCountry(),
    );
    const scheduled = new ScheduledSends(db, client, outbox, (result) => this.publishChanges(result));
    this.active = { username, apiKey, db, client, sync, outbox, scheduled, templates, contacts, account };
    this.refreshUnread();
    sync.start(firstPassDelayMs);
    void this.refreshAccount().catch(() => undefined);
  }

  private deactivate(): void {
    if (this.balanceTimer) clearTimeout(this.balanceTimer);
    this.balanceTimer = null;
    if (this.filledTimer) clearTimeout(this.filledTimer);
    this.filledTimer = null;
    this.filledIds.clear();
    if (!this.active) return;
    this.active.sync.stop();
    this.active.db.close();
    this.active = null;
    // Replies waiting for the pass to end belong to this account, not the next.
    this.pendingReplies = [];
    this.refreshUnread();
  }

  /** The key was rotated elsewhere: keep the cache, ask for the key again. */
  private onUnauthorized(username: string): void {
    if (this.active?.username !== username) return;
    this.deactivate();
    this.notice = 'ClickSend no longer accepts the saved API key (it may have been changed in the dashboard). Sign in again; your messages are kept.';
    this.emit('session.changed', this.session());
  }

  updateSettings(patch: Partial<Settings>): Settings {
    const settings = this.settings.update(patch);
    this.active?.sync.setIntervalMs(this.pollIntervalMs());
    this.emit('settings.changed', settings);
    return settings;
  }

  /** From the tray menu or the settings view. */
  pauseNotifications(choice: PauseChoice): Settings {
    if (choice === 'off') return this.updateSettings({ notifications: false, notificationsPausedUntil: null });
    if (choice === 'resume') return this.updateSettings({ notifications: true, notificationsPausedUntil: null });
    return this.updateSettings({ notificationsPausedUntil: pauseEnd(choice, Date.now()) });
  }

  /** Tests and demos may force the interval; otherwise the setting. */
  private pollIntervalMs(): number {
    return this.options.syncIntervalMs ?? this.options.config.syncIntervalMs ?? this.settings.read().pollIntervalSeconds * 1000;
  }

  private notifyReplies(firstSync: boolean): void {
    const replies = this.pendingReplies;
    this.pendingReplies = [];
    const active = this.active;
    if (!active || replies.length === 0) return;
    const settings = this.settings.read();
    const titles = new Map<number, string | undefined>();
    const titleOf = (id: number) => {
      if (!titles.has(id)) titles.set(id, getConversation(active.db, id)?.title);
      return titles.get(id);
    };
    const decided = decideNotifications(
      replies.map((m) => ({
        conversationId: m.conversationId,
        title: titleOf(m.conversationId) ?? m.from ?? '',
        body: m.body,
        createdAt: m.createdAt,
      })),
      {
        enabled: settings.notifications,
        pausedUntil: settings.notificationsPausedUntil,
        now: Date.now(),
        backfilling: firstSync,
        windowFocused: this.focused,
        openConversationId: this.openConversationId,
      },
    );
    // Shown by the renderer with the Web Notifications API, which Electron
    // routes to the OS: one path for both modes, and it works while hidden in the tray.
    for (const n of decided) this.emit('notification.show', { ...n, sound: settings.notificationSound });
  }

  /** Unread replies across all conversations of the active account. */
  unreadCount(): number {
    return this.active ? totalUnread(this.active.db) : 0;
  }

  /** For numbers typed without a country code: the setting, else the account's country. */
  private defaultCountry(): string | undefined {
    return this.settings.read().defaultCountry ?? this.active?.account.country ?? undefined;
  }

  private normalise(number: string): string {
    return requirePhoneNumber(number, this.defaultCountry());
  }

  private balanceTimer: NodeJS.Timeout | null = null;
  /**
   * The balance moves with every message ClickSend accepts: read it again
   * shortly after (once for a burst of sends), and with each directory refresh.
   */
  private refreshBalanceSoon(): void {
    if (this.balanceTimer) return;
    this.balanceTimer = setTimeout(() => {
      this.balanceTimer = null;
      if (this.active) void this.refreshAccount().catch(() => undefined);
    }, BALANCE_REFRESH_MS);
  }

  private async refreshAccount(): Promise<Account> {
    const active = this.requireActive();
    const account = toAccount(await active.client.getAccount());
    if (this.active !== active) return account;
    active.account = account;
    writeCursor(active.db, 'account', account);
    this.emit('session.changed', this.session());
    return account;
  }

  private publishChanges(result: IngestResult): void {
    if (result.added.length) this.emit('messages.added', { messages: result.added });
    if (result.changed.length) this.emit('messages.statusChanged', { messages: result.changed });
    if (result.conversationIds.length) {
      this.readIfShown(result.conversationIds);
      this.conversationsChanged(result.conversationIds);
    }
  }

  /**
   * A reply is read when its thread is on screen in a focused window, and only
   * then: the renderer reports which thread that is (presence), null while
   * another section is shown. True when something became read.
   */
  private readIfShown(among?: number[]): boolean {
    const open = this.openConversationId;
    if (!this.active || !this.focused || open === null || (among && !among.includes(open))) return false;
    return markConversationRead(this.active.db, open);
  }

  private filledIds = new Set<number>();
  private filledTimer: NodeJS.Timeout | null = null;
  /**
   * Rows of the first sync's walk: thousands a second on a big account. The
   * open thread gets its own at once; the list hears of the rest at most four
   * times a second (older conversations join at its end, so it does not jump).
   */
  private historyFilled(result: IngestResult): void {
    const open = this.openConversationId;
    const forOpen = open === null ? [] : result.added.filter((m) => m.conversationId === open);
    if (forOpen.length) this.emit('messages.added', { messages: forOpen });
    for (const id of result.conversationIds) this.filledIds.add(id);
    this.filledTimer ??= setTimeout(() => {
      this.filledTimer = null;
      const ids = [...this.filledIds];
      this.filledIds.clear();
      if (this.active && ids.length) this.conversationsChanged(ids);
    }, HISTORY_LIST_EVERY_MS);
  }

  private lastUnread = -1;
  private conversationsChanged(conversationIds: number[]): void {
    this.emit('conversations.changed', { conversationIds });
    this.refreshUnread();
  }

  /** The badge follows the active account: on every change, and when an account opens or closes. */
  private refreshUnread(): void {
    const count = this.unreadCount();
    if (count !== this.lastUnread) {
      this.lastUnread = count;
      this.emit('unread.changed', { count });
    }
  }

  private handlers(): Handlers {
    return {
      'session.get': async () => this.session(),
      'session.signIn': ({ username, apiKey }) => this.signIn(username, apiKey),
      'session.signInDemo': async () => {
        const demo = this.options.demo;
        if (!demo) throw new InboxError('NO_DEMO', 'The demo is only available when the app is started with `npm run demo`.', null);
        return this.signIn(demo.username, demo.apiKey);
      },
      'session.signOut': () => this.signOut(null),
      'accounts.switch': ({ username }) => this.switchAccount(username),
      'accounts.remove': ({ username }) => this.removeAccount(username),
      'account.refresh': () => this.refreshAccount(),
      'conversations.list': async ({ limit, offset, filter }) => listConversations(this.requireActive().db, limit, offset, filter),
      'conversations.get': async ({ conversationId }) => getConversation(this.requireActive().db, conversationId),
      'conversations.forNumber': async ({ number }) => {
        const { db } = this.requireActive();
        const phone = this.normalise(number);
        const id = conversationIdForPhone(db, phone);
        const conversation = id === null ? null : getConversation(db, id);
        return { phone, displayPhone: formatNumber(phone), title: conversation?.title ?? conversationTitle(contactNameForPhone(db, phone), phone), conversation };
      },
      'conversations.markUnread': async ({ conversationId }) => {
        if (markConversationUnread(this.requireActive().db, conversationId)) this.conversationsChanged([conversationId]);
        return null;
      },
      'conversations.markRead': async ({ conversationId }) => {
        const active = this.requireActive();
        if (markConversationRead(active.db, conversationId)) this.conversationsChanged([conversationId]);
        return null;
      },
      'messages.list': async ({ conversationId, limit, ...window }) => listMessages(this.requireActive().db, conversationId, limit, window),
      'messages.price': async ({ to, body }) => {
        const active = this.requireActive();
        const price = await active.client.priceSms([{ to: this.normalise(to), body }]);
        return {
          parts: price.messages.reduce((sum, m) => sum + (m.message_parts ?? 0), 0),
          total: price.total_price.toFixed(4),
          currency: price._currency?.currency_prefix_d ?? active.account.currency,
        };
      },
      'drafts.get': async ({ phone }) => readDraft(this.requireActive().db, phone),
      'drafts.save': async ({ phone, body }) => {
        saveDraft(this.requireActive().db, phone, body, Date.now());
        return null;
      },
      'templates.list': async () => this.requireActive().templates.list(),
      'templates.save': (input) => this.requireActive().templates.save(input),
      'templates.delete': async ({ templateId }) => {
        await this.requireActive().templates.delete(templateId);
        return null;
      },
      'lists.list': async () => this.requireActive().contacts.lists(),
      'lists.save': ({ listId, name }) => this.requireActive().contacts.saveList(listId, name),
      'lists.delete': async ({ listId }) => {
        await this.requireActive().contacts.deleteList(listId);
        return null;
      },
      'contacts.list': async ({ listId, query, limit, offset }) => this.requireActive().contacts.list(listId, query, limit, offset),
      'contacts.forPhone': async ({ phone }) => this.requireActive().contacts.forPhone(phone),
      'contacts.save': ({ listId, contactId, contact }) => this.requireActive().contacts.save(listId, contactId, contact),
      'contacts.delete': async ({ listId, contactId }) => {
        await this.requireActive().contacts.delete(listId, contactId);
        return null;
      },
      'contacts.import': ({ listId, rows }) => this.requireActive().contacts.import(listId, rows),
      'contacts.export': async ({ listId }) => this.requireActive().contacts.export(listId),
      'settings.get': async () => this.settings.read(),
      'settings.update': async (patch) => this.updateSettings(patch),
      'messages.send': async ({ to, body, schedule }) => {
        const active = this.requireActive();
        const message = await active.outbox.send(to, body, schedule);
        if (message.to) saveDraft(active.db, message.to, '', Date.now());
        return message;
      },
      'messages.scheduled': async () => this.requireActive().scheduled.list(),
      'messages.cancel': ({ id }) => this.requireActive().scheduled.cancel(id),
      'messages.cancelAll': () => this.requireActive().scheduled.cancelAll(),
      'messages.reschedule': ({ id, body, schedule }) => this.requireActive().scheduled.reschedule(id, body, schedule),
      'messages.retry': ({ id }) => this.requireActive().outbox.retry(id),
      'messages.sendAgain': ({ id }) => this.requireActive().outbox.sendAgain(id),
      'messages.discard': async ({ id }) => {
        this.requireActive().outbox.discard(id);
        return null;
      },
      'sync.now': () => this.requireActive().sync.syncNow(),
      'search.query': async ({ text, limit }) => searchCache(this.requireActive().db, text, limit),
      'app.presence': async ({ focused, openConversationId }) => {
        this.focused = focused;
        this.openConversationId = openConversationId;
        this.active?.sync.setFocused(focused);
        // Replies that arrived while the thread was not shown are read once it is.
        if (this.readIfShown()) this.conversationsChanged([openConversationId!]);
        return null;
      },
      'notifications.pause': async ({ choice }) => this.pauseNotifications(choice),
      'app.focusWindow': async () => {
        this.options.focusWindow?.();
        return null;
      },
    };
  }
}

function toAccount(data: AccountData): Account {
  const name = data.account_name ?? [data.user_first_name, data.user_last_name].filter(Boolean).join(' ');
  return {
    username: data.username,
    accountName: name || data.username,
    balance: data.balance,
    currency: data._currency?.currency_prefix_d ?? data._currency?.currency_name_short ?? '',
    country: data.country ?? null,
  };
}
