// The open thread: which conversation (or which number, for a conversation
// not started yet), its window of messages, and sending into it.
import { create } from 'zustand';
import type { AttachedPicture, Contact, Conversation, ConversationMenuItem, Message, UserError } from '../../../shared/contract';
import { call, describeError } from '../bridge/inbox-client';
import { attempt } from '../store/attempt';
import { latestRequest } from '../store/latest-request';
import { groupByConversation } from '../store/message-merge';
import {
  EMPTY_WINDOW,
  newestWindow,
  windowAround,
  withEvent,
  withNewer,
  withOlder,
  withoutMessage,
  type ThreadWindow,
} from './thread-window';

export const PAGE = 50;

export interface ThreadTarget {
  /** null until the first message to a new number creates the conversation. */
  conversationId: number | null;
  phone: string;
  /** As the core formats it. */
  displayPhone: string;
  title: string;
}

interface ThreadState {
  target: ThreadTarget | null;
  /** The contact with this number: undefined while looking, null when there is none. */
  contact: Contact | null | undefined;
  window: ThreadWindow;
  loading: boolean;
  error: UserError | null;

  open(target: ThreadTarget, aroundId?: number): Promise<void>;
  close(): void;
  loadOlder(): Promise<void>;
  loadNewer(): Promise<void>;
  /**
   * Brings a message of the open conversation into view and marks it (find in
   * the thread): at once when it is loaded, else with the page around it.
   * Null takes the mark away.
   */
  focusMessage(id: number | null): Promise<void>;
  /** Bumped by each focusMessage: the thread scrolls the message into view even when it was already the marked one. */
  focusRequest: number;
  /** Bumped by each message the owner sends here (sent, sent again, retried, re-timed): the thread shows it, wherever the reader was. */
  sentRequest: number;
  /** Messages added or changed anywhere: applied to the open thread. */
  receive(messages: Message[]): void;
  /** `schedule` in unix seconds sends it later; with `picture`, a picture message. */
  send(body: string, schedule?: number, picture?: AttachedPicture): Promise<UserError | null>;
  /** A scheduled message being edited in the composer. */
  editing: Message | null;
  startEdit(message: Message): void;
  stopEdit(): void;
  reschedule(body: string, schedule: number): Promise<UserError | null>;
  /** Acting on one message: the outcome also shows in the thread's banner. */
  cancelScheduled(id: number): Promise<UserError | null>;
  retry(id: number): Promise<UserError | null>;
  /** A new message with the same text (the old one could not be delivered). */
  sendAgain(id: number): Promise<UserError | null>;
  discard(id: number): Promise<UserError | null>;
  /** The number opted out (the core's words), or null: then the composer gives way to a notice. */
  optedOut: Conversation['optedOut'];
  /** The note of an opt-in by hand, kept in the thread. */
  optedBackIn: string | null;
  /** The open conversation as the core now has it: its title, whether it opted out, what may be done with it. */
  follow(conversation: Pick<Conversation, 'title' | 'optedOut'> & Partial<Pick<Conversation, 'actions'>>): void;
  /** Its menu as the core last said (the header's buttons); null for a number with no conversation yet. */
  actions: ConversationMenuItem[] | null;
  /** By hand: opt the number out (a reply asked to stop) or back in, with a note of why. */
  changeOptOut(optedOut: boolean, note: string | null): Promise<UserError | null>;
  /** A reply flagged as asking to stop is not one: the core drops the question (the reply and the row hear of it). */
  dismissStopRequest(replyId: number): Promise<UserError | null>;
  refreshContact(): Promise<void>;
}

/** A new window of messages (a conversation opened, or the page around a message): pages for the one before are dropped. */
const windowRequests = latestRequest();

/** One request per edge at a time: the thread asks on every scroll frame near an edge. */
const loadingEdge: Record<'older' | 'newer', Promise<void> | null> = { older: null, newer: null };

function loadEdge(
  edge: 'older' | 'newer',
  fetchPage: () => Promise<Message[]>,
  merge: (window: ThreadWindow, page: Message[], pageSize: number) => ThreadWindow,
): Promise<void> {
  const isCurrent = windowRequests.join();
  loadingEdge[edge] ??= fetchPage()
    .then(
      (page) => {
        if (isCurrent()) useThread.setState((s) => ({ window: merge(s.window, page, PAGE) }));
      },
      (error: unknown) => {
        if (isCurrent()) useThread.setState({ error: describeError(error) });
      },
    )
    .finally(() => {
      loadingEdge[edge] = null;
    });
  return loadingEdge[edge];
}

/** The owner's message, just sent (or again, or re-timed): into the open thread, which then shows it. */
function showSent(message: Message): void {
  useThread.getState().receive([message]);
  if (useThread.getState().target?.conversationId === message.conversationId) useThread.setState((s) => ({ sentRequest: s.sentRequest + 1 }));
}

/** An action on a message of the thread: its error shows in the thread's banner, cleared when one works. */
async function inThread(work: () => Promise<unknown>): Promise<UserError | null> {
  const error = await attempt(work);
  useThread.setState({ error });
  return error;
}

