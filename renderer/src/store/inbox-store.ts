// The renderer's session state (zustand): who is signed in, the sync and
// connection state, settings and the section on screen. Core events reach it
// through core-events.ts; no store talks to ClickSend or storage itself.
import { create } from 'zustand';
import type { Result, Session, Settings, SyncStatus, UserError } from '../../../shared/contract';
import { DEFAULT_SETTINGS } from '../../../shared/settings-defaults';
import { call, describeError, onCoreConnection } from '../bridge/inbox-client';
import { useConversations } from '../conversations/conversations-store';
import { useSearch } from '../search/search-store';
import { useThread } from '../thread/thread-store';
import { attempt } from './attempt';
import { latestRequest } from './latest-request';

export type View = 'conversations' | 'templates' | 'contacts' | 'scheduled' | 'spend' | 'settings';

export interface InboxState {
  /** null while the first answer from the core is awaited. */
  session: Session | null;
  coreConnected: boolean;
  online: boolean;
  offlineMessage: string | null;
  sync: SyncStatus | null;
  settings: Settings;
  error: UserError | null;
  /** The sign-in form is open to add another account while one is signed in. */
  addingAccount: boolean;
  /** The New message dialog is open. */
  composing: boolean;
  view: View;
  /** Unread replies across the account's conversations. */
  unread: number;
  /** What the core did on its own that the user should know, until dismissed (newest last). */
  notices: string[];
  dismissNotice(text: string): void;
  /** A downloaded update (desktop app), and why restarting for it was refused, if it was. */
  update: Result<'app.update'>;

  init(): Promise<void>;
  /** The core's word on who is signed in; another account (or none) clears every view. */
  applySession(session: Session): void;
  /** The core's word on the settings (a change, or the answer to one); settings asked for before it are dropped. */
  applySettings(settings: Settings): void;
  /** The core's word on a downloaded update (its event); the start's answer from before it is dropped. */
  applyUpdate(update: Result<'app.update'>): void;
  signIn(username: string, apiKey: string): Promise<UserError | null>;
  signInDemo(): Promise<UserError | null>;
  signOut(): Promise<void>;
  switchAccount(username: string): Promise<UserError | null>;
  setAddingAccount(adding: boolean): void;
  setComposing(composing: boolean): void;
  setView(view: View): void;
  updateSettings(patch: Partial<Settings>): Promise<UserError | null>;
  syncNow(): Promise<void>;
  dismissError(): void;
  restartToUpdate(): Promise<UserError | null>;
}

/** The window title and the Conversations section carry the unread count (the shell's badge and tray follow the same event). */
export function showUnread(count: number): void {
  document.title = count > 0 ? `(${count}) ClickSend Inbox` : 'ClickSend Inbox';
  useInbox.setState({ unread: count });
}

/** A session asked for (at start, on reconnecting) is applied only if none came since: a late answer from before a sign-in signed the window out again. */
const sessionAnswers = latestRequest();
/** Likewise the settings asked for at start: a change the user made while they were on their way would be undone. */
const settingsAnswers = latestRequest();
/** And the update state: an update downloaded while the start's answer was on its way would lose "Restart to update". */
const updateAnswers = latestRequest();

export const useInbox = create<InboxState>()((set, get) => {
  const applySession = (session: Session): void => {
    sessionAnswers.dropAll();
    const previous = get().session;
    const previousUser = previous?.state === 'signed-in' ? previous.account.username : null;
    const user = session.state === 'signed-in' ? session.account.username : null;
    set({ session, sync: session.state === 'signed-in' ? session.sync : null });
    showUnread(session.state === 'signed-in' ? session.unread : 0);
    // Another account (or none): nothing of the last one may stay on screen.
    if (user !== previousUser) {
      set({ addingAccount: false, composing: false, error: null, view: 'conversations' });
      useConversations.getState().reset();
      useThread.getState().close();
      useSearch.getState().clear();
      if (user) void useConversations.getState().refresh();
    }
  };

  // A session asked for also says whether ClickSend could be reached then: a window opened while offline
  // hears no sync event until the next pass ends, which backs off up to 2 minutes.
  const applyAskedSession = (session: Session): void => {
    applySession(session);
    if (session.state === 'signed-in') set({ online: session.sync.state !== 'offline', offlineMessage: session.sync.message });
  };

  return {
    session: null,
    coreConnected: true,
    online: true,
    offlineMessage: null,
    sync: null,
    settings: DEFAULT_SETTINGS,
    error: null,
    addingAccount: false,
    composing: false,
    view: 'conversations',
    unread: 0,
    update: { version: null, message: null },
    notices: [],

    applySession,

    applySettings(settings) {
      settingsAnswers.dropAll();
      set({ settings });
    },

    applyUpdate(update) {
      updateAnswers.dropAll();
      set({ update });
    },

    async init() {
      onCoreConnection((coreConnected) => {
        set({ coreConnected });
        if (!coreConnected) return;
        const isCurrent = sessionAnswers.start();
        // In browser mode this is also the start's: the socket opens after init asked, so this question is the latest.
        void call('session.get', {}).then((session) => isCurrent() && applyAskedSession(session), () => undefined);
      });
      try {
        const isCurrent = sessionAnswers.start();
        const settingsCurrent = settingsAnswers.start();
        const updateCurrent = updateAnswers.start();
        const [session, settings, update] = await Promise.all([call('session.get', {}), call('settings.get', {}), call('app.update', {})]);
        if (updateCurrent()) set({ update });
        if (settingsCurrent()) set({ settings });
        if (isCurrent()) applyAskedSession(session);
      } catch (error) {
        set({ error: describeError(error) });
      }
    },

    signIn: (username, apiKey) => attempt(async () => applySession(await call('session.signIn', { username, apiKey }))),
    signInDemo: () => attempt(async () => applySession(await call('session.signInDemo', {}))),

    async signOut() {
      try {
        applySession(await call('session.signOut', {}));
      } catch (error) {
        set({ error: describeError(error) });
      }
    },

    switchAccount: (username) => attempt(async () => applySession(await call('accounts.switch', { username }))),

    setAddingAccount(addingAccount) {
      set({ addingAccount });
    },

    setComposing(composing) {
      set({ composing, ...(composing ? { view: 'conversations' as const } : {}) });
    },

    setView(view) {
      set({ view });
    },

    updateSettings: (patch) => attempt(async () => get().applySettings(await call('settings.update', patch))),

    async syncNow() {
      try {
        set({ sync: await call('sync.now', {}) });
      } catch (error) {
        set({ error: describeError(error) });
      }
    },

    dismissError() {
      set({ error: null });
    },

    dismissNotice(text) {
      set((s) => ({ notices: s.notices.filter((n) => n !== text) }));
    },

    restartToUpdate() {
      return attempt(() => call('app.restartToUpdate', {}));
    },
  };
});
