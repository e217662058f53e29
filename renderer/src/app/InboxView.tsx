import { CalendarClock, FileText, MessagesSquare, Settings as SettingsIcon, Users, Wallet, type LucideIcon } from 'lucide-react';
import { lazy, Suspense, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Account } from '../../../shared/contract';
import { unreadLabel } from '../../../shared/unread-label';
import { useInbox, type View } from '../store/inbox-store';

// Views beyond the inbox load when first opened, so start-up parses only what the list and thread need.
const ContactsView = lazy(() => import('../contacts/ContactsView').then((m) => ({ default: m.ContactsView })));
const ScheduledView = lazy(() => import('../scheduled/ScheduledView').then((m) => ({ default: m.ScheduledView })));
const SettingsView = lazy(() => import('../settings/SettingsView').then((m) => ({ default: m.SettingsView })));
const SpendView = lazy(() => import('../spend/SpendView').then((m) => ({ default: m.SpendView })));
const TemplatesView = lazy(() => import('../templates/TemplatesView').then((m) => ({ default: m.TemplatesView })));
import { ConversationList } from '../conversations/ConversationList';
import { NewMessage } from '../conversations/NewMessage';
import { Thread } from '../thread/Thread';
import { AccountMenu } from './AccountMenu';
import { DialogHost } from './dialogs';
import { LowBalanceWarning } from './LowBalanceWarning';
import { useShortcuts } from './shortcuts';
import { SyncIndicator } from './SyncIndicator';
import { UpdateOffer } from './UpdateOffer';

export function InboxView({ account, accounts, notice }: { account: Account; accounts: string[]; notice: string | null }) {
  // The text dismissed, not a flag: a new notice (e.g. a cache rebuilt later) shows again.
  const [dismissedNotice, setDismissedNotice] = useState<string | null>(null);
  const { error, dismissError, composing, view, notices, dismissNotice } = useInbox(
    useShallow((s) => ({ error: s.error, dismissError: s.dismissError, composing: s.composing, view: s.view, notices: s.notices, dismissNotice: s.dismissNotice })),
  );
  useShortcuts();

  return (
    <div className="inbox">
      <header className="app-header">
        {/* One top-level heading for screen readers: where they are. */}
        <h1 className="visually-hidden">{SECTIONS.find((s) => s.view === view)?.label ?? 'ClickSend Inbox'}</h1>
        <AccountMenu account={account} accounts={accounts} />
        <LowBalanceWarning account={account} />
        <SyncIndicator />
      </header>
      <UpdateOffer />
      {notices.map((text) => (
        <div className="banner" role="status" key={text}>
          <span>{text}</span>
          <button type="button" className="link" onClick={() => dismissNotice(text)}>
            Dismiss
          </button>
        </div>
      ))}
      {notice && notice !== dismissedNotice && (
        <div className="banner" role="status">
          <span>{notice}</span>
          <button type="button" className="link" onClick={() => setDismissedNotice(notice)}>
            Dismiss
          </button>
        </div>
      )}
      {error && (
        <div className="banner error" role="alert">
          <span>
            {error.message} {error.action}
          </span>
          <button type="button" className="link" onClick={dismissError}>
            Dismiss
          </button>
        </div>
      )}
      <div className="body">
        <Sections current={view} />
        <main className="view">
          <Suspense fallback={<p className="empty muted">Loading…</p>}>
            {view === 'templates' ? (
              <TemplatesView />
            ) : view === 'contacts' ? (
              <ContactsView />
            ) : view === 'scheduled' ? (
              <ScheduledView />
            ) : view === 'spend' ? (
              <SpendView />
            ) : view === 'settings' ? (
              <SettingsView />
            ) : (
              <div className="panes">
                <ConversationList />
                <Thread />
              </div>
            )}
          </Suspense>
        </main>
      </div>
      {composing && <NewMessage />}
      <DialogHost />
    </div>
  );
}

const SECTIONS: Array<{ view: View; label: string; Icon: LucideIcon }> = [
  { view: 'conversations', label: 'Conversations', Icon: MessagesSquare },
  { view: 'scheduled', label: 'Scheduled', Icon: CalendarClock },
  { view: 'templates', label: 'Templates', Icon: FileText },
  { view: 'contacts', label: 'Contacts', Icon: Users },
  { view: 'spend', label: 'Spend', Icon: Wallet },
  { view: 'settings', label: 'Settings', Icon: SettingsIcon },
];

function Sections({ current }: { current: View }) {
  const unread = useInbox((s) => s.unread);
  const open = (view: View) => useInbox.getState().setView(view);
  return (
    <nav className="sections" aria-label="Sections">
      {SECTIONS.map(({ view, label, Icon }) => (
        <button
          key={view}
          type="button"
          className={view === current ? 'section current' : 'section'}
          aria-current={view === current ? 'page' : undefined}
          onClick={() => open(view)}
        >
          <span className="section-icon">
            <Icon aria-hidden="true" size={20} strokeWidth={1.75} />
            {view === 'conversations' && unread > 0 && (
              <span className="badge section-badge" aria-label={unreadLabel(unread).words}>
                {unreadLabel(unread).badge}
              </span>
            )}
          </span>
          <span>{label}</span>
        </button>
      ))}
    </nav>
  );
}
