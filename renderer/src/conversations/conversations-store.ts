// The conversation list: a filter, how many conversations it holds, and the
// pages of it loaded so far (the list is virtualised, so only pages near what
// is on screen are fetched). Any change reloads the loaded pages; answers to
// an older generation of the list are dropped.
import { create } from 'zustand';
import type { Conversation, ConversationAction, ConversationFilter, Result, UserError } from '../../../shared/contract';
import { call, describeError } from '../bridge/inbox-client';
import { useThread } from '../thread/thread-store';
import { attempt } from '../store/attempt';
import { latestRequest } from '../store/latest-request';
import { pagesCovering, positionOf } from './list-pages';

export const LIST_PAGE = 100;

export type FlagAction = 'pin' | 'unpin' | 'mute' | 'unmute' | 'archive' | 'unarchive';

/** The change each flag action makes (which one is offered is the core's to say). */
const FLAG_CHANGES: Record<FlagAction, Partial<Pick<Conversation, 'pinned' | 'archived' | 'muted'>>> = {
  pin: { pinned: true },
  unpin: { pinned: false },
  mute: { muted: true },
  unmute: { muted: false },
  archive: { archived: true },
  unarchive: { archived: false },
};

interface ConversationsState {
  filter: ConversationFilter;
  /** null until the first page has answered. */
  total: number | null;
  /** By position in the filtered list. */
  rows: Record<number, Conversation>;
  /** How many conversations each filter holds (null until the first page). */
  counts: Result<'conversations.list'>['counts'] | null;
  error: UserError | null;

  setFilter(filter: ConversationFilter): Promise<void>;
  /** The list shows positions start..end: make sure their pages are loaded. */
  ensureRange(start: number, end: number): void;
  refresh(): Promise<void>;
  select(conversationId: number, aroundMessageId?: number): Promise<void>;
  /** Opens the conversation with a typed number (or a contact's), or a new thread for it. */
  openNumber(number: string): Promise<UserError | null>;
  /** Alt+Up / Alt+Down. */
  selectAdjacent(step: 1 | -1): Promise<void>;
  /**
   * Does an action the core offered on a conversation, from its row's menu or
   * the open one's header (export aside: the window's dialog); the open one's
   * header follows. Resolves to its error, for the caller to show where the user acted.
   */
  runConversationAction(conversationId: number, action: Exclude<ConversationAction, 'export'>): Promise<UserError | null>;
  reset(): void;
}

/** The open conversation has one owner, the thread: however it was opened, the list shows that one. */
export const openConversationId = (): number | null => useThread.getState().target?.conversationId ?? null;

const listRequests = latestRequest();
const loaded = new Set<number>();
const inFlight = new Set<number>();

export const useConversations = create<ConversationsState>()((set, get) => {
  const loadPage = async (page: number, isCurrent: () => boolean) => {
    if (inFlight.has(page)) return;
    inFlight.add(page);
    try {
      const { total, items, counts } = await call('conversations.list', { filter: get().filter, limit: LIST_PAGE, offset: page * LIST_PAGE });
      if (!isCurrent()) return;
      loaded.add(page);
      set((s) => {
        const rows = { ...s.rows };
        items.forEach((c, i) => (rows[page * LIST_PAGE + i] = c));
        // Rows past the end (the list shrank) must not linger.
        for (const key of Object.keys(rows)) if (Number(key) >= total) delete rows[Number(key)];
        return { rows, total, counts, error: null };
      });
      const open = items.find((c) => c.id === openConversationId());
      if (open) useThread.getState().follow(open);
    } catch (error) {
      if (isCurrent()) set({ error: describeError(error) });
    } finally {
      inFlight.delete(page);
    }
  };

  return {
    filter: 'all',
    total: null,
    rows: {},
    counts: null,
    error: null,

    async setFilter(filter) {
      const isCurrent = listRequests.start();
      loaded.clear();
      inFlight.clear();
      set({ filter, total: null, rows: {} });
      await loadPage(0, isCurrent);
    },

    ensureRange(start, end) {
      const isCurrent = listRequests.join();
      for (const page of pagesCovering(start, end, LIST_PAGE)) if (!loaded.has(page)) void loadPage(page, isCurrent);
    },

    async refresh() {
      const isCurrent = listRequests.start();
      inFlight.clear();
      const pages = loaded.size > 0 ? [...loaded] : [0];
      loaded.clear();
      await Promise.all(pages.map((page) => loadPage(page, isCurrent)));
    },

    async select(conversationId, aroundMessageId) {
      try {
        const known = Object.values(get().rows).find((c) => c.id === conversationId) ?? (await call('conversations.get', { conversationId }));
        if (!known) return;
        const opening = useThread.getState().open({ conversationId, phone: known.phone, displayPhone: known.displayPhone, title: known.title }, aroundMessageId);
        // Known already: no composer flashing up before the opt-out notice.
        useThread.getState().follow(known);
        await opening;
        const error = known.unreadCount > 0 ? await get().runConversationAction(conversationId, 'markRead') : null;
        if (error) set({ error });
      } catch (error) {
        set({ error: describeError(error) });
      }
    },

    async openNumber(number) {
      try {
        const { phone, displayPhone, title, conversation } = await call('conversations.forNumber', { number });
        if (conversation) await get().select(conversation.id);
        else await useThread.getState().open({ conversationId: null, phone, displayPhone, title });
        return null;
      } catch (error) {
        return describeError(error);
      }
    },

    async selectAdjacent(step) {
      const { rows, total } = get();
      const selectedId = openConversationId();
      if (!total) return;
      const position = selectedId === null ? undefined : positionOf(rows, selectedId);
      const next = position === undefined ? 0 : Math.min(total - 1, Math.max(0, position + step));
      const conversation = rows[next];
      if (conversation && conversation.id !== selectedId) await get().select(conversation.id);
    },

    runConversationAction(conversationId, action) {
      // Left open it would be read again at once: close it first, as mail apps do.
      if (action === 'markUnread' && openConversationId() === conversationId) useThread.getState().close();
      return attempt(async () => {
        if (action === 'markRead') await call('conversations.markRead', { conversationId });
        else if (action === 'markUnread') await call('conversations.markUnread', { conversationId });
        else {
          const conversation = await call('conversations.setFlags', { conversationId, ...FLAG_CHANGES[action] });
          if (openConversationId() === conversationId) useThread.getState().follow(conversation);
        }
      });
    },

    reset() {
      listRequests.dropAll();
      loaded.clear();
      inFlight.clear();
      set({ filter: 'all', total: null, rows: {}, counts: null, error: null });
    },
  };
});
