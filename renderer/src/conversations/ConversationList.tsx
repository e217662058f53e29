// The sidebar: search, filters with their counts, New message, and the
// conversation list, virtualised so 10,000 conversations scroll as smoothly as
// ten. Rows have one fixed height (in rem, so they follow the font size):
// measured rows overlapped while the list loaded or reordered. The list is a
// listbox and one Tab stop (a roving tabindex): arrows, PageUp/PageDown and
// Home/End move, Enter opens, and a row's menu (right-click, Shift+F10, the
// Menu key) acts on it without opening it.
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { BellOff, Image, Pin, SquarePen } from 'lucide-react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Conversation, ConversationFilter } from '../../../shared/contract';
import { SearchBox, SearchResultsList } from '../search/SearchBox';
import { useSearch } from '../search/search-store';
import { useInbox } from '../store/inbox-store';
import { historyProgress } from '../app/history-progress';
import { formatTime } from '../thread/time';
import { useThread } from '../thread/thread-store';
import { useConversations } from './conversations-store';
import { CustomerText } from '../app/CustomerText';
import { ErrorBanner } from '../app/ErrorBanner';
import { ConversationMenu, type MenuRequest } from './ConversationMenu';
import { rowAfterKey } from './list-keys';
import { positionOf } from './list-pages';

const FILTERS: Array<{ value: ConversationFilter; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'unread', label: 'Unread' },
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'failed', label: 'Failed' },
  { value: 'optedOut', label: 'Opted out' },
  { value: 'archived', label: 'Archived' },
];

/** A row's height in rem; see .conversation-row in styles.css. */
const ROW_REM = 4;

function useRowHeight(): number {
  const [px] = useState(() => ROW_REM * parseFloat(getComputedStyle(document.documentElement).fontSize || '16'));
  return px;
}

export function ConversationList() {
  const searching = useSearch((s) => s.text.trim() !== '');
  const setComposing = useInbox((s) => s.setComposing);
  return (
    <div className="sidebar">
      <div className="sidebar-top">
        <SearchBox />
        <button type="button" className="icon-button" onClick={() => setComposing(true)} aria-label="New message" title="New message (Ctrl+N)">
          <SquarePen aria-hidden="true" size={18} />
        </button>
      </div>
      {searching ? <SearchResultsList /> : <Conversations />}
    </div>
  );
}

function Filters() {
  const { filter, setFilter, total, counts } = useConversations(useShallow((s) => ({ filter: s.filter, setFilter: s.setFilter, total: s.total, counts: s.counts })));
  return (
    <div className="filters">
      <div role="radiogroup" aria-label="Show">
        {FILTERS.map((f) => {
          const count = f.value === 'all' ? 0 : (counts?.[f.value] ?? 0);
          return (
            <label key={f.value} className={`chip${filter === f.value ? ' selected' : ''}${f.value === 'failed' && count > 0 ? ' alarm' : ''}`}>
              <input type="radio" name="conversation-filter" value={f.value} checked={filter === f.value} onChange={() => void setFilter(f.value)} />
              {f.label}
              {count > 0 && <span className="chip-count">{count.toLocaleString()}</span>}
            </label>
          );
        })}
      </div>
      {total !== null && (
        <span className="muted count" aria-live="polite">
          {total === 1 ? '1 conversation' : `${total.toLocaleString()} conversations`}
        </span>
      )}
    </div>
  );
}

