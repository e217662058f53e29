// Pin, mute and archive the open conversation, from the thread's header (and
// Ctrl+Shift+P / M / E, see app/shortcuts.ts), and mark it unread. Which of
// each pair is offered, and its words, are the core's (the conversation's
// actions); the icons and shortcuts are the window's.
import { Archive, ArchiveRestore, Bell, BellOff, MessageSquareDot, Pin, PinOff, type LucideIcon } from 'lucide-react';
import type { ConversationAction } from '../../../shared/contract';
import { useConversations } from '../conversations/conversations-store';
import { FLAG_CHANGES, useThread } from './thread-store';

const LOOKS: Partial<Record<ConversationAction, { Icon: LucideIcon; keys: string }>> = {
  pin: { Icon: Pin, keys: 'Ctrl+Shift+P' },
  unpin: { Icon: PinOff, keys: 'Ctrl+Shift+P' },
  mute: { Icon: BellOff, keys: 'Ctrl+Shift+M' },
  unmute: { Icon: Bell, keys: 'Ctrl+Shift+M' },
  archive: { Icon: Archive, keys: 'Ctrl+Shift+E' },
  unarchive: { Icon: ArchiveRestore, keys: 'Ctrl+Shift+E' },
};

export function TriageButtons() {
  const actions = useThread((s) => s.actions);
  const setFlags = useThread((s) => s.setFlags);
  if (!actions) return null;
  return (
    <>
      {actions.map(({ action, label }) => {
        const looks = LOOKS[action];
        const change = FLAG_CHANGES[action];
        if (!looks || !change) return null;
        return (
          <button key={action} type="button" className="secondary with-icon" title={`${label} (${looks.keys})`} aria-keyshortcuts={looks.keys} onClick={() => void setFlags(change)}>
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
