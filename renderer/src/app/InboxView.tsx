import { lazy, Suspense, useState } from 'react';
import type { Account } from '../../../shared/contract';
import { useInbox, type View } from '../store/inbox-store';

// Views beyond the inbox load when first opened, so start-up parses only what the list and thread need.
const ContactsView = lazy(() => import('../contacts/ContactsView').then((m) => ({ default: m.ContactsView })));
const ScheduledView = lazy(() => import('../scheduled/ScheduledView').then((m) => ({ default: m.ScheduledView })));
const SettingsView = lazy(() => import('../settings/SettingsView').then((m) => ({ default: m.SettingsView })));
const TemplatesView = lazy(() => import('../templates/TemplatesView').then((m) => ({ default: m.TemplatesView })));
import { ConversationList } from '../conversations/ConversationList';
import { NewMessage } from '../conversations/NewMessage';
import { Thread } from '../thread/Thread';
import { AccountSwitcher } from './AccountSwitcher';
import { useShortcuts } from './shortcuts';
import { SyncIndicator } from './SyncIndicator';

export function InboxView({ account, accounts, notice }: { account: Account; accounts: string[]; notice: string | null }) {
  // The text dismissed, not a flag: a new notice (e.g. a cache rebuilt later) shows again.
  const [dismissedNotice, setDismissedNotice] = useState<string | null>(null);
  const signOut = useInbox((s) => s.signOut);
  const error = useInbox((s) => s.error);
  const dismissError = useInbox((s) => s.dismissError);
  const composing = useInbox((s) => s.composing);
  const view = useInbox((s) => s.view);
  useShortcuts();

  return (
    <div className="inbox">
      <header className="app-header">
        <div className="account">
          <AccountSwitcher current={account.username} accounts={accounts} />
          <strong>{account.accountName}</strong>
          {account.balance !== '' && (
            <span className="muted" aria-label="Balance">
              {account.currency}
              {Number.isFinite(Number(account.balance)) ? Number(account.balance).toFixed(2) : account.balance}
            </span>
          )}
        </div>
        <SyncIndicator />
        <button type="button" className="secondary" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
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
    </div>
  );
}

const SECTIONS: Array<{ view: View; label: string; icon: string }> = [
  { view: 'conversations', label: 'Conversations', icon: '💬' },
  { view: 'scheduled', label: 'Scheduled', icon: '🕘' },
  { view: 'templates', label: 'Templates', icon: '📝' },
  { view: 'contacts', label: 'Contacts', icon: '👥' },
  { view: 'settings', label: 'Settings', icon: '⚙' },
];

function Sections({ current }: { current: View }) {
  const open = (view: View) => useInbox.getState().setView(view);
  return (
    <nav className="sections" aria-label="Sections">
      {SECTIONS.map((s) => (
        <button
          key={s.view}
          type="button"
          className={s.view === current ? 'section current' : 'section'}
          aria-current={s.view === current ? 'page' : undefined}
          onClick={() => open(s.view)}
        >
          <span aria-hidden="true">{s.icon}</span>
          <span>{s.label}</span>
        </button>
      ))}
    </nav>
  );
}
