import type { Conversation } from '../../../shared/contract';
import { SearchBox, SearchResultsList } from '../search/SearchBox';
import { useSearch } from '../search/search-store';
import { useInbox } from '../store/inbox-store';
import { formatTime } from '../thread/time';

export function ConversationList() {
  const searching = useSearch((s) => s.text.trim() !== '');

  return (
    <div className="sidebar">
      <SearchBox />
      {searching ? <SearchResultsList /> : <Conversations />}
    </div>
  );
}

function Conversations() {
  const conversations = useInbox((s) => s.conversations);
  const selectedId = useInbox((s) => s.selectedId);
  const select = useInbox((s) => s.select);
  const sync = useInbox((s) => s.sync);
  return (
    <nav className="conversations" aria-label="Conversations">
      {conversations.length === 0 ? (
        <p className="empty muted">{sync?.state === 'syncing' ? 'Fetching your conversations…' : 'No conversations yet.'}</p>
      ) : (
        <ul>
          {conversations.map((c) => (
            <ConversationItem key={c.id} conversation={c} selected={c.id === selectedId} onOpen={() => void select(c.id)} />
          ))}
        </ul>
      )}
    </nav>
  );
}

function ConversationItem({ conversation: c, selected, onOpen }: { conversation: Conversation; selected: boolean; onOpen: () => void }) {
  return (
    <li aria-label={c.title}>
      <button type="button" className={selected ? 'conversation selected' : 'conversation'} aria-current={selected ? 'true' : undefined} onClick={onOpen}>
        <span className="row">
          <span className="title">{c.title}</span>
          <time className="muted">{formatTime(c.lastMessageAt)}</time>
        </span>
        <span className="row">
          <span className="preview muted">
            {c.lastDirection === 'out' ? `You: ` : ''}
            {c.lastBody}
          </span>
          {c.unreadCount > 0 && <span className="badge" aria-label={`${c.unreadCount} unread`}>{c.unreadCount}</span>}
        </span>
      </button>
    </li>
  );
}
