// The core of the app, free of Electron: the composition root. It builds the
// modules that own the account, the requests, the notifications and the
// badge, and wires them to one event stream. The Electron shell and browser
// mode both wrap this one object.
import { EventEmitter } from 'node:events';
import type { EventName, EventPayload, Settings } from '../../shared/contract';
import { totalUnread } from './cache/conversations';
import type { CoreConfig } from './config';
import { withDemoKey } from './credentials/demo-key';
import type { SecretStore } from './credentials/keychain';
import type { InboxEvent } from './events';
import { pauseEnd, type PauseChoice } from './notify/notification-policy';
import { ReplyNotifications } from './notify/reply-notifications';
import { UnreadBadge } from './notify/unread-badge';
import { createDispatcher, type Dispatch, type Logger } from './requests/dispatch';
import type { PictureBody, PictureReceipt } from './pictures/attachments';
import { PICTURE_ID, servedPicture, type ServedPicture } from './pictures/media-cache';
import { requestHandlers } from './requests/handlers';
import { AccountLifecycle } from './session/account-lifecycle';
import { ChangeFeed } from './session/change-feed';
import { PendingUpdate } from './session/pending-update';
import type { Presence } from './session/presence';
import { fileSettings, type SettingsStore } from './settings/settings';

export type { InboxEvent } from './events';

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
  /** Installs a downloaded update and restarts (the desktop shell's updater); none in browser mode. */
  restartToUpdate?: () => void;
}

export class Inbox {
  readonly dispatch: Dispatch;
  readonly settings: SettingsStore;
  private readonly emitter = new EventEmitter();
  private readonly presence: Presence = { focused: true, openConversationId: null };
  private readonly accounts: AccountLifecycle;
  private readonly update: PendingUpdate;
  /** Relative to the page until the host that serves pictures names its route. */
  private pictureUrl = (id: string) => `media/${id}`;

  constructor(private readonly options: InboxOptions) {
    this.settings = options.settings ?? fileSettings(options.config.dataDir);
    const emit = <E extends EventName>(name: E, payload: EventPayload<E>) => this.emitter.emit('event', { name, payload } as InboxEvent);
    const badge = new UnreadBadge(emit, () => this.unreadCount());
    const feed = new ChangeFeed({ emit, presence: this.presence, badge, db: () => this.accounts.current?.db ?? null });
    this.update = new PendingUpdate({ emit, db: () => this.accounts.current?.db ?? null, restart: options.restartToUpdate });
    const replies = new ReplyNotifications({ emit, settings: this.settings, presence: this.presence });
    this.accounts = new AccountLifecycle(
      {
        dataDir: options.config.dataDir,
        apiUrl: options.config.apiUrl,
        settings: this.settings,
        secrets: options.demo ? withDemoKey(options.secrets, options.demo) : options.secrets,
        demoAvailable: Boolean(options.demo),
        log: options.log,
        emit,
        feed,
        replies,
        clientTimeoutMs: options.clientTimeoutMs,
        requestsPerSecond: options.requestsPerSecond,
        confirmSendWithinMs: options.confirmSendWithinMs,
        now: options.now,
        pollIntervalMs: () => this.pollIntervalMs(),
        focused: () => this.presence.focused,
        activeChanged: () => badge.refresh(),
      },
      this.settings.notice,
    );
    const handlers = requestHandlers({
      accounts: this.accounts,
      feed,
      presence: this.presence,
      update: this.update,
      demo: options.demo,
      readSettings: () => this.settings.read(),
      updateSettings: (patch) => this.updateSettings(patch),
      pauseNotifications: (choice) => this.pauseNotifications(choice),
      focusWindow: options.focusWindow,
      pictureUrl: (id) => this.pictureUrl(id),
    });
    this.dispatch = createDispatcher(handlers, options.log, (error) => this.accounts.onFailure(error));
  }

  onEvent(listener: (event: InboxEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  /** The host's media route (app:// or browser mode's server): how the page's <img> names a picture by id. */
  servePicturesAt(pictureUrl: (id: string) => string): void {
    this.pictureUrl = pictureUrl;
  }

  /** The picture the media route was asked for, by id (a message's or an attachment's), or null: an id names no path. */
  async picture(id: string): Promise<ServedPicture | null> {
    const session = this.accounts.current;
    if (!session || !PICTURE_ID.test(id)) return null;
    const file = /^\d+$/.test(id) ? session.media.file(Number(id), session.attachments.outgoingDir) : session.attachments.file(id);
    return file ? servedPicture(file) : null;
  }

  /** The media route's PUT: the bytes of a picture being attached, under the id pictures.attach gave it. */
  receivePicture(id: string, body: PictureBody): Promise<PictureReceipt> {
    const session = this.accounts.current;
    // Any id but one pictures.attach gave is 'unknown' to the attachments.
    return session ? session.attachments.receive(id, body) : Promise.resolve('unknown');
  }

  /** Restores the last session from the keychain and cache; needs no network. */
  start(): Promise<void> {
    return this.accounts.start();
  }

  async stop(): Promise<void> {
    this.accounts.deactivate();
  }

  /** The desktop shell's updater downloaded this version: the window offers "Restart to update". */
  updateDownloaded(version: string): void {
    this.update.downloaded(version);
  }

  /** Unread replies across all conversations of the active account. */
  unreadCount(): number {
    const db = this.accounts.current?.db;
    return db ? totalUnread(db) : 0;
  }

  updateSettings(patch: Partial<Settings>): Settings {
    const settings = this.settings.update(patch);
    if ('apiBaseUrl' in patch) this.accounts.apiAddressChanged();
    this.accounts.current?.sync.setIntervalMs(this.pollIntervalMs());
    this.emitter.emit('event', { name: 'settings.changed', payload: settings } satisfies InboxEvent);
    // The low-balance warning is decided from the setting: the header hears the new decision.
    if ('lowBalanceWarning' in patch && this.accounts.current) {
      this.emitter.emit('event', { name: 'session.changed', payload: this.accounts.session() } satisfies InboxEvent);
    }
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
}
