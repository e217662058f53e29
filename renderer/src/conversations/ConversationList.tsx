// The sidebar: search, filters with their counts, New message, and the
// conversation list, virtualised so 10,000 conversations scroll as smoothly as
// ten. Rows have one fixed height (in rem, so they follow the font size):
// measured rows overlapped while the list loaded or reordered.
import { useVirtualizer } from '@tanstack/react-virtual';
import { BellOff, Image, Pin, SquarePen } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import type { Conversation, ConversationFilter } from '../../../shared/contract';
import { SearchBox, SearchResultsList } from '../search/SearchBox';
import { useSearch } from '../search/search-store';
import { useInbox } from '../store/inbox-store';
import { historyProgress } from '../app/history-progress';
import { formatTime } from '../thread/time';
import { useThread } from '../thread/thread-store';
import { useConversations } from './conversations-store';
import { CustomerText } from '../app/CustomerText';
import { withDirectionMarksShown } from '../../../shared/bidi-controls';

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
  const filter = useConversations((s) => s.filter);
  const setFilter = useConversations((s) => s.setFilter);
  const total = useConversations((s) => s.total);
  const counts = useConversations((s) => s.counts);
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
  const total = useConversations((s) => s.total);
  const rows = useConversations((s) => s.rows);
  const filter = useConversations((s) => s.filter);
  const selectedId = useThread((s) => s.target?.conversationId ?? null);
  const select = useConversations((s) => s.select);
  const ensureRange = useConversations((s) => s.ensureRange);
  const error = useConversations((s) => s.error);
  const sync = useInbox((s) => s.sync);
  const scroller = useRef<HTMLDivElement>(null);
  const rowHeight = useRowHeight();

  // eslint-disable-next-line react-hooks/incompatible-library -- the app does not use the React Compiler; the virtualizer re-renders on scroll by design
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (total) ensureRange(first, last);
  }, [first, last, total, ensureRange]);

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
      <nav className="conversations" aria-label="Conversations" ref={scroller}>
        {empty !== null ? (
          <p className="empty muted">{empty}</p>
        ) : (
          <ul style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const c = rows[item.index];
              return (
                <li
                  key={c?.id ?? `pending-${item.index}`}
                  data-index={item.index}
                  aria-label={c ? withDirectionMarksShown(c.title) : 'Loading'}
                  className="conversation-row"
                  style={{ height: rowHeight, transform: `translateY(${item.start}px)` }}
                >
                  {c ? (
                    <ConversationItem conversation={c} selected={c.id === selectedId} onOpen={() => void select(c.id)} />
                  ) : (
                    <div className="conversation placeholder muted">Loading…</div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </nav>
    </>
  );
}

function ConversationItem({ conversation: c, selected, onOpen }: { conversation: Conversation; selected: boolean; onOpen: () => void }) {
  return (
    <div className={selected ? 'conversation selected' : 'conversation'}>
      <button type="button" className="open" aria-current={selected ? 'true' : undefined} onClick={onOpen}>
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
      </button>
    </div>
  );
}
