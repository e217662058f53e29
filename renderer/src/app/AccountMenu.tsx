// The account in use, its balance, and a menu: switch to another saved
// account, add one, remove one, sign out. Leaving an account asks first, in
// the app's own dialog: sign-out removes its key from this computer.
import { ChevronDown } from 'lucide-react';
import { useCallback, useId, useRef, useState } from 'react';
import type { Account } from '../../../shared/contract';
import { formatCents, toUnits } from '../../../shared/money-amounts';
import { call, describeError } from '../bridge/inbox-client';
import { useInbox } from '../store/inbox-store';
import { confirmAction } from './dialogs';
import { Menu, type MenuEntry } from './Menu';

export function AccountMenu({ account, accounts }: { account: Account; accounts: string[] }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const others = accounts.filter((a) => a !== account.username);
  const { switchAccount, setAddingAccount, signOut } = useInbox.getState();
  const fail = (error: ReturnType<typeof describeError> | null) => error && useInbox.setState({ error });

  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  }, []);

  const items: Array<{ label: string; danger?: boolean; run: () => void | Promise<void> }> = [
    ...others.map((username) => ({ label: `Switch to ${username}`, run: async () => fail(await switchAccount(username)) })),
    { label: 'Add an account…', run: () => setAddingAccount(true) },
    ...others.map((username) => ({
      label: `Remove ${username}…`,
      danger: true,
      run: async () => {
        const yes = await confirmAction({
          title: `Remove ${username} from this computer?`,
          message: 'Its API key is deleted from the keychain and its saved messages from this computer. Nothing changes at ClickSend; sign in again to bring it back.',
          confirmLabel: `Remove ${username}`,
          dismissLabel: 'Keep it',
          danger: true,
        });
        if (!yes) return;
        try {
          await call('accounts.remove', { username });
        } catch (error) {
          fail(describeError(error));
        }
      },
    })),
    {
      label: 'Sign out…',
      danger: true,
      run: async () => {
        const yes = await confirmAction({
          title: `Sign out of ${account.username}?`,
          message: 'The API key is removed from this computer. Your messages stay here for when you sign in again; nothing is sent or scheduled meanwhile.',
          confirmLabel: 'Sign out',
          dismissLabel: 'Stay signed in',
          danger: true,
        });
        if (yes) await signOut();
      },
    },
  ];

  const entries: MenuEntry[] = items.map(({ label, danger, run }) => ({ key: label, label, danger, run: () => void run() }));

  // Whole cents, rounded down (a balance of 4.999 is not "$5.00"), as the low-balance warning writes it.
  const units = toUnits(account.balance);
  const balance = account.balance === '' ? null : units === null ? account.balance : formatCents(units, account.currency);
  return (
    <div className="account">
      <button
        ref={button}
        type="button"
        className="account-button"
        aria-haspopup="menu"
        aria-label={`Account: ${account.accountName}`}
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => e.key === 'ArrowDown' && (e.preventDefault(), setOpen(true))}
      >
        <span className="account-name">{account.accountName}</span>
        <ChevronDown aria-hidden="true" size={16} />
      </button>
      {balance && (
        <span className="balance" aria-label="Balance">
          {balance}
        </span>
      )}
      {open && <Menu id={menuId} label={`Account ${account.username}`} entries={entries} onClose={close} opener={button} note={`Signed in as ${account.username}`} />}
    </div>
  );
}
