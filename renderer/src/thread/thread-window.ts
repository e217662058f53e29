// Pure logic behind a thread: a window of a conversation's messages (newest
// first) that can grow backwards (older pages) and forwards (newer pages,
// after jumping to an old message), and take live events without gaps.
import type { Message } from '../../../shared/contract';
import { mergeMessages } from '../store/message-merge';

export interface ThreadWindow {
  /** Newest first. */
  messages: Message[];
  hasOlder: boolean;
  /** True while the newest messages are not loaded (after jumping to an old one). */
  hasNewer: boolean;
  /** A message to bring into view (a search result), if any. */
  focusId: number | null;
}

export const EMPTY_WINDOW: ThreadWindow = { messages: [], hasOlder: false, hasNewer: false, focusId: null };

export function newestWindow(page: Message[], pageSize: number): ThreadWindow {
  return { messages: mergeMessages([], page), hasOlder: page.length === pageSize, hasNewer: false, focusId: null };
}

export function windowAround(page: Message[], focusId: number, pageSize: number): ThreadWindow {
  const messages = mergeMessages([], page);
  const at = messages.findIndex((m) => m.id === focusId);
  const half = Math.max(1, Math.floor(pageSize / 2));
  return {
    messages,
    hasNewer: at >= half,
    hasOlder: at >= 0 && messages.length - at - 1 >= half,
    focusId: at >= 0 ? focusId : null,
  };
}

export function withOlder(window: ThreadWindow, page: Message[], pageSize: number): ThreadWindow {
  return { ...window, messages: mergeMessages(window.messages, page), hasOlder: page.length === pageSize };
}

export function withNewer(window: ThreadWindow, page: Message[], pageSize: number): ThreadWindow {
  return { ...window, messages: mergeMessages(window.messages, page), hasNewer: page.length === pageSize };
}

/**
 * A live event. Updates to messages in the window always apply; new messages
 * join only when the window reaches the newest end, or they would sit after
 * a gap of messages not loaded.
 */
export function withEvent(window: ThreadWindow, incoming: Message[]): ThreadWindow {
  const known = new Set(window.messages.map((m) => m.id));
  const accepted = window.hasNewer ? incoming.filter((m) => known.has(m.id)) : incoming;
  if (accepted.length === 0) return window;
  return { ...window, messages: mergeMessages(window.messages, accepted) };
}

export function withoutMessage(window: ThreadWindow, id: number): ThreadWindow {
  return { ...window, messages: window.messages.filter((m) => m.id !== id) };
}
