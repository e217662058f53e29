// The sidebar: search, filters, New message, and the conversation list,
// virtualised so 10,000 conversations scroll as smoothly as ten.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { Conversation, ConversationFilter } from '../../../shared/contract';
import { SearchBox, SearchResultsList } from '../search/SearchBox';
import { useSearch } from '../search/search-store';
import { useInbox } from '../store/inbox-store';
import { formatTime } from '../thread/time';
import { useConversations } from './conversations-store';

const FILTERS: Array<{ value: ConversationFilter; label: string }> = [
  { value: 'all', label: 'All' },
  { value: 'unread', label: 'Unread' },
  { value: 'scheduled', label: 'Scheduled' },
  { value: 'failed', label: 'Failed' },
];

export function ConversationList() {
  const searching = useSearch((s) => s.text.trim() !== '');
  const setComposing = useInbox((s) => s.setComposing);
  return (
    <div className="sidebar">
      <div className="sidebar-top">
        <SearchBox />
        <button type="button" onClick={() => setComposing(true)} title="New message (Ctrl+N)">
          New message
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
  return (
    <div className="filters">
      <div role="radiogroup" aria-label="Show">
        {FILTERS.map((f) => (
          <label key={f.value} className={filter === f.value ? 'chip selected' : 'chip'}>
            <input type="radio" name="conversation-filter" value={f.value} checked={filter === f.value} onChange={() => void setFilter(f.value)} />
            {f.label}
          </label>
        ))}
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
  const selectedId = useConversations((s) => s.selectedId);
  const select = useConversations((s) => s.select);
  const ensureRange = useConversations((s) => s.ensureRange);
  const error = useConversations((s) => s.error);
  const sync = useInbox((s) => s.sync);
  const scroller = useRef<HTMLDivElement>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- the app does not use the React Compiler; the virtualizer re-renders on scroll by design
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => 68,
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
        : `No ${filter} conversations.`;
  }

  return (
    <>
      <Filters />
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
                  ref={virtualizer.measureElement}
                  aria-label={c?.title ?? 'Loading'}
                  style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
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

const statusWords: Partial<Record<Conversation['lastStatus'], string>> = {
  Pending: 'Sending',
  Scheduled: 'Scheduled',
  Queued: 'Queued',
  Sent: 'Sent',
  Delivered: 'Delivered',
  Undelivered: 'Undelivered',
  Failed: 'Failed',
  Cancelled: 'Cancelled',
};

function ConversationItem({ conversation: c, selected, onOpen }: { conversation: Conversation; selected: boolean; onOpen: () => void }) {
  const delivery = c.lastOutboundStatus ? statusWords[c.lastOutboundStatus] : undefined;
  return (
    <div className={selected ? 'conversation selected' : 'conversation'}>
      <button type="button" className="open" aria-current={selected ? 'true' : undefined} onClick={onOpen}>
        <span className="row">
          <span className="title">{c.title}</span>
          <time className="muted">{formatTime(c.lastMessageAt)}</time>
        </span>
        <span className="row">
          <span className="preview muted">
            {c.lastDirection === 'out' ? `You: ` : ''}
            {c.lastBody}
          </span>
          {c.unreadCount > 0 && (
            <span className="badge" aria-label={`${c.unreadCount} unread`}>
              {c.unreadCount}
            </span>
          )}
        </span>
        {delivery && <span className={`delivery ${c.lastOutboundStatus!.toLowerCase()}`}>{delivery}</span>}
      </button>
    </div>
  );
}
