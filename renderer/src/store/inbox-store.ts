// The renderer's state (zustand). Everything in it comes from the core over
// the contract; the store never talks to ClickSend or storage itself.
import { create } from 'zustand';
import type { Conversation, Message, Session, SyncStatus, UserError } from '../../../shared/contract';
import { call, describeError, onCoreConnection, subscribe } from '../bridge/inbox-client';
import { useSearch } from '../search/search-store';
import { groupByConversation, mergeMessages } from './message-merge';

const PAGE = 50;
const LIST_LIMIT = 500;

export interface InboxState {
  /** null while the first answer from the core is awaited. */
  session: Session | null;
  coreConnected: boolean;
  online: boolean;
  offlineMessage: string | null;
  sync: SyncStatus | null;
  conversations: Conversation[];
  selectedId: number | null;
  /** Per conversation, newest first. */
  messages: Record<number, Message[]>;
  hasOlder: Record<number, boolean>;
  error: UserError | null;
  /** The sign-in form is open to add another account while one is signed in. */
  addingAccount: boolean;

  init(): Promise<void>;
  signIn(username: string, apiKey: string): Promise<UserError | null>;
  signInDemo(): Promise<UserError | null>;
  signOut(): Promise<void>;
  switchAccount(username: string): Promise<UserError | null>;
  setAddingAccount(adding: boolean): void;
  retry(messageId: number): Promise<void>;
  discard(messageId: number): Promise<void>;
  select(conversationId: number): Promise<void>;
  loadOlder(conversationId: number): Promise<void>;
  send(body: string): Promise<UserError | null>;
  syncNow(): Promise<void>;
  dismissError(): void;
}

/** Tells the core whether anyone is looking, so it polls faster while they are. */
function reportPresence(): void {
  const report = () => {
    const focused = document.visibilityState === 'visible' && document.hasFocus();
    void call('app.presence', { focused }).catch(() => undefined);
  };
  window.addEventListener('focus', report);
  window.addEventListener('blur', report);
  document.addEventListener('visibilitychange', report);
  report();
}

export const useInbox = create<InboxState>()((set, get) => {
  const refreshConversations = async () => {
    if (get().session?.state !== 'signed-in') return;
    try {
      set({ conversations: await call('conversations.list', { limit: LIST_LIMIT, offset: 0 }) });
    } catch (error) {
      set({ error: describeError(error) });
    }
  };

  const applySession = (session: Session) => {
    const previous = get().session;
    const previousUser = previous?.state === 'signed-in' ? previous.account.username : null;
    const user = session.state === 'signed-in' ? session.account.username : null;
    set({ session, sync: session.state === 'signed-in' ? session.sync : null });
    // Another account (or none): nothing of the last one may stay on screen.
    if (user !== previousUser) {
      set({ conversations: [], messages: {}, selectedId: null, hasOlder: {}, addingAccount: false, error: null });
      useSearch.getState().clear();
      if (user) void refreshConversations();
    }
  };

  const mergeIntoThreads = (incoming: Message[]) => {
    const groups = groupByConversation(incoming);
    set((state) => {
      const messages = { ...state.messages };
      for (const [conversationId, group] of groups) {
        if (messages[conversationId]) messages[conversationId] = mergeMessages(messages[conversationId], group);
      }
      return { messages };
    });
  };

  return {
    session: null,
    coreConnected: true,
    online: true,
    offlineMessage: null,
    sync: null,
    conversations: [],
    selectedId: null,
    messages: {},
    hasOlder: {},
    error: null,
    addingAccount: false,

    async init() {
      subscribe('session.changed', applySession);
      subscribe('sync.status', (sync) => set({ sync, ...(sync.state === 'offline' ? { online: false, offlineMessage: sync.message } : {}) }));
      subscribe('connection.changed', ({ online, message }) => set({ online, offlineMessage: message }));
      subscribe('messages.added', ({ messages }) => mergeIntoThreads(messages));
      subscribe('messages.statusChanged', ({ messages }) => mergeIntoThreads(messages));
      subscribe('directory.changed', ({ contacts }) => {
        if (contacts) void refreshConversations();
      });
      reportPresence();
      subscribe('conversations.changed', ({ conversationIds }) => {
        void refreshConversations();
        const selected = get().selectedId;
        if (selected !== null && conversationIds.includes(selected) && document.hasFocus()) {
          void call('conversations.markRead', { conversationId: selected }).catch(() => undefined);
        }
      });
      onCoreConnection((coreConnected) => {
        set({ coreConnected });
        if (coreConnected) {
          void call('session.get', {}).then(applySession, () => undefined);
          void call('app.presence', { focused: document.hasFocus() }).catch(() => undefined);
        }
      });
      try {
        const session = await call('session.get', {});
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

    async retry(messageId) {
      try {
        mergeIntoThreads([await call('messages.retry', { id: messageId })]);
      } catch (error) {
        set({ error: describeError(error) });
      }
    },

    async discard(messageId) {
      const conversationId = get().selectedId;
      try {
        await call('messages.discard', { id: messageId });
        if (conversationId !== null) {
          set((state) => ({
            messages: { ...state.messages, [conversationId]: (state.messages[conversationId] ?? []).filter((m) => m.id !== messageId) },
          }));
        }
      } catch (error) {
        set({ error: describeError(error) });
      }
    },

    async select(conversationId) {
      set({ selectedId: conversationId });
      try {
        const page = await call('messages.list', { conversationId, limit: PAGE });
        set((state) => ({
          messages: { ...state.messages, [conversationId]: mergeMessages(state.messages[conversationId] ?? [], page) },
          hasOlder: { ...state.hasOlder, [conversationId]: page.length === PAGE },
        }));
        await call('conversations.markRead', { conversationId });
      } catch (error) {
        set({ error: describeError(error) });
      }
    },

    async loadOlder(conversationId) {
      const loaded = get().messages[conversationId];
      const oldest = loaded?.[loaded.length - 1];
      if (!oldest || !get().hasOlder[conversationId]) return;
      try {
        const page = await call('messages.list', { conversationId, beforeId: oldest.id, limit: PAGE });
        set((state) => ({
          messages: { ...state.messages, [conversationId]: mergeMessages(state.messages[conversationId] ?? [], page) },
          hasOlder: { ...state.hasOlder, [conversationId]: page.length === PAGE },
        }));
      } catch (error) {
        set({ error: describeError(error) });
      }
    },

    async send(body) {
      const conversation = get().conversations.find((c) => c.id === get().selectedId);
      if (!conversation) return { code: 'NO_CONVERSATION', message: 'Open a conversation first.', action: null };
      try {
        const message = await call('messages.send', { to: conversation.phone, body });
        mergeIntoThreads([message]);
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