export const useThread = create<ThreadState>()((set, get) => ({
  target: null,
  contact: undefined,
  window: EMPTY_WINDOW,
  loading: false,
  error: null,
  editing: null,
  optedOut: null,
  optedBackIn: null,
  actions: null,
  focusRequest: 0,
  sentRequest: 0,

  async open(target, aroundId) {
    const isCurrent = windowRequests.start();
    set({ target, contact: undefined, window: EMPTY_WINDOW, loading: target.conversationId !== null, error: null, editing: null, optedOut: null, optedBackIn: null, actions: null });
    void get().refreshContact();
    if (target.conversationId === null) return;
    try {
      const page = await call('messages.list', {
        conversationId: target.conversationId,
        limit: PAGE,
        ...(aroundId === undefined ? {} : { aroundId }),
      });
      if (!isCurrent()) return;
      set({ window: aroundId === undefined ? newestWindow(page, PAGE) : windowAround(page, aroundId, PAGE), loading: false });
    } catch (error) {
      if (isCurrent()) set({ error: describeError(error), loading: false });
    }
  },

  close() {
    windowRequests.dropAll();
    set({ target: null, contact: undefined, window: EMPTY_WINDOW, loading: false, error: null });
  },

  loadOlder() {
    const { target, window } = get();
    const oldest = window.messages.at(-1);
    if (!target?.conversationId || !oldest || !window.hasOlder) return Promise.resolve();
    return loadEdge('older', () => call('messages.list', { conversationId: target.conversationId!, beforeId: oldest.id, limit: PAGE }), withOlder);
  },

  loadNewer() {
    const { target, window } = get();
    const newest = window.messages[0];
    if (!target?.conversationId || !newest || !window.hasNewer) return Promise.resolve();
    return loadEdge('newer', () => call('messages.list', { conversationId: target.conversationId!, afterId: newest.id, limit: PAGE }), withNewer);
  },

  async focusMessage(id) {
    const { target, window } = get();
    const conversationId = target?.conversationId;
    if (!conversationId) return;
    if (id === null || window.messages.some((m) => m.id === id)) {
      set((s) => ({ window: { ...s.window, focusId: id }, focusRequest: s.focusRequest + 1 }));
      return;
    }
    // Far from what is loaded: a new window around it (pages in flight for the old one are dropped).
    const isCurrent = windowRequests.start();
    try {
      const page = await call('messages.list', { conversationId, aroundId: id, limit: PAGE });
      if (!isCurrent()) return;
      set((s) => ({ window: windowAround(page, id, PAGE), loading: false, focusRequest: s.focusRequest + 1 }));
    } catch (error) {
      if (isCurrent()) set({ error: describeError(error) });
    }
  },

  receive(messages) {
    const { target } = get();
    if (!target) return;
    if (target.conversationId === null) {
      // A message to this number has created its conversation.
      const created = messages.find((m) => m.direction === 'out' ? m.to === target.phone : m.from === target.phone);
      if (!created) return;
      set({ target: { ...target, conversationId: created.conversationId } });
    }
    const ofThisThread = groupByConversation(messages).get(get().target!.conversationId!);
    if (ofThisThread) set((s) => ({ window: withEvent(s.window, ofThisThread) }));
  },

  async send(body, schedule, picture) {
    const target = get().target;
    if (!target) return { code: 'NO_CONVERSATION', message: 'Open a conversation first.', action: null };
    return attempt(async () => {
      const message = await call('messages.send', { to: target.phone, body, schedule, picture });
      if (get().target?.phone !== target.phone) return;
      if (get().window.hasNewer) {
        // Sending from far back in the history: jump to the newest, where it is.
        await get().open({ ...target, conversationId: message.conversationId });
      } else {
        if (target.conversationId === null) set({ target: { ...target, conversationId: message.conversationId } });
        set((s) => ({ window: withEvent(s.window, [message]) }));
      }
      set((s) => ({ sentRequest: s.sentRequest + 1 }));
    });
  },

  startEdit(message) {
    set({ editing: message });
  },

  stopEdit() {
    set({ editing: null });
  },

  async reschedule(body, schedule) {
    const editing = get().editing;
    if (!editing) return get().send(body, schedule);
    return attempt(async () => {
      const message = await call('messages.reschedule', { id: editing.id, body, schedule });
      set({ editing: null });
      showSent(message);
    });
  },

  cancelScheduled: (id) => inThread(async () => get().receive([await call('messages.cancel', { id })])),
  retry: (id) => inThread(async () => showSent(await call('messages.retry', { id }))),
  sendAgain: (id) => inThread(async () => showSent(await call('messages.sendAgain', { id }))),
  discard: (id) =>
    inThread(async () => {
      await call('messages.discard', { id });
      set((s) => ({ window: withoutMessage(s.window, id) }));
    }),

  async refreshContact() {
    const phone = get().target?.phone;
    if (!phone) return;
    const [contact, titled] = await Promise.all([
      call('contacts.forPhone', { phone }).catch(() => null),
      call('conversations.forNumber', { number: phone }).catch(() => null),
    ]);
    if (get().target?.phone !== phone) return;
    set({ contact });
    // The title is the core's to decide (a contact's name, else the number).
    if (titled) {
      get().follow({ ...(titled.conversation ?? {}), title: titled.title, optedOut: titled.optedOut });
      if (get().optedBackIn !== titled.optedBackIn) set({ optedBackIn: titled.optedBackIn });
    }
  },

  follow({ title, optedOut, actions }) {
    const target = get().target;
    if (target && target.title !== title) set({ target: { ...target, title } });
    if (JSON.stringify(get().optedOut) !== JSON.stringify(optedOut)) set({ optedOut });
    if (actions && JSON.stringify(actions) !== JSON.stringify(get().actions)) set({ actions });
  },

  dismissStopRequest(replyId) {
    return inThread(() => call('optOuts.dismiss', { id: replyId }));
  },

  async changeOptOut(optedOut, note) {
    const phone = get().target?.phone;
    if (!phone) return null;
    const error = await attempt(() => call('optOuts.change', { phone, optedOut, note }));
    await get().refreshContact();
    return error;
  },
}));
