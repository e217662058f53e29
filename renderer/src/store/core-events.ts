// The one place core events are routed to the stores that show them, and the
// window's own reports back to the core (presence). Stores never subscribe
// to the core themselves, so what each event changes can be read here.
import { escapeMarkup } from '../../../shared/notification-text';
import { call, onCoreConnection, subscribe } from '../bridge/inbox-client';
import { useContacts } from '../contacts/contacts-store';
import { useConversations } from '../conversations/conversations-store';
import { useSearch } from '../search/search-store';
import { useSpend } from '../spend/spend-store';
import { useTemplates } from '../templates/templates-store';
import { useThread } from '../thread/thread-store';
import { showUnread, useInbox } from './inbox-store';

function routeCoreEvents(): void {
  subscribe('session.changed', (session) => useInbox.getState().applySession(session));
  subscribe('settings.changed', (settings) => useInbox.getState().applySettings(settings));
  subscribe('sync.status', (sync) =>
    useInbox.setState({ sync, ...(sync.state === 'offline' ? { online: false, offlineMessage: sync.message } : {}) }),
  );
  subscribe('connection.changed', ({ online, message }) => useInbox.setState({ online, offlineMessage: message }));
  subscribe('messages.added', ({ messages }) => useThread.getState().receive(messages));
  subscribe('messages.statusChanged', ({ messages }) => useThread.getState().receive(messages));
  subscribe('notification.show', showNotification);
  subscribe('unread.changed', ({ count }) => showUnread(count));
  subscribe('app.updateReady', (update) => useInbox.getState().applyUpdate(update));
  subscribe('app.notice', ({ text }) => useInbox.setState((s) => ({ notices: [...s.notices.filter((n) => n !== text), text] })));
  // Every view of synced data reads it again when it arrives, keeping what is selected and where it is scrolled.
  subscribe('directory.changed', ({ contacts, templates }) => {
    if (templates) useTemplates.getState().refresh();
    if (!contacts) return;
    useContacts.getState().refresh();
    // Spend titles its conversations by the contact's name.
    useSpend.getState().refresh();
    void useConversations.getState().refresh();
    void useThread.getState().refreshContact();
    useSearch.getState().refresh();
  });
  subscribe('spend.changed', () => useSpend.getState().refresh());
  // The core reads replies to the thread on screen (see presence) before saying the list changed.
  subscribe('conversations.changed', ({ conversationIds }) => {
    void useConversations.getState().refresh();
    // The open one may have changed in ways the list no longer shows (it left the filter): ask for it.
    const open = useThread.getState().target?.conversationId;
    if (open != null && conversationIds.includes(open)) void useThread.getState().refreshContact();
  });
}

/**
 * Tells the core whether anyone is looking and at which conversation's thread
 * (none while another section is shown), so it polls faster while they are,
 * does not notify about what they are reading, and reads replies only when
 * their thread is actually on screen.
 */
function presence() {
  const focused = document.visibilityState === 'visible' && document.hasFocus();
  const shown = useInbox.getState().view === 'conversations';
  return { focused, openConversationId: shown ? (useThread.getState().target?.conversationId ?? null) : null };
}

function reportPresence(): void {
  let last = '';
  const report = () => {
    const now = presence();
    const key = JSON.stringify(now);
    if (key === last) return;
    last = key;
    void call('app.presence', now).catch(() => (last = ''));
  };
  window.addEventListener('focus', report);
  window.addEventListener('blur', report);
  document.addEventListener('visibilitychange', report);
  useThread.subscribe(report);
  useInbox.subscribe(report);
  onCoreConnection((connected) => {
    // A core that restarted knows nothing of this window: tell it again.
    last = '';
    if (connected) report();
  });
  report();
}

/** The core decided a reply is worth a notification: show it, and open the conversation on a click. */
function showNotification({ title, body, conversationId, sound }: { title: string; body: string; conversationId: number; sound: boolean }): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  // Chromium escapes text for Linux notification servers; Electron hands the
  // body to libnotify as it is, and those servers read a subset of markup.
  const linuxElectron = Boolean(window.inbox) && navigator.userAgent.includes('Linux');
  const text = linuxElectron ? escapeMarkup(body) : body;
  const notification = new Notification(title, { body: text, silent: !sound, tag: `conversation-${conversationId}` });
  notification.onclick = () => {
    window.focus();
    void call('app.focusWindow', {}).catch(() => undefined);
    useInbox.getState().setView('conversations');
    void useConversations.getState().select(conversationId);
    notification.close();
  };
}

/** Once, at start: events routed, presence reported, then the session asked for. */
let connected: Promise<void> | null = null;
export function connectToCore(): Promise<void> {
  connected ??= (routeCoreEvents(), reportPresence(), useInbox.getState().init());
  return connected;
}
