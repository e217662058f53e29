// Pin, mute and archive the open conversation, from the thread's header (and
// Ctrl+Shift+P / M / E, see app/shortcuts.ts), and mark it unread. Which of
// each pair is offered, and its words, are the core's (the conversation's
// actions); the icons and shortcuts are the window's.
import { Archive, ArchiveRestore, Bell, BellOff, MessageSquareDot, Pin, PinOff, type LucideIcon } from 'lucide-react';
import type { ConversationAction, ConversationMenuItem } from '../../../shared/contract';
import { useConversations } from '../conversations/conversations-store';
import { FLAG_CHANGES, useThread } from './thread-store';

/** Each triage action's icon and key (Ctrl+Shift+P / E, as in mail apps' archive / M): both of a pair toggle with one key. */
const TRIAGE: Partial<Record<ConversationAction, { Icon: LucideIcon; key: 'P' | 'E' | 'M' }>> = {
  pin: { Icon: Pin, key: 'P' },
  unpin: { Icon: PinOff, key: 'P' },
  mute: { Icon: BellOff, key: 'M' },
  unmute: { Icon: Bell, key: 'M' },
  archive: { Icon: Archive, key: 'E' },
  unarchive: { Icon: ArchiveRestore, key: 'E' },
};

const shortcut = (key: string) => `Ctrl+Shift+${key}`;

/** What Ctrl+Shift+`key` does on the open conversation: the action the core offers with that key, if any. */
export function triageForKey(actions: ConversationMenuItem[] | null, key: string): ConversationAction | null {
  return actions?.find(({ action }) => TRIAGE[action]?.key === key.toUpperCase())?.action ?? null;
}

export function TriageButtons() {
  const actions = useThread((s) => s.actions);
  const setFlags = useThread((s) => s.setFlags);
  if (!actions) return null;
  return (
    <>
      {actions.map(({ action, label }) => {
        const looks = TRIAGE[action];
        const change = FLAG_CHANGES[action];
        if (!looks || !change) return null;
        const keys = shortcut(looks.key);
        return (
          <button key={action} type="button" className="secondary with-icon" title={`${label} (${keys})`} aria-keyshortcuts={keys} onClick={() => void setFlags(change)}>
            <looks.Icon aria-hidden="true" size={16} />
            <span className="label">{label}</span>
          </button>
        );
      })}
    </>
  );
}

/** Mark unread, when the core offers it (there is a reply to mark): a button of icon alone, named for screen readers. */
export function MarkUnreadButton() {
  const conversationId = useThread((s) => s.target?.conversationId ?? null);
  const item = useThread((s) => s.actions?.find((a) => a.action === 'markUnread') ?? null);
  const markUnread = useConversations((s) => s.markUnread);
  if (conversationId === null || !item) return null;
  return (
    <button type="button" className="secondary with-icon icon-only" title={item.label} onClick={() => void markUnread(conversationId)}>
      <MessageSquareDot aria-hidden="true" size={16} />
      <span className="label">{item.label}</span>
    </button>
  );
}
