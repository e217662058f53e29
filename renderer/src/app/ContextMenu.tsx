// A menu at a point: a right-click, Shift+F10 or the Menu key on a row. The
// menu itself is Menu's (keys, focus, Esc); here it is placed inside the
// window, and scrolling, resizing or leaving the window closes it.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Menu, type MenuEntry } from './Menu';

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
  }, [at]);

  useEffect(() => {
    const scrolled = (event: Event) => {
      if (!menu.current?.contains(event.target as Node)) onClose(false);
    };
    const gone = () => onClose(false);
    document.addEventListener('scroll', scrolled, true);
    window.addEventListener('resize', gone);
    window.addEventListener('blur', gone);
    return () => {
      document.removeEventListener('scroll', scrolled, true);
      window.removeEventListener('resize', gone);
      window.removeEventListener('blur', gone);
    };
  }, [onClose]);

  return createPortal(
    <Menu ref={menu} label={label} entries={entries} onClose={onClose} className="context-menu" style={{ left: place.x, top: place.y }} />,
    document.body,
  );
}
