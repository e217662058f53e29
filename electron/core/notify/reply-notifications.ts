// Replies stored during a sync pass are held until the pass ends, then
// decided on together (one summary for a burst), by the notification policy.
import type { Message } from '../../../shared/contract';
import { getConversation } from '../cache/conversations';
import type { Db } from '../cache/database';
import type { Emit } from '../events';
import type { Presence } from '../session/presence';
import type { SettingsStore } from '../settings/settings';
import { decideNotifications } from './notification-policy';

export class ReplyNotifications {
  private pending: Message[] = [];

  constructor(
    private readonly deps: { emit: Emit; settings: SettingsStore; presence: Presence },
  ) {}

  collect(added: readonly Message[]): void {
    for (const m of added) if (m.direction === 'in') this.pending.push(m);
  }

  /** Replies waiting for the pass to end belong to the account that stored them, not the next. */
  clear(): void {
    this.pending = [];
  }

  passDone(db: Db, firstSync: boolean): void {
    const replies = this.pending;
    this.pending = [];
    if (replies.length === 0) return;
    const settings = this.deps.settings.read();
    const conversations = new Map<number, ReturnType<typeof getConversation>>();
    const conversationOf = (id: number) => {
      if (!conversations.has(id)) conversations.set(id, getConversation(db, id));
      return conversations.get(id);
    };
    // A muted conversation's replies count as unread but never notify.
    const heard = replies.filter((m) => !conversationOf(m.conversationId)?.muted);
    const decided = decideNotifications(
      heard.map((m) => ({ conversationId: m.conversationId, title: conversationOf(m.conversationId)?.title ?? '', body: m.body, createdAt: m.createdAt })),
      {
        enabled: settings.notifications,
        pausedUntil: settings.notificationsPausedUntil,
        now: Date.now(),
        backfilling: firstSync,
        windowFocused: this.deps.presence.focused,
        openConversationId: this.deps.presence.openConversationId,
      },
    );
    // Shown by the renderer with the Web Notifications API, which Electron
    // routes to the OS: one path for both modes, and it works while hidden in the tray.
    for (const n of decided) this.deps.emit('notification.show', { ...n, sound: settings.notificationSound });
  }
}
