// Which account is signed in, and getting there: restoring the last one at
// start, signing in, switching, removing a saved account, signing out, and
// a damaged cache set aside and rebuilt. At most one AccountSession is open.
import { rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { apiOrigin } from '../../../shared/api-address';
import type { Session } from '../../../shared/contract';
import { totalUnread } from '../cache/conversations';
import { openCache, setCacheAside, type Db } from '../cache/database';
import { salvageLocalWork } from '../cache/salvage';
import { storageFault, storageUserError } from '../cache/storage-faults';
import { readCursor, writeCursor } from '../cache/sync-state';
import type { AccountData } from '../clicksend/schemas';
import { ClickSendError } from '../clicksend/errors';
import type { SecretStore } from '../credentials/keychain';
import { InboxError, inWords } from '../errors/inbox-error';
import { registerSecret } from '../log';
import { tightenDataDir } from '../private-files';
import { toUserError } from '../requests/dispatch';
import { AccountSession, apiAddress, createClient, toAccount, type AccountRecord, type AccountSessionOptions } from './account-session';
import { accountCacheRules } from './cache-rules';
import { accountCachePath, readSessionFile, writeSessionFile } from './session-file';

/** After a restart the cached inbox paints first; the first sync pass follows this much later. */
const RESTORED_SYNC_DELAY_MS = 1_000;

export interface LifecycleOptions extends Omit<AccountSessionOptions, 'unauthorized' | 'storageFault' | 'accountChanged' | 'pollIntervalMs' | 'focused' | 'mediaDir'> {
  dataDir: string;
  secrets: SecretStore;
  demoAvailable: boolean;
  pollIntervalMs(): number;
  focused(): boolean;
  /** An account opened or closed (the badge follows it). */
  activeChanged(): void;
}

export class AccountLifecycle {
  private active: AccountSession | null = null;
  /** Why the app is signed out, when it was not the user's choice. */
  private notice: string | null;
  /** Told once the cache was found damaged and rebuilt; cleared by the next sign-in. */
  private cacheNotice: string | null = null;
  private rebuilding = false;
  /** The keys of a server left behind, leaving the keychain: awaited before the keychain is touched again. */
  private forgetting: Promise<void> = Promise.resolve();

  constructor(private readonly options: LifecycleOptions, notice: string | null) {
    this.notice = notice;
  }

  get current(): AccountSession | null {
    return this.active;
  }

  requireActive(): AccountSession {
    if (!this.active) throw new InboxError('SIGNED_OUT', 'Sign in first.', null);
    return this.active;
  }

  session(): Session {
    const { accounts } = readSessionFile(this.options.dataDir);
    if (!this.active) {
      return { state: 'signed-out', notice: this.notice, demoAvailable: this.options.demoAvailable, savedAccounts: accounts };
    }
    const notice = [this.cacheNotice, this.options.settings.notice].filter(Boolean).join(' ') || null;
    return { state: 'signed-in', account: this.active.account, sync: this.active.sync.status, accounts, unread: totalUnread(this.active.db), notice };
  }

  /** Restores the last session from the keychain and cache; needs no network. */
  async start(): Promise<void> {
    try {
      tightenDataDir(this.options.dataDir);
    } catch (error) {
      this.options.log.warn('data folder: could not be made readable by this user only', error);
    }
    const settingsNotice = this.notice;
    const moved = this.signOutIfApiMoved();
    if (moved !== null) {
      this.notice = [settingsNotice, this.notice].filter(Boolean).join(' ');
      return moved;
    }
    const username = readSessionFile(this.options.dataDir).activeAccount;
    if (!username) return;
    try {
      await this.open(username);
    } catch (error) {
      // Whatever it was, the app starts and says why it is signed out.
      this.notice = inWords(toUserError(error, 'start', this.options.log));
    }
  }

  async signIn(username: string, apiKey: string): Promise<Session> {
    registerSecret(apiKey);
    const origin = this.apiOrigin();
    let answer: AccountData;
    try {
      answer = await createClient(this.options, username, apiKey, 2).getAccount();
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
    // The address moved while ClickSend was asked: the key was entered for the server left behind.
    if (this.apiOrigin() !== origin) {
      throw new InboxError('API_MOVED', 'The API address changed while signing in, so the key was not kept.', 'Sign in again.');
    }
    // A sign-in straight after the address moved: the old keys are gone before this one is written.
    await this.forgetting;
    await this.options.secrets.set(username, apiKey);
    this.deactivate();
    this.cacheNotice = null;
    const db = this.openAccountCache(username);
    const account = toAccount(answer);
    writeCursor(db, 'account', account);
    const saved = readSessionFile(this.options.dataDir);
    writeSessionFile(this.options.dataDir, {
      activeAccount: username,
      accounts: saved.accounts.includes(username) ? saved.accounts : [...saved.accounts, username],
      apiOrigin: this.apiOrigin(),
    });
    this.notice = null;
    this.activate(username, apiKey, db, account);
    return this.changed();
  }

  async switchAccount(username: string): Promise<Session> {
    if (!readSessionFile(this.options.dataDir).accounts.includes(username)) {
      throw new InboxError('UNKNOWN_ACCOUNT', `${username} is not a saved account.`, 'Sign in to add it.');
    }
    if (this.active?.username !== username) await this.open(username);
    this.notice = null;
    return this.changed();
  }

  /** Another saved account leaves this computer; nothing changes at ClickSend. The signed-in one signs out instead. */
  async removeAccount(username: string): Promise<Session> {
    const saved = readSessionFile(this.options.dataDir);
    if (!saved.accounts.includes(username)) throw new InboxError('UNKNOWN_ACCOUNT', `${username} is not a saved account.`, null);
    if (this.active?.username === username) {
      throw new InboxError('ACCOUNT_IN_USE', `${username} is the account in use.`, 'Choose Sign out to remove it from this computer.');
    }
    // The key first: if the keychain refuses, nothing has changed.
    await this.options.secrets.delete(username);
    writeSessionFile(this.options.dataDir, { ...saved, accounts: saved.accounts.filter((a) => a !== username) });
    rmSync(dirname(accountCachePath(this.options.dataDir, username)), { recursive: true, force: true });
    return this.changed();
  }

  /** Signs the current account out: its key leaves the keychain; its cache stays for a later sign-in. */
  async signOut(notice: string | null): Promise<Session> {
    const saved = readSessionFile(this.options.dataDir);
    const username = this.active?.username ?? saved.activeAccount;
    this.deactivate();
    writeSessionFile(this.options.dataDir, { ...saved, activeAccount: null, accounts: saved.accounts.filter((a) => a !== username) });
    this.notice = notice;
    if (username) await this.options.secrets.delete(username);
    return this.changed();
  }

  /**
   * The API base URL setting changed: a new server means every saved account
   * signs out (see signOutIfApiMoved; the keys leave the keychain in the
   * background, the window hears at once); another path on the same server
   * reopens the signed-in account (its client was made for the old path).
   */
  apiAddressChanged(): void {
    if (this.signOutIfApiMoved() !== null) {
      this.changed();
      return;
    }
    const active = this.active;
    const trimmed = (address: string) => address.replace(/\/+$/, '');
    if (!active || trimmed(active.client.baseUrl) === trimmed(apiAddress(this.options))) return;
    try {
      this.deactivate();
      this.activate(active.username, active.apiKey, this.openAccountCache(active.username), active.record);
    } catch (error) {
      this.notice = inWords(toUserError(error, 'settings', this.options.log));
    }
    this.changed();
  }

  /** Every failed request passes here: a damaged cache found at run time is rebuilt at once. */
  onFailure(error: unknown): void {
    if (storageFault(error) === 'corrupt') this.rebuildCache(error);
  }

  private changed(): Session {
    const session = this.session();
    this.options.emit('session.changed', session);
    return session;
  }

  /** Opens a saved account from its keychain entry and its own cache. */
  private async open(username: string): Promise<void> {
    await this.forgetting;
    const apiKey = await this.options.secrets.get(username);
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
    const cached: AccountRecord = readCursor(db, 'account') ?? { username, accountName: username, balance: '', currency: '', country: null, lowCreditAmount: null };
    // Restored from the cache: show it first, sync a moment later.
    this.activate(username, apiKey, db, cached, RESTORED_SYNC_DELAY_MS);
    writeSessionFile(this.options.dataDir, { ...readSessionFile(this.options.dataDir), activeAccount: username });
  }

  private apiOrigin(): string {
    return apiOrigin(apiAddress(this.options));
  }

  /**
   * A key goes only to the server it was entered for. When the API's server
   * (scheme, host, port) is no longer the one the saved keys were entered
   * for (the setting changed, or CLICKSEND_API_URL between runs), every saved
   * account signs out at once and its key is forgotten; the caches stay for
   * the next sign-in. Returns the forgetting, or null when nothing moved.
   */
  private signOutIfApiMoved(): Promise<void> | null {
    const { dataDir, secrets, log } = this.options;
    const saved = readSessionFile(dataDir);
    const origin = this.apiOrigin();
    if (saved.accounts.length === 0 || saved.apiOrigin === origin) return null;
    if (saved.apiOrigin === null) {
      // Saved by a version that did not record the server: the keys are taken as entered for this one.
      writeSessionFile(dataDir, { ...saved, apiOrigin: origin });
      return null;
    }
    this.deactivate();
    writeSessionFile(dataDir, { activeAccount: null, accounts: [], apiOrigin: origin });
    this.notice = `The API address is now ${origin}, so the saved API keys were forgotten: a key is only sent to the server it was entered for. Sign in again; your messages are kept.`;
    const forget = async (username: string) => {
      await secrets.delete(username).catch((error: unknown) => log.warn('session: a saved key could not be forgotten', error));
    };
    return (this.forgetting = Promise.all(saved.accounts.map(forget)).then(() => undefined));
  }

  private activate(username: string, apiKey: string, db: Db, account: AccountRecord, firstPassDelayMs = 0): void {
    const session = new AccountSession(username, apiKey, db, account, {
      ...this.options,
      mediaDir: join(dirname(accountCachePath(this.options.dataDir, username)), 'media'),
      pollIntervalMs: this.options.pollIntervalMs(),
      focused: this.options.focused(),
      accountChanged: () => {
        if (this.active === session) this.changed();
      },
      unauthorized: () => this.onUnauthorized(session),
      storageFault: (fault, error) => {
        if (fault === 'corrupt') queueMicrotask(() => this.rebuildCache(error));
      },
    });
    this.active = session;
    this.options.activeChanged();
    session.start(firstPassDelayMs);
  }

  /** Closes the account in use, if any (signing out, switching, the app stopping); the saved accounts stay. */
  deactivate(): void {
    this.options.feed.reset();
    this.options.replies.clear();
    if (!this.active) return;
    this.active.close();
    this.active = null;
    this.options.activeChanged();
  }

  /** The key was rotated elsewhere: keep the cache, ask for the key again. */
  private onUnauthorized(session: AccountSession): void {
    if (this.active !== session) return;
    this.deactivate();
    this.notice = 'ClickSend no longer accepts the saved API key (it may have been changed in the dashboard). Sign in again; your messages are kept.';
    this.changed();
  }

  /** The account's cache; a damaged one is set aside and a new one started, to be filled from ClickSend. */
  private openAccountCache(username: string): Db {
    const file = accountCachePath(this.options.dataDir, username);
    try {
      return openCache(file, accountCacheRules);
    } catch (error) {
      if (storageFault(error) !== 'corrupt') throw error;
      return this.replaceDamagedCache(file, error);
    }
  }

  private replaceDamagedCache(file: string, error: unknown): Db {
    const aside = setCacheAside(file, Date.now());
    this.options.log.warn('cache: damaged, set aside and rebuilding', error);
    const db = openCache(file, accountCacheRules);
    const { sends } = salvageLocalWork(aside, db);
    this.cacheNotice =
      `The saved copy of your messages was damaged. It was kept aside as ${basename(aside)} and is being rebuilt from ClickSend.` +
      (sends ? ` ${sends === 1 ? 'One message' : `${sends} messages`} waiting to be sent were kept.` : '');
    return db;
  }

  private rebuildCache(error: unknown): void {
    const active = this.active;
    if (!active || this.rebuilding) return;
    this.rebuilding = true;
    try {
      this.deactivate();
      const db = this.replaceDamagedCache(accountCachePath(this.options.dataDir, active.username), error);
      writeCursor(db, 'account', active.record);
      this.activate(active.username, active.apiKey, db, active.record);
      this.changed();
    } catch (failure) {
      this.notice = [storageUserError('corrupt').message, 'It could not be rebuilt: restart the app.'].join(' ');
      this.options.log.error('cache: rebuild failed', failure);
      this.changed();
    } finally {
      this.rebuilding = false;
    }
  }
}
