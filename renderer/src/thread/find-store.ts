// Find in the open conversation (Ctrl/Cmd+F): what is typed, the messages of
// the conversation that hold it (the core answers from its index, so every
// message counts, not only those loaded), and which one is current. Going to
// a hit outside the loaded window loads the page around it (thread-store).
import { create } from 'zustand';
import type { UserError } from '../../../shared/contract';
import { searchTerms, type SearchTerm } from '../../../shared/find-words';
import { call, describeError } from '../bridge/inbox-client';
import { latestRequest } from '../store/latest-request';
import { useThread } from './thread-store';

/** Quiet time after a key before asking the core. */
const TYPING_MS = 120;

interface FindState {
  open: boolean;
  /** Bumped to put the focus in the field (again: Ctrl+F while it is open selects what it holds). */
  focusRequest: number;
  text: string;
  /** The terms the hits were found for: the bubbles mark them. */
  terms: SearchTerm[] | null;
  /** Ids of the messages found, newest first. */
  hits: number[];
  found: ReadonlySet<number>;
  /** Index into hits of the one shown, or -1. */
  current: number;
  /** A query is waiting or on its way. */
  searching: boolean;
  error: UserError | null;
  show(): void;
  /** Closes the bar: no marks left in the thread. */
  hide(): void;
  type(text: string): void;
  /** 1: the next older hit (Enter); -1: the next newer (Shift+Enter). Wraps around. */
  step(direction: 1 | -1): void;
}

const EMPTY = { text: '', terms: null, hits: [], found: new Set<number>(), current: -1, searching: false, error: null };

const queries = latestRequest();
let timer: ReturnType<typeof setTimeout> | null = null;
/** Enter pressed before the hits of what was typed came: applied when they come. */
let stepsWaiting = 0;

function stopWaiting(): void {
  queries.dropAll();
  stepsWaiting = 0;
  if (timer) clearTimeout(timer);
  timer = null;
}

/** Index `steps` away from `from` among `count`, round either end. */
const around = (from: number, steps: number, count: number) => (((from + steps) % count) + count) % count;

/** Asks the core for the hits of `text`; `keepCurrent` holds on to the current hit (new messages came) instead of going to the newest. */
async function query(text: string, keepCurrent: boolean): Promise<void> {
  const isLatest = queries.start();
  const conversationId = useThread.getState().target?.conversationId;
  const terms = searchTerms(text);
  const shown = useFind.getState().current >= 0;
  if (!conversationId || !terms) {
    useFind.setState({ terms: null, hits: [], found: new Set(), current: -1, searching: false, error: null });
    if (shown) void useThread.getState().focusMessage(null);
    return;
  }
  try {
    const { ids } = await call('messages.find', { conversationId, text });
    if (!isLatest()) return;
    const { hits, current } = useFind.getState();
    const keptAt = keepCurrent && current >= 0 ? ids.indexOf(hits[current]!) : -1;
    const next = keptAt >= 0 ? keptAt : ids.length > 0 ? around(0, stepsWaiting, ids.length) : -1;
    stepsWaiting = 0;
    useFind.setState({ terms, hits: ids, found: new Set(ids), current: next, searching: false, error: null });
    if (next >= 0 && keptAt < 0) void useThread.getState().focusMessage(ids[next]!);
    else if (next < 0 && shown) void useThread.getState().focusMessage(null);
  } catch (error) {
    if (isLatest()) useFind.setState({ searching: false, error: describeError(error) });
  }
}

export const useFind = create<FindState>()((set, get) => ({
  open: false,
  focusRequest: 0,
  ...EMPTY,

  show() {
    set((s) => ({ open: true, focusRequest: s.focusRequest + 1 }));
  },

  hide() {
    stopWaiting();
    const wasOpen = get().open;
    set({ open: false, ...EMPTY });
    if (wasOpen) void useThread.getState().focusMessage(null);
  },

  type(text) {
    stopWaiting();
    set({ text, searching: text.trim() !== '' });
    timer = setTimeout(() => void query(text, false), TYPING_MS);
  },

  step(direction) {
    const { hits, current, searching, text } = get();
    if (searching) {
      // Typed, then Enter at once: ask now, and step once the hits come.
      stepsWaiting += direction;
      if (timer) {
        clearTimeout(timer);
        timer = null;
        void query(text, false);
      }
      return;
    }
    if (hits.length === 0) return;
    const next = around(current, direction, hits.length);
    set({ current: next });
    void useThread.getState().focusMessage(hits[next]!);
  },
}));

// Another conversation closes the bar; a new message in this one is looked at
// again (the current hit stays current).
useThread.subscribe((thread, before) => {
  const find = useFind.getState();
  if (!find.open) return;
  if (thread.target?.conversationId !== before.target?.conversationId) {
    stopWaiting();
    useFind.setState({ open: false, ...EMPTY });
    return;
  }
  const newest = thread.window.messages[0]?.id;
  if (!thread.window.hasNewer && newest !== before.window.messages[0]?.id && find.terms) {
    stopWaiting();
    timer = setTimeout(() => void query(find.text, true), TYPING_MS);
  }
});
