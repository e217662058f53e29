// The account in use, its balance, and a menu: switch to another saved
// account, add one, remove one, sign out. Leaving an account asks first, in
// the app's own dialog: sign-out removes its key from this computer.
import { ChevronDown } from 'lucide-react';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Account } from '../../../shared/contract';
import { formatCents, toUnits } from '../../../shared/money-amounts';
import { call, describeError } from '../bridge/inbox-client';
import { useInbox } from '../store/inbox-store';
import { confirmAction } from './dialogs';

export function AccountMenu({ account, accounts }: { account: Account; accounts: string[] }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const others = accounts.filter((a) => a !== account.username);
  const { switchAccount, setAddingAccount, signOut } = useInbox.getState();
  const fail = (error: ReturnType<typeof describeError> | null) => error && useInbox.setState({ error });

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>('[role=menuitem]')?.focus();
    const outside = (event: MouseEvent) => {
      if (!menu.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  const choose = (action: () => void | Promise<void>) => {
    setOpen(false);
    button.current?.focus();
    void action();
  };

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

  const onMenuKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const entries = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role=menuitem]') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLButtonElement);
    const go = (i: number) => entries[(i + entries.length) % entries.length]?.focus();
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(entries.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      setOpen(false);
      if (event.key === 'Escape') button.current?.focus();
      return;
    } else return;
    event.preventDefault();
  };

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
      {open && (
        <ul ref={menu} id={menuId} role="menu" aria-label={`Account ${account.username}`} className="menu" onKeyDown={onMenuKey}>
          <li role="presentation" className="menu-note">
            Signed in as {account.username}
          </li>
          {items.map((item) => (
            <li key={item.label} role="presentation">
              <button type="button" role="menuitem" tabIndex={-1} className={item.danger ? 'danger-text' : undefined} onClick={() => choose(item.run)}>
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
