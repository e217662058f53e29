import { useInbox } from '../store/inbox-store';

const ADD = '\u0000add';

/** Saved accounts (each with its own cache) and a way to add another. */
export function AccountSwitcher({ current, accounts }: { current: string; accounts: string[] }) {
  const switchAccount = useInbox((s) => s.switchAccount);
  const setAddingAccount = useInbox((s) => s.setAddingAccount);
  const showError = (error: Awaited<ReturnType<typeof switchAccount>>) => {
    if (error) useInbox.setState({ error });
  };

  return (
    <select
      aria-label="Account"
      value={current}
      onChange={(e) => {
        if (e.target.value === ADD) setAddingAccount(true);
        else void switchAccount(e.target.value).then(showError);
      }}
    >
      {accounts.map((username) => (
        <option key={username} value={username}>
          {username}
        </option>
      ))}
      <option value={ADD}>Add account…</option>
    </select>
  );
}
