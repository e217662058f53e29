// The search field above the conversation list (Ctrl/Cmd+K focuses it), and
// its results in place of the list while there is text in it.
import { useEffect, useRef } from 'react';
import { useConversations } from '../conversations/conversations-store';
import { formatTime } from '../thread/time';
import { Snippet } from './Snippet';
import { useSearch } from './search-store';

export function SearchBox() {
  const text = useSearch((s) => s.text);
  const setText = useSearch((s) => s.setText);
  const clear = useSearch((s) => s.clear);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="search-box" role="search">
      <input
        ref={input}
        type="search"
        aria-label="Search"
        placeholder="Search (Ctrl+K)"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') clear();
        }}
      />
    </div>
  );
}

export function SearchResultsList() {
  const results = useSearch((s) => s.results);
  const error = useSearch((s) => s.error);
  const text = useSearch((s) => s.text);
  const clear = useSearch((s) => s.clear);
  const select = useConversations((s) => s.select);

  /** Opens the thread, scrolled to the message found, when there is one. */
  const open = (conversationId: number, messageId?: number) => {
    clear();
    void select(conversationId, messageId);
  };
  const startWith = (phone: string) => {
    clear();
    void useConversations.getState().openNumber(phone);
  };

  if (error) return <p className="empty muted" role="alert">{error.message}</p>;
  if (!results) return <p className="empty muted">Searching…</p>;
  const none = results.messages.length === 0 && results.contacts.length === 0;
  return (
    <section className="search-results" aria-label="Search results">
      {none && <p className="empty muted">Nothing matches “{text}”.</p>}
      {results.contacts.length > 0 && (
        <ul aria-label="Contacts found">
          {results.contacts.map((c) => (
            <li key={c.contactId}>
              <button
                type="button"
                className="conversation"
                disabled={c.conversationId === null && !c.phone}
                onClick={() => (c.conversationId !== null ? open(c.conversationId) : c.phone && startWith(c.phone))}
              >
                <span className="title">{c.name}</span>
                <span className="preview muted">{c.phone ?? ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {results.messages.length > 0 && (
        <ul aria-label="Messages found">
          {results.messages.map((m) => (
            <li key={m.id}>
              <button type="button" className="conversation" onClick={() => open(m.conversationId, m.id)}>
                <span className="row">
                  <span className="title">{m.title}</span>
                  <time className="muted">{formatTime(m.createdAt)}</time>
                </span>
                <span className="preview">
                  {m.direction === 'out' ? 'You: ' : ''}
                  <Snippet text={m.snippet} />
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