function Conversations() {
  const { total, rows, filter, select, ensureRange, error } = useConversations(
    useShallow((s) => ({ total: s.total, rows: s.rows, filter: s.filter, select: s.select, ensureRange: s.ensureRange, error: s.error })),
  );
  const selectedId = useThread((s) => s.target?.conversationId ?? null);
  const sync = useInbox((s) => s.sync);
  const scroller = useRef<HTMLDivElement>(null);
  const listbox = useRef<HTMLDivElement>(null);
  const rowHeight = useRowHeight();
  /** The row that takes the focus when Tab reaches the list (the roving tabindex): by conversation, so it follows a reorder. */
  const [activeId, setActiveId] = useState<number | null>(null);
  /** Its place, for a row not loaded yet or a conversation gone from the list. */
  const [active, setActive] = useState(0);
  // Looked up when the rows or the active one change, not on every scroll frame.
  const idIndex = useMemo(() => (activeId === null ? undefined : positionOf(rows, activeId)), [rows, activeId]);
  // A list that shrank (a filter, an archive) keeps a row to land on.
  const activeRow = idIndex ?? (total ? Math.min(active, total - 1) : 0);
  /**
   * The row to move the focus to once it is drawn (after a key; 'active' when a menu closes). By index, not "the active
   * row": the virtualizer can render before the key's own state lands, and would spend the move on the row left behind.
   */
  const focusPending = useRef<number | 'active' | null>(null);
  const [menu, setMenu] = useState<MenuRequest | null>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- the app does not use the React Compiler; the virtualizer re-renders on scroll by design
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    // The active row stays drawn, scrolled away or not, so the focus is never lost with it.
    rangeExtractor: useCallback(
      (range: Parameters<typeof defaultRangeExtractor>[0]) => {
        const indexes = defaultRangeExtractor(range);
        return activeRow < range.count && !indexes.includes(activeRow) ? [...indexes, activeRow].sort((a, b) => a - b) : indexes;
      },
      [activeRow],
    ),
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (total) ensureRange(first, last);
  }, [first, last, total, ensureRange]);

  // The open conversation is where Tab lands in the list, however it was opened (not while the focus moves in it).
  useEffect(() => {
    if (selectedId !== null && !listbox.current?.contains(document.activeElement)) setActiveId(selectedId);
  }, [selectedId]);

  useEffect(() => {
    if (focusPending.current === null) return;
    const index = focusPending.current === 'active' ? activeRow : focusPending.current;
    const row = listbox.current?.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (!row) return;
    focusPending.current = null;
    row.focus({ preventScroll: true });
  });

  const activate = (index: number) => {
    setActive(index);
    setActiveId(rows[index]?.id ?? null);
  };
  const focusRow = (index: number) => {
    focusPending.current = index;
    activate(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };
  const openMenu = (index: number, at: MenuRequest['at']) => {
    const conversation = rows[index];
    if (!conversation) return;
    activate(index);
    setMenu({ conversation, at });
  };
  const closeMenu = useCallback((refocus: boolean) => {
    setMenu(null);
    if (refocus) focusPending.current = 'active';
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || !total) return;
    const row = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>('[role=option]') : null;
    const at = row ? Number(row.dataset.index) : activeRow;
    if ((event.key === 'F10' && event.shiftKey) || event.key === 'ContextMenu') {
      event.preventDefault();
      const box = row?.getBoundingClientRect();
      // Under the row, or over it near the window's bottom.
      if (box) openMenu(at, { x: box.left + 24, y: box.bottom, flipY: box.top });
      return;
    }
    if (event.shiftKey) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const c = rows[at];
      if (c) void select(c.id);
      return;
    }
    const pageRows = Math.floor((scroller.current?.clientHeight ?? 0) / rowHeight) - 1;
    const to = rowAfterKey(event.key, at, total, pageRows);
    if (to === null) return;
    event.preventDefault();
    focusRow(to);
  };

  let empty: string | null = null;
  if (total === null) empty = error ? error.message : 'Loading conversations…';
  else if (total === 0) {
    empty =
      filter === 'all'
        ? sync?.state === 'syncing'
          ? 'Fetching your conversations…'
          : 'No conversations yet. Start one with New message.'
        : `No ${(FILTERS.find((f) => f.value === filter)?.label ?? filter).toLowerCase()} conversations.`;
  }

  return (
    <>
      <Filters />
      {sync?.backfill && total !== null && total > 0 && (
        <p className="history-note">
          Older messages are still arriving ({historyProgress(sync.backfill)}). Read and send meanwhile.
        </p>
      )}
      {total !== null && <ErrorBanner error={error} />}
      <nav className="conversations" aria-label="Conversations" ref={scroller}>
        {empty !== null ? (
          <p className="empty muted">{empty}</p>
        ) : (
          <div
            ref={listbox}
            role="listbox"
            aria-label="Conversations"
            aria-keyshortcuts="Shift+F10"
            style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
            onKeyDown={onKeyDown}
          >
            {items.map((item) => {
              const c = rows[item.index];
              return (
                <div
                  key={c?.id ?? `pending-${item.index}`}
                  role="option"
                  aria-selected={c !== undefined && c.id === selectedId}
                  aria-setsize={total ?? 0}
                  aria-posinset={item.index + 1}
                  tabIndex={item.index === activeRow ? 0 : -1}
                  data-index={item.index}
                  className={menu && c && menu.conversation.id === c.id ? 'conversation-row menu-open' : 'conversation-row'}
                  style={{ height: rowHeight, transform: `translateY(${item.start}px)` }}
                  onFocus={() => activate(item.index)}
                  onClick={() => c && void select(c.id)}
                  onContextMenu={(event) => {
                    event.preventDefault();
                    openMenu(item.index, { x: event.clientX, y: event.clientY });
                  }}
                >
                  {c ? <ConversationItem conversation={c} selected={c.id === selectedId} /> : <div className="conversation placeholder muted">Loading…</div>}
                </div>
              );
            })}
          </div>
        )}
      </nav>
      <ConversationMenu request={menu} onClose={closeMenu} />
    </>
  );
}

/** A row's content, which is also its name for screen readers (the title first); the option around it takes the focus and the click. */
function ConversationItem({ conversation: c, selected }: { conversation: Conversation; selected: boolean }) {
  return (
    <div className={selected ? 'conversation selected' : 'conversation'}>
      <div className="open">
        <span className="row">
          <CustomerText className="title" text={c.title} />
          <time className="muted">{formatTime(c.lastMessageAt)}</time>
        </span>
        <span className="row">
          <span className="preview muted">
            {c.lastDirection === 'out' ? 'You: ' : ''}
            {c.lastIsPicture && <Image className="picture-icon" aria-hidden="true" size={14} />}
            <CustomerText text={c.lastBody} />
          </span>
          {c.lastStatusLabel && <span className={`delivery tone-${c.lastTone}`}>{c.lastStatusLabel}</span>}
          {c.optedOut && <span className="delivery tone-muted">Opted out</span>}
          {c.askedToStop && (
            <span className="delivery tone-bad" title="A reply reads like a request to stop: open the conversation to decide.">
              Asked to stop?
            </span>
          )}
          {c.muted && <BellOff className="row-flag" aria-label="Muted" size={14} />}
          {c.pinned && <Pin className="row-flag" aria-label="Pinned" size={14} />}
          {c.unreadCount > 0 && (
            <span className="badge" aria-label={`${c.unreadCount} unread`}>
              {c.unreadCount}
            </span>
          )}
        </span>
      </div>
    </div>
  );
}
