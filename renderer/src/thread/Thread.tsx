import { useLayoutEffect, useRef } from 'react';
import type { Message } from '../../../shared/contract';
import { useInbox } from '../store/inbox-store';
import { Composer } from './Composer';
import { formatTime } from './time';

const EMPTY: Message[] = [];

export function Thread() {
  const selectedId = useInbox((s) => s.selectedId);
  const conversation = useInbox((s) => s.conversations.find((c) => c.id === s.selectedId));
  const messages = useInbox((s) => (s.selectedId === null ? EMPTY : (s.messages[s.selectedId] ?? EMPTY)));
  const hasOlder = useInbox((s) => (s.selectedId === null ? false : Boolean(s.hasOlder[s.selectedId])));
  const loadOlder = useInbox((s) => s.loadOlder);
  const bottom = useRef<HTMLDivElement>(null);
  const newestId = messages[0]?.id;

  useLayoutEffect(() => {
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [selectedId, newestId]);

  if (selectedId === null || !conversation) {
    return (
      <section className="thread empty-thread" aria-label="Messages">
        <p className="muted">Choose a conversation to read it.</p>
      </section>
    );
  }

  return (
    <section className="thread" aria-label="Messages">
      <h2 className="thread-title">{conversation.title}</h2>
      <div className="scroller">
        {hasOlder && (
          <button type="button" className="link older" onClick={() => void loadOlder(selectedId)}>
            Load older messages
          </button>
        )}
        <ol className="messages">
          {[...messages].reverse().map((m) => (
            <MessageBubble key={m.id} message={m} />
          ))}
        </ol>
        <div ref={bottom} />
      </div>
      <Composer key={selectedId} />
    </section>
  );
}

function MessageBubble({ message: m }: { message: Message }) {
  const retry = useInbox((s) => s.retry);
  const discard = useInbox((s) => s.discard);
  const status = m.direction === 'out' ? (m.status === 'Pending' ? 'Sending' : m.status) : null;
  return (
    <li className={`bubble ${m.direction}`}>
      {/* Bodies are text nodes: React never interprets them as markup. */}
      <p className="body">{m.body}</p>
      <span className="meta muted">
        <time dateTime={new Date(m.createdAt).toISOString()}>{formatTime(m.createdAt)}</time>
        {status && (
          <span className={`status ${m.status.toLowerCase()}`} title={m.statusText ?? undefined}>
            {' · '}
            {status}
          </span>
        )}
      </span>
      {m.status === 'Failed' && m.statusText && <span className="failure">{m.statusText}</span>}
      {m.status === 'Failed' && m.messageId === null && (
        <span className="actions">
          <button type="button" className="link" onClick={() => void retry(m.id)}>
            Retry
          </button>
          <button type="button" className="link" onClick={() => void discard(m.id)}>
            Delete
          </button>
        </span>
      )}
    </li>
  );
}
