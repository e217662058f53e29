// The renderer's session state (zustand), and the one place core events are
// routed to the stores that show them. Everything comes from the core over
// the contract; no store talks to ClickSend or storage itself.
import { create } from 'zustand';
import { escapeMarkup } from '../../../shared/notification-text';
import type { Session, Settings, SyncStatus, UserError } from '../../../shared/contract';
import { DEFAULT_SETTINGS } from '../../../shared/settings-defaults';
import { call, describeError, onCoreConnection, subscribe } from '../bridge/inbox-client';
import { useConversations } from '../conversations/conversations-store';
import { useSearch } from '../search/search-store';
import { useThread } from '../thread/thread-store';

export type View = 'conversations' | 'templates' | 'contacts' | 'scheduled' | 'settings';

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

  init(): Promise<void>;
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
}

/**
 * Tells the core whether anyone is looking and at which conversation's thread
 * (none while another section is shown), so it polls faster while they are,
 * does not notify about what they are reading, and reads replies only when
 * their thread is actually on screen.
 */
function presence() {
  const focused = document.visibilityState === 'visible' && document.hasFocus();
  const shown = useInbox.getState().view === 'conversations';
  return { focused, openConversationId: shown ? (useThread.getState().target?.conversationId ?? null) : null };
}

function reportPresence(): void {
  let last = '';
  const report = () => {
    const now = presence();
    const key = JSON.stringify(now);
    if (key === last) return;
    last = key;
    void call('app.presence', now).catch(() => (last = ''));
  };
  window.addEventListener('focus', report);
  window.addEventListener('blur', report);
  document.addEventListener('visibilitychange', report);
  useThread.subscribe(report);
  useInbox.subscribe(report);
  onCoreConnection((connected) => {
    // A core that restarted knows nothing of this window: tell it again.
    last = '';
    if (connected) report();
  });
  report();
}

/** The core decided a reply is worth a notification: show it, and open the conversation on a click. */
function showNotification({ title, body, conversationId, sound }: { title: string; body: string; conversationId: number; sound: boolean }): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  // Chromium escapes text for Linux notification servers; Electron hands the
  // body to libnotify as it is, and those servers read a subset of markup.
  const linuxElectron = Boolean(window.inbox) && navigator.userAgent.includes('Linux');
  const text = linuxElectron ? escapeMarkup(body) : body;
  const notification = new Notification(title, { body: text, silent: !sound, tag: `conversation-${conversationId}` });
  notification.onclick = () => {
    window.focus();
    void call('app.focusWindow', {}).catch(() => undefined);
    useInbox.getState().setView('conversations');
    void useConversations.getState().select(conversationId);
    notification.close();
  };
}

/** The window title and the Conversations section carry the unread count (the shell's badge and tray follow the same event). */
function showUnread(count: number): void {
  document.title = count > 0 ? `(${count}) ClickSend Inbox` : 'ClickSend Inbox';
  useInbox.setState({ unread: count });
}

export const useInbox = create<InboxState>()((set, get) => {
  const applySession = (session: Session) => {
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

  const routeEvents = () => {
    subscribe('session.changed', applySession);
    subscribe('settings.changed', (settings) => set({ settings }));
    subscribe('sync.status', (sync) => set({ sync, ...(sync.state === 'offline' ? { online: false, offlineMessage: sync.message } : {}) }));
    subscribe('connection.changed', ({ online, message }) => set({ online, offlineMessage: message }));
    subscribe('messages.added', ({ messages }) => useThread.getState().receive(messages));
    subscribe('messages.statusChanged', ({ messages }) => useThread.getState().receive(messages));
    subscribe('notification.show', showNotification);
    subscribe('unread.changed', ({ count }) => showUnread(count));
    subscribe('directory.changed', ({ contacts }) => {
      if (!contacts) return;
      void useConversations.getState().refresh();
      void useThread.getState().refreshContact();
      useSearch.getState().refresh();
    });
    // The core reads replies to the thread on screen (see presence) before saying the list changed.
    subscribe('conversations.changed', () => void useConversations.getState().refresh());
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

    async init() {
      routeEvents();
      reportPresence();
      onCoreConnection((coreConnected) => {
        set({ coreConnected });
        if (coreConnected) void call('session.get', {}).then(applySession, () => undefined);
      });
      try {
        const [session, settings] = await Promise.all([call('session.get', {}), call('settings.get', {})]);
        set({ settings });
        applySession(session);
        if (session.state === 'signed-in') set({ online: session.sync.state !== 'offline', offlineMessage: session.sync.message });
      } catch (error) {
        set({ error: describeError(error) });
      }
    },

    async signIn(username, apiKey) {
      try {
        applySession(await call('session.signIn', { username, apiKey }));
        return null;
      } catch (error) {
        return describeError(error);
      }
    },

    async signInDemo() {
      try {
        applySession(await call('session.signInDemo', {}));
        return null;
      } catch (error) {
        return describeError(error);
      }
    },

    async signOut() {
      try {
        applySession(await call('session.signOut', {}));
      } catch (error) {
        set({ error: describeError(error) });
      }
    },

    async switchAccount(username) {
      try {
        applySession(await call('accounts.switch', { username }));
        return null;
      } catch (error) {
        return describeError(error);
      }
    },

    setAddingAccount(addingAccount) {
      set({ addingAccount });
    },

    setComposing(composing) {
      set({ composing, ...(composing ? { view: 'conversations' as const } : {}) });
    },

    setView(view) {
      set({ view });
    },

    async updateSettings(patch) {
      try {
        set({ settings: await call('settings.update', patch) });
        return null;
      } catch (error) {
        return describeError(error);
      }
    },

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
  };
});
