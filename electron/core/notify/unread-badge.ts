// The unread count behind the window title, the dock/taskbar badge and the
// tray: told to the window only when it moves.
import type { Emit } from '../events';

export class UnreadBadge {
  private last = -1;

  constructor(
    private readonly emit: Emit,
    /** Conversations with an unread reply in the active account (totalUnread); 0 when signed out. */
    readonly count: () => number,
  ) {}

  /** On every change, and when an account opens or closes. */
  refresh(): void {
    const count = this.count();
    if (count === this.last) return;
    this.last = count;
    this.emit('unread.changed', { count });
  }
}
