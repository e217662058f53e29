import { useEffect } from 'react';
import { useInbox } from '../store/inbox-store';
import { SignIn } from '../session/SignIn';
import { InboxView } from './InboxView';

export function App() {
  const session = useInbox((s) => s.session);
  const init = useInbox((s) => s.init);

  useEffect(() => {
    void init();
  }, [init]);

  if (!session) {
    return (
      <main className="centered" aria-busy="true">
        <p className="muted">Opening your inbox…</p>
      </main>
    );
  }
  return session.state === 'signed-in' ? <InboxView account={session.account} /> : <SignIn session={session} />;
}
