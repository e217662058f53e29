import { useEffect } from 'react';
import { connectToCore } from '../store/core-events';
import { useInbox } from '../store/inbox-store';
import { SignIn } from '../session/SignIn';
import { InboxView } from './InboxView';
import { useTheme } from './theme';

export function App() {
  const session = useInbox((s) => s.session);
  const addingAccount = useInbox((s) => s.addingAccount);
  useTheme();

  useEffect(() => {
    void connectToCore();
  }, []);

  if (!session) {
    return (
      <main className="centered" aria-busy="true">
        <p className="muted">Opening your inbox…</p>
      </main>
    );
  }
  if (session.state === 'signed-in' && !addingAccount) return <InboxView account={session.account} accounts={session.accounts} notice={session.notice} />;
  return (
    <SignIn
      notice={session.state === 'signed-out' ? session.notice : null}
      demoAvailable={session.state === 'signed-out' && session.demoAvailable}
      savedAccounts={session.state === 'signed-out' ? session.savedAccounts : []}
      adding={session.state === 'signed-in'}
    />
  );
}
