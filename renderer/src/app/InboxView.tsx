import type { Account } from '../../../shared/contract';
import { useInbox } from '../store/inbox-store';
import { ConversationList } from '../conversations/ConversationList';
import { NewMessage } from '../conversations/NewMessage';
import { Thread } from '../thread/Thread';
import { AccountSwitcher } from './AccountSwitcher';
import { useShortcuts } from './shortcuts';
import { SyncIndicator } from './SyncIndicator';

export function InboxView({ account, accounts }: { account: Account; accounts: string[] }) {
  const signOut = useInbox((s) => s.signOut);
  const error = useInbox((s) => s.error);
  const dismissError = useInbox((s) => s.dismissError);
  const composing = useInbox((s) => s.composing);
  const theme = useInbox((s) => s.settings.theme);
  const updateSettings = useInbox((s) => s.updateSettings);
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
        <label className="theme">
          <span className="visually-hidden">Theme</span>
          <select value={theme} onChange={(e) => void updateSettings({ theme: e.target.value as typeof theme })}>
            <option value="system">System theme</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        <button type="button" className="secondary" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
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
      <div className="panes">
        <ConversationList />
        <Thread />
      </div>
      {composing && <NewMessage />}
    </div>
  );
}
