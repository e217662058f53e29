// Which replies become system notifications, and how. Pure decisions, tested
// on their own; the renderer only displays the result.
import type { EventPayload } from '../../../shared/contract';
import { plainText } from '../../../shared/notification-text';

export interface Reply {
  conversationId: number;
  /** Contact name, or the formatted number. */
  title: string;
  body: string;
  createdAt: number;
}

export interface NotificationContext {
  enabled: boolean;
  /** Epoch ms until which notifications are paused, or null. */
  pausedUntil: number | null;
  now: number;
  /** The first sync of an account: its replies are history, not news. */
  backfilling: boolean;
  windowFocused: boolean;
  openConversationId: number | null;
}

/** What notification.show carries but its sound, which the settings decide (reply-notifications.ts). */
export type AppNotification = Omit<EventPayload<'notification.show'>, 'sound'>;

/** More replies than this in one sync pass become a single summary. */
export const GROUP_FROM = 4;
const PREVIEW_CHARS = 120;

export function decideNotifications(replies: readonly Reply[], context: NotificationContext): AppNotification[] {
  if (!context.enabled || context.backfilling) return [];
  if (context.pausedUntil !== null && context.now < context.pausedUntil) return [];
  const news = replies.filter((r) => !(context.windowFocused && r.conversationId === context.openConversationId));
  if (news.length === 0) return [];
  const newestFirst = [...news].sort((a, b) => b.createdAt - a.createdAt);
  if (news.length < GROUP_FROM) {
    return newestFirst.map((r) => ({ title: plainText(r.title, 80), body: plainText(r.body, PREVIEW_CHARS), conversationId: r.conversationId }));
  }
  const senders = [...new Set(newestFirst.map((r) => plainText(r.title, 40)))];
  const named = senders.length <= 3 ? joinNames(senders) : `${senders.slice(0, 2).join(', ')} and ${senders.length - 2} others`;
  return [{ title: `${news.length} new replies`, body: `From ${named}`, conversationId: newestFirst[0]!.conversationId }];
}

function joinNames(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

export type PauseChoice = 'hour' | 'tomorrow' | 'off' | 'resume';

/** When a pause ends: in an hour, tomorrow at 8:00 local time, never (off), or now (resume). */
export function pauseEnd(choice: PauseChoice, now: number): number | null {
  switch (choice) {
    case 'hour':
      return now + 3_600_000;
    case 'tomorrow': {
      const morning = new Date(now);
      morning.setDate(morning.getDate() + 1);
      morning.setHours(8, 0, 0, 0);
      return morning.getTime();
    }
    case 'off':
      return Number.MAX_SAFE_INTEGER;
    case 'resume':
      return null;
  }
}
