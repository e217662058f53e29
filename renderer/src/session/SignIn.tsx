import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { UserError } from '../../../shared/contract';
import { useInbox } from '../store/inbox-store';

interface SignInProps {
  notice: string | null;
  demoAvailable: boolean;
  /** Accounts whose keys are saved: one click to continue. */
  savedAccounts: string[];
  /** Adding another account while one is signed in: offer a way back. */
  adding: boolean;
}

export function SignIn({ notice, demoAvailable, savedAccounts, adding }: SignInProps) {
  const { signIn, signInDemo, switchAccount, setAddingAccount } = useInbox(
    useShallow((s) => ({ signIn: s.signIn, signInDemo: s.signInDemo, switchAccount: s.switchAccount, setAddingAccount: s.setAddingAccount })),
  );
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

  const resume = async (saved: string) => {
    setBusy(true);
    setError(await switchAccount(saved));
    setBusy(false);
  };

  return (
    <main className="centered">
      <form className="card sign-in" onSubmit={(e) => void submit(e)} aria-describedby="sign-in-help">
        <h1>{adding ? 'Add an account' : 'ClickSend Inbox'}</h1>
        <p id="sign-in-help" className="muted">
          Sign in with your API username and API key from <em>API Credentials</em> in the ClickSend dashboard. The key is
          kept in your system keychain.
        </p>
        {notice && (
          <p className="banner warning" role="status">
            {notice}
          </p>
        )}
        {savedAccounts.length > 0 && (
          <div className="saved-accounts">
            {savedAccounts.map((saved) => (
              <button key={saved} type="button" className="secondary" onClick={() => void resume(saved)} disabled={busy}>
                Continue as {saved}
              </button>
            ))}
          </div>
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
        {adding && (
          <button type="button" className="secondary" onClick={() => setAddingAccount(false)}>
            Cancel
          </button>
        )}
        {demoAvailable && (
          <button type="button" className="secondary" onClick={() => void demo()} disabled={busy}>
            Try the demo account
          </button>
        )}
      </form>
    </main>
  );
}
