// What the window hears when messages change: added and changed messages, the
// conversations to redraw, Spend's figures, and the unread badge. Replies to
// the thread on screen are read before the list is told, so it never flashes
// them unread.
import { markConversationRead } from '../cache/conversations';
import type { Db } from '../cache/database';
import type { IngestResult } from '../cache/ingest';
import type { Emit } from '../events';
import type { UnreadBadge } from '../notify/unread-badge';
import type { Presence } from './presence';

/** While the first sync fills in history, the list is told of it at most this often. */
const HISTORY_LIST_EVERY_MS = 250;

/** Spend counts only our own messages (replies cost nothing). */
const movesSpend = (result: IngestResult) => result.added.some((m) => m.direction === 'out') || result.changed.some((m) => m.direction === 'out');

export class ChangeFeed {
  private filledIds = new Set<number>();
  private filledSpend = false;
  private filledTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: { emit: Emit; presence: Presence; badge: UnreadBadge; db: () => Db | null },
  ) {}

  publish(result: IngestResult): void {
    if (result.added.length) this.deps.emit('messages.added', { messages: result.added });
    if (result.changed.length) this.deps.emit('messages.statusChanged', { messages: result.changed });
    if (movesSpend(result)) this.deps.emit('spend.changed', {});
    if (result.conversationIds.length) {
      this.readIfShown(result.conversationIds);
      this.conversationsChanged(result.conversationIds);
    }
  }

  conversationsChanged(conversationIds: number[]): void {
    this.deps.emit('conversations.changed', { conversationIds });
    this.deps.badge.refresh();
  }

  /**
   * A reply is read when its thread is on screen in a focused window, and only
   * then. True when something became read.
   */
  readIfShown(among?: number[]): boolean {
    const db = this.deps.db();
    const { focused, openConversationId: open } = this.deps.presence;
    if (!db || !focused || open === null || (among && !among.includes(open))) return false;
    return markConversationRead(db, open);
  }

  /** The presence changed: replies that arrived while the thread was not shown are read once it is. */
  presenceChanged(): void {
    const open = this.deps.presence.openConversationId;
    if (this.readIfShown() && open !== null) this.conversationsChanged([open]);
  }

  /**
   * Rows of the first sync's walk: thousands a second on a big account. The
   * open thread gets its own at once; the list hears of the rest at most four
   * times a second (older conversations join at its end, so it does not jump).
   */
  historyFilled(result: IngestResult): void {
    const open = this.deps.presence.openConversationId;
    const forOpen = open === null ? [] : result.added.filter((m) => m.conversationId === open);
    if (forOpen.length) this.deps.emit('messages.added', { messages: forOpen });
    for (const id of result.conversationIds) this.filledIds.add(id);
    this.filledSpend ||= movesSpend(result);
    this.filledTimer ??= setTimeout(() => {
      this.filledTimer = null;
      const ids = [...this.filledIds];
      const spend = this.filledSpend;
      this.filledIds.clear();
      this.filledSpend = false;
      if (!this.deps.db()) return;
      if (ids.length) this.conversationsChanged(ids);
      if (spend) this.deps.emit('spend.changed', {});
    }, HISTORY_LIST_EVERY_MS);
  }

  /** The account closed: nothing of it may reach the window later. */
  reset(): void {
    if (this.filledTimer) clearTimeout(this.filledTimer);
    this.filledTimer = null;
    this.filledIds.clear();
    this.filledSpend = false;
  }
}
