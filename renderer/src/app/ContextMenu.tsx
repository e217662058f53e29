// A menu at a point: a right-click, Shift+F10 or the Menu key on a row. Roles
// menu and menuitem; ↑/↓, Home/End and a first letter move, Enter or Space
// chooses. Esc closes and gives the focus back to where the menu was opened;
// Tab, a click elsewhere, scrolling or resizing the window close it.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';

export interface MenuEntry {
  key: string;
  label: string;
  run: () => void;
  /** The entry puts the focus somewhere itself (a dialog): the opener does not take it back. */
  keepFocus?: boolean;
}

interface Props {
  /** What the menu is about ("Hannah Walker"), for screen readers. */
  label: string;
  /** Where it opens, in the window's coordinates, kept inside the window; `flipY`: where its bottom goes when there is no room below. */
  at: { x: number; y: number; flipY?: number };
  entries: MenuEntry[];
  /** `refocus`: give the focus back to the opener (Esc, or after choosing), not when the user went elsewhere. */
  onClose(refocus: boolean): void;
}

const EDGE_PX = 4;

export function ContextMenu({ label, at, entries, onClose }: Props) {
  const menu = useRef<HTMLUListElement>(null);
  const [place, setPlace] = useState(at);

  // Inside the window, measured once drawn: flipped up or left near an edge.
  useLayoutEffect(() => {
    const box = menu.current?.getBoundingClientRect();
    if (!box) return;
    const x = at.x + box.width > window.innerWidth - EDGE_PX ? Math.max(EDGE_PX, window.innerWidth - box.width - EDGE_PX) : at.x;
    const y = at.y + box.height > window.innerHeight - EDGE_PX ? Math.max(EDGE_PX, (at.flipY ?? at.y) - box.height) : at.y;
    setPlace({ x, y });
    menu.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
  }, [at]);

  useEffect(() => {
    const away = (event: Event) => {
      if (!menu.current?.contains(event.target as Node)) onClose(false);
    };
    const gone = () => onClose(false);
    document.addEventListener('mousedown', away, true);
    document.addEventListener('scroll', away, true);
    window.addEventListener('resize', gone);
    window.addEventListener('blur', gone);
    return () => {
      document.removeEventListener('mousedown', away, true);
      document.removeEventListener('scroll', away, true);
      window.removeEventListener('resize', gone);
      window.removeEventListener('blur', gone);
    };
  }, [onClose]);

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
    event.stopPropagation();
  };

  return createPortal(
    <ul
      ref={menu}
      role="menu"
      aria-label={label}
      className="menu context-menu"
      style={{ left: place.x, top: place.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {entries.map((entry) => (
        <li key={entry.key} role="presentation">
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => choose(entry)}>
            {entry.label}
          </button>
        </li>
      ))}
    </ul>,
    document.body,
  );
}
