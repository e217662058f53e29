// A menu's body, the account's and a row's (ContextMenu) alike: roles menu and
// menuitem; ↑/↓, Home/End and a first letter move, Enter or Space chooses.
// The first entry takes the focus; Esc closes and gives it back to the opener;
// Tab or a click elsewhere closes it.
import { useEffect, useLayoutEffect, useRef, type CSSProperties, type KeyboardEvent, type ReactNode, type RefObject } from 'react';

export interface MenuEntry {
  key: string;
  label: string;
  run: () => void;
  /** The entry puts the focus somewhere itself (a dialog): the opener does not take it back. */
  keepFocus?: boolean;
  /** Drawn as a warning: it removes something. */
  danger?: boolean;
}

interface Props {
  /** What the menu is about, for screen readers. */
  label: string;
  entries: MenuEntry[];
  /** `refocus`: give the focus back to the opener (Esc, or after choosing), not when the user went elsewhere. */
  onClose(refocus: boolean): void;
  /** A click on it is not elsewhere: the button that opens and closes the menu. */
  opener?: RefObject<HTMLElement | null>;
  /** A line above the entries. */
  note?: ReactNode;
  id?: string;
  className?: string;
  style?: CSSProperties;
  ref?: RefObject<HTMLUListElement | null>;
}

export function Menu({ label, entries, onClose, opener, note, id, className, style, ref }: Props) {
  const own = useRef<HTMLUListElement>(null);
  const menu = ref ?? own;

  useLayoutEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
  }, [menu]);

  useEffect(() => {
    const away = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !opener?.current?.contains(target)) onClose(false);
    };
    document.addEventListener('mousedown', away, true);
    return () => document.removeEventListener('mousedown', away, true);
  }, [menu, opener, onClose]);

  const choose = (entry: MenuEntry) => {
    onClose(!entry.keepFocus);
    entry.run();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => items[(i + items.length) % items.length]?.focus();
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(items.length - 1);
    else if (event.key === 'Escape') onClose(true);
    else if (event.key === 'Tab') {
      onClose(false);
      return; // Tab goes on to the next control, as from the opener.
    } else if (event.key.length === 1 && /\S/.test(event.key)) {
      // A first letter: the next entry starting with it.
      const letter = event.key.toLowerCase();
      const order = items.map((_, i) => items[(at + 1 + i) % items.length]!);
      order.find((item) => item.textContent?.trim().toLowerCase().startsWith(letter))?.focus();
    } else return;
    event.preventDefault();
    // A row's menu sits in the list (through a portal): its keys are not the list's.
    event.stopPropagation();
  };

  return (
    <ul
      ref={menu}
      id={id}
      role="menu"
      aria-label={label}
      className={className ? `menu ${className}` : 'menu'}
      style={style}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {note && (
        <li role="presentation" className="menu-note">
          {note}
        </li>
      )}
      {entries.map((entry) => (
        <li key={entry.key} role="presentation">
          <button type="button" role="menuitem" tabIndex={-1} className={entry.danger ? 'danger-text' : undefined} onClick={() => choose(entry)}>
            {entry.label}
          </button>
        </li>
      ))}
    </ul>
  );
}
