// How an unread count is said: conversations with an unread reply, as the
// tray's tooltip, the taskbar overlay, and the window's section badge say it.

/** The tray tooltip, badge text (99+ past 99) and words (the taskbar overlay's, a badge's name) for an unread count. */
export function unreadLabel(unread: number): { tooltip: string; badge: string; words: string } {
  if (unread <= 0) return { tooltip: 'ClickSend Inbox', badge: '', words: '' };
  const words = `${unread} unread ${unread === 1 ? 'conversation' : 'conversations'}`;
  return { tooltip: `ClickSend Inbox: ${words}`, badge: unread > 99 ? '99+' : String(unread), words };
}
