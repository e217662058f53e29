// What the owner may do with a conversation without opening it (its row's
// menu) and from its header, in words, decided once, here: the renderer draws
// these and decides none of them.
import type { Conversation, ConversationMenuItem } from '../../../shared/contract';

export type ConversationState = Pick<Conversation, 'pinned' | 'archived' | 'muted' | 'unreadCount'> & {
  /** The customer has written at least once: only then is there a reply to mark unread. */
  hasReply: boolean;
};

/**
 * Read state first (the most used, as in mail apps): Mark read while a reply
 * is unread, else Mark unread when there is a reply to mark; then each flag's
 * toggle, named for what it will do; then Export.
 */
export function conversationActions(c: ConversationState): ConversationMenuItem[] {
  const items: ConversationMenuItem[] = [];
  if (c.unreadCount > 0) items.push({ action: 'markRead', label: 'Mark read' });
  else if (c.hasReply) items.push({ action: 'markUnread', label: 'Mark unread' });
  items.push(c.pinned ? { action: 'unpin', label: 'Unpin' } : { action: 'pin', label: 'Pin' });
  items.push(c.muted ? { action: 'unmute', label: 'Unmute' } : { action: 'mute', label: 'Mute' });
  items.push(c.archived ? { action: 'unarchive', label: 'Move to inbox' } : { action: 'archive', label: 'Archive' });
  items.push({ action: 'export', label: 'Export…' });
  return items;
}
