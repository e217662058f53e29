import { useState, type FormEvent } from 'react';
import type { Session, UserError } from '../../../shared/contract';
import { useInbox } from '../store/inbox-store';

export function SignIn({ session }: { session: Extract<Session, { state: 'signed-out' }> }) {
  const signIn = useInbox((s) => s.signIn);
  const signInDemo = useInbox((s) => s.signInDemo);
  const [username, setUsername] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const failure = await signIn(username, apiKey);
    setBusy(false);
    if (failure) setError(failure);
    else setApiKey('');
  };

  const demo = async () => {
    setBusy(true);
    setError(await signInDemo());
    setBusy(false);
  };

  return (
    <main className="centered">
      <form className="card sign-in" onSubmit={(e) => void submit(e)} aria-describedby="sign-in-help">
        <h1>ClickSend Inbox</h1>
        <p id="sign-in-help" className="muted">
          Sign in with your API username and API key from <em>API Credentials</em> in the ClickSend dashboard. The key is
          kept in your system keychain.
        </p>
        {session.notice && (
          <p className="banner warning" role="status">
            {session.notice}
          </p>
        )}
        <label>
          API username
          <input value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required autoFocus />
        </label>
        <label>
          API key
          <input type="password" value={apiKey} onChange={(e) => setApiKey(e.target.value)} autoComplete="current-password" required />
        </label>
        {error && (
          <p className="banner error" role="alert">
            {error.message} {error.action}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {session.demoAvailable && (
          <button type="button" className="secondary" onClick={() => void demo()} disabled={busy}>
            Try the demo account
          </button>
        )}
      </form>
    </main>
  );
}
