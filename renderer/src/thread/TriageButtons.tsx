// Pin, mute and archive the open conversation, from the thread's header (and
// Ctrl+Shift+P / M / E, see app/shortcuts.ts), and mark it unread. Which of
// each pair is offered, and its words, are the core's (the conversation's
// actions); the icons and shortcuts are the window's.
import { Archive, ArchiveRestore, Bell, BellOff, MessageSquareDot, Pin, PinOff, type LucideIcon } from 'lucide-react';
import type { ConversationAction, ConversationMenuItem, UserError } from '../../../shared/contract';
import { useConversations, type FlagAction } from '../conversations/conversations-store';
import { useThread } from './thread-store';

/** Each triage action's icon and key (Ctrl+Shift+P / E, as in mail apps' archive / M): both of a pair toggle with one key. */
const TRIAGE: Record<FlagAction, { Icon: LucideIcon; key: 'P' | 'E' | 'M' }> = {
  pin: { Icon: Pin, key: 'P' },
  unpin: { Icon: PinOff, key: 'P' },
  mute: { Icon: BellOff, key: 'M' },
  unmute: { Icon: Bell, key: 'M' },
  archive: { Icon: Archive, key: 'E' },
  unarchive: { Icon: ArchiveRestore, key: 'E' },
};

const isTriage = (action: ConversationAction): action is FlagAction => action in TRIAGE;
const shortcut = (key: string) => `Ctrl+Shift+${key}`;

/** What Ctrl+Shift+`key` does on the open conversation: the action the core offers with that key, if any. */
export function triageForKey(actions: ConversationMenuItem[] | null, key: string): FlagAction | null {
  return (
    actions
      ?.map(({ action }) => action)
      .filter(isTriage)
      .find((action) => TRIAGE[action].key === key.toUpperCase()) ?? null
  );
}

/**
 * An action of the open conversation's header (a button, a key), done by the
 * list's one dispatch. Its error shows in the thread's banner, cleared when
 * one works; in the list's once the thread has closed (mark unread closes it).
 */
export async function runOnOpenConversation(action: Exclude<ConversationAction, 'export'>): Promise<UserError | null> {
  const conversationId = useThread.getState().target?.conversationId;
  if (conversationId == null) return null;
  const error = await useConversations.getState().runConversationAction(conversationId, action);
  if (useThread.getState().target?.conversationId === conversationId) useThread.setState({ error });
  else if (error) useConversations.setState({ error });
  return error;
}

export function TriageButtons() {
  const actions = useThread((s) => s.actions);
  if (!actions) return null;
  return (
    <>
      {actions.map(({ action, label }) => {
        if (!isTriage(action)) return null;
        const { Icon, key } = TRIAGE[action];
        const keys = shortcut(key);
        return (
          <button key={action} type="button" className="secondary with-icon" title={`${label} (${keys})`} aria-keyshortcuts={keys} onClick={() => void runOnOpenConversation(action)}>
            <Icon aria-hidden="true" size={16} />
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
  if (conversationId === null || !item) return null;
  return (
    <button type="button" className="secondary with-icon icon-only" title={item.label} onClick={() => void runOnOpenConversation('markUnread')}>
      <MessageSquareDot aria-hidden="true" size={16} />
      <span className="label">{item.label}</span>
    </button>
  );
}
