// The search field above the conversation list (Ctrl/Cmd+K focuses it from
// anywhere), and its results in place of the list while there is text in it:
// conversations whose number matches, contacts, then messages. ↓ moves from
// the field into the results, ↑/↓ between them, Enter opens one.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useConversations } from '../conversations/conversations-store';
import { formatTime } from '../thread/time';
import { Snippet } from './Snippet';
import { useSearch } from './search-store';
import { CustomerText } from '../app/CustomerText';

const RESULT = 'button.search-result';

export function SearchBox() {
  const { text, setText, clear, focusRequest } = useSearch(useShallow((s) => ({ text: s.text, setText: s.setText, clear: s.clear, focusRequest: s.focusRequest })));
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusRequest === 0) return;
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);

  return (
    <div className="search-box" role="search">
      <input
        ref={input}
        id="search-input"
        type="search"
        aria-label="Search"
        placeholder="Search (Ctrl+K)"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') clear();
          if (e.key === 'ArrowDown') {
            const first = document.querySelector<HTMLButtonElement>(`.search-results ${RESULT}`);
            if (first) {
              e.preventDefault();
              first.focus();
            }
          }
        }}
      />
    </div>
  );
}

/** ↑/↓ between results; ↑ from the first goes back to the field, Escape too. */
function moveBetweenResults(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Escape') return;
  const input = document.getElementById('search-input');
  if (event.key === 'Escape') {
    event.preventDefault();
    input?.focus();
    return;
  }
  const results = [...event.currentTarget.querySelectorAll<HTMLButtonElement>(RESULT)];
  const at = results.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  event.preventDefault();
  const next = at + (event.key === 'ArrowDown' ? 1 : -1);
  if (next < 0) input?.focus();
  else results[Math.min(next, results.length - 1)]?.focus();
}

export function SearchResultsList() {
  const { results, error, text, clear } = useSearch(useShallow((s) => ({ results: s.results, error: s.error, text: s.text, clear: s.clear })));
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
  const none = results.conversations.length === 0 && results.messages.length === 0 && results.contacts.length === 0;
  return (
    <section className="search-results" aria-label="Search results" onKeyDown={moveBetweenResults}>
      {none && <p className="empty muted">Nothing matches “{text}”.</p>}
      {results.conversations.length > 0 && <h2 className="results-heading">Conversations</h2>}
      {results.conversations.length > 0 && (
        <ul aria-label="Conversations found">
          {results.conversations.map((c) => (
            <li key={c.conversationId}>
              <button type="button" className="conversation search-result" onClick={() => open(c.conversationId)}>
                <span className="row">
                  <CustomerText className="title" text={c.title} />
                  <time className="muted">{formatTime(c.lastMessageAt)}</time>
                </span>
                {c.title !== c.phone && <span className="preview muted">{c.phone}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {results.contacts.length > 0 && <h2 className="results-heading">Contacts</h2>}
      {results.contacts.length > 0 && (
        <ul aria-label="Contacts found">
          {results.contacts.map((c) => (
            <li key={c.contactId}>
              <button
                type="button"
                className="conversation search-result"
                disabled={c.conversationId === null && !c.phone}
                onClick={() => (c.conversationId !== null ? open(c.conversationId) : c.phone && startWith(c.phone))}
              >
                <CustomerText className="title" text={c.name} />
                <span className="preview muted">{c.displayPhone ?? ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {results.messages.length > 0 && <h2 className="results-heading">Messages</h2>}
      {results.messages.length > 0 && (
        <ul aria-label="Messages found">
          {results.messages.map((m) => (
            <li key={m.id}>
              <button type="button" className="conversation search-result" onClick={() => open(m.conversationId, m.id)}>
                <span className="row">
                  <CustomerText className="title" text={m.title} />
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
