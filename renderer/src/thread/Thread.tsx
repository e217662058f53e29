// The open conversation: messages oldest at the top, newest at the bottom,
// virtualised; older pages load as the user scrolls up, without the view
// jumping, and new messages scroll into view only if the user was already at
// the bottom (or sent them). When the content or the window changes size (a
// picture loading, a resize), the bottom stays at the bottom, and elsewhere
// the message being read stays where it was.
import { useVirtualizer } from '@tanstack/react-virtual';
import { Check, Copy, UserPlus } from 'lucide-react';
import { ErrorBanner } from '../app/ErrorBanner';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Message } from '../../../shared/contract';
import { useContacts } from '../contacts/contacts-store';
import { useInbox } from '../store/inbox-store';
import { Composer } from './Composer';
import { OptedOutNotice } from './OptedOutNotice';
import { MarkUnreadButton, TriageButtons } from './TriageButtons';
import { RecordButtons } from './RecordButtons';
import { MessageBubble } from './MessageBubble';
import { FindBar } from './FindBar';
import { useFind } from './find-store';
import { useThread } from './thread-store';
import { dayKey, dayLabel } from './time';
import { CustomerText } from '../app/CustomerText';

type Row = { kind: 'day'; key: string; label: string } | { kind: 'message'; key: string; message: Message };

function toRows(newestFirst: Message[]): Row[] {
  const rows: Row[] = [];
  let day = '';
  for (let i = newestFirst.length - 1; i >= 0; i--) {
    const message = newestFirst[i]!;
    const key = dayKey(message.createdAt);
    if (key !== day) {
      rows.push({ kind: 'day', key: `day-${key}`, label: dayLabel(message.createdAt) });
      day = key;
    }
    rows.push({ kind: 'message', key: `m-${message.id}`, message });
  }
  return rows;
}

const NEAR_EDGE_PX = 120;

export function Thread() {
  const { target, window, loading, error, loadOlder, loadNewer, contact, editingId, optedOut, optedBackIn, focusRequest, sentRequest } = useThread(
    useShallow((s) => ({
      target: s.target, window: s.window, loading: s.loading, error: s.error, loadOlder: s.loadOlder, loadNewer: s.loadNewer, contact: s.contact,
      editingId: s.editing?.id ?? null, optedOut: s.optedOut, optedBackIn: s.optedBackIn, focusRequest: s.focusRequest, sentRequest: s.sentRequest,
    })),
  );
  const { finding, foundTerms, found } = useFind(useShallow((s) => ({ finding: s.open, foundTerms: s.terms, found: s.found })));
  const section = useRef<HTMLElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const rows = useMemo(() => toRows(window.messages), [window.messages]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the app does not use the React Compiler; the virtualizer re-renders on scroll by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.kind === 'day' ? 36 : 72),
    getItemKey: (i) => rows[i]!.key,
    overscan: 12,
  });

  // Where the view was, to keep it there when rows arrive above or below.
  const atBottom = useRef(true);
  const fromBottom = useRef(0);
  const firstKey = useRef<string | null>(null);
  const lastKey = useRef<string | null>(null);
  const focusShown = useRef(0);
  const sentShown = useRef(0);
  /** The first row in view and its distance from the top, kept in place when sizes change. */
  const anchor = useRef<{ key: string; top: number } | null>(null);
  /** The scroller's size and its content's height when last seen: a scroll while either differs is the layout's, not the reader's. */
  const seenSize = useRef('');

  /** The messages' list once drawn (state, so the observer below starts watching it however it comes). */
  const [content, setContent] = useState<HTMLOListElement | null>(null);

  const noteAnchor = () => {
    const el = scroller.current;
    if (!el || !content) return;
    // Rows are placed at their virtual start: where each one is needs no layout read.
    const offset = content.offsetTop - el.scrollTop;
    const first = virtualizer.getVirtualItems().find((item) => offset + item.end > 0);
    anchor.current = first ? { key: String(first.key), top: offset + first.start } : null;
  };

  const keepPlace = useCallback(() => {
    const el = scroller.current;
    if (!el) return;
    seenSize.current = `${el.clientWidth}x${el.clientHeight}x${el.scrollHeight}`;
    if (atBottom.current) {
      el.scrollTop = el.scrollHeight;
      return;
    }
    const at = anchor.current;
    const row = at && el.querySelector<HTMLElement>(`.messages > li[data-key="${CSS.escape(at.key)}"]`);
    if (!at || !row) return;
    const drift = row.getBoundingClientRect().top - el.getBoundingClientRect().top - at.top;
    if (Math.abs(drift) >= 1) el.scrollTop += drift;
  }, []);

  // One observer for the scroller (the window, the composer growing) and the messages (pictures loading, re-measured rows).
  useEffect(() => {
    if (!content || !scroller.current) return;
    const observer = new ResizeObserver(() => keepPlace());
    observer.observe(scroller.current);
    observer.observe(content);
    return () => observer.disconnect();
  }, [content, keepPlace]);

  useLayoutEffect(() => {
    if (rows.length === 0) {
      // Opening (or reopening) a thread: the next rows are a fresh start.
      firstKey.current = null;
      lastKey.current = null;
      atBottom.current = true;
      return;
    }
    const el = scroller.current;
    if (!el) return;
    const newFirst = rows[0]!.key;
    const newLast = rows.at(-1)!.key;
    const focus = window.focusId === null ? -1 : rows.findIndex((r) => r.kind === 'message' && r.message.id === window.focusId);
    if (firstKey.current === null) {
      // At the newest message, or at the search result being opened (then not at the bottom, whatever loads).
      atBottom.current = focus < 0;
      virtualizer.scrollToIndex(focus >= 0 ? focus : rows.length - 1, { align: focus >= 0 ? 'center' : 'end' });
    } else if (focusRequest !== focusShown.current && focus >= 0) {
      // Find in the thread went to this message (maybe in a window just loaded around it).
      atBottom.current = false;
      virtualizer.scrollToIndex(focus, { align: 'center' });
    } else if (newFirst !== firstKey.current) {
      // Older rows above: keep the same distance from the bottom, so nothing moves.
      el.scrollTop = virtualizer.getTotalSize() - fromBottom.current;
    } else if (sentRequest !== sentShown.current || (newLast !== lastKey.current && atBottom.current)) {
      // What was just sent is always shown, wherever the reader was.
      atBottom.current = true;
      virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
    }
    firstKey.current = newFirst;
    lastKey.current = newLast;
    focusShown.current = focusRequest;
    sentShown.current = sentRequest;
  }, [rows, virtualizer, window.focusId, focusRequest, sentRequest]);

  const onScroll = () => {
    const el = scroller.current;
    if (!el) return;
    fromBottom.current = el.scrollHeight - el.scrollTop;
    // A scroll that comes with a resize, or with rows growing (pictures loading, rows measured), is the layout's, not
    // the reader's: the observer puts it back. Taken as the reader's, it left the bottom as pictures loaded.
    if (seenSize.current !== `${el.clientWidth}x${el.clientHeight}x${el.scrollHeight}`) return;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_EDGE_PX;
    noteAnchor();
    if (el.scrollTop < NEAR_EDGE_PX && window.hasOlder) void loadOlder();
    if (atBottom.current && window.hasNewer) void loadNewer();
  };

  if (!target) {
    return (
      <section className="thread empty-thread" aria-label="Messages">
        <div className="muted centered-text">
          <p>Choose a conversation to read it, or start one with New message.</p>
          <p>
            <kbd>Ctrl</kbd>+<kbd>K</kbd> search · <kbd>Ctrl</kbd>+<kbd>N</kbd> new message · <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> previous / next
          </p>
          <p>
            In a conversation: <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>P</kbd> pin · <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>E</kbd> archive ·{' '}
            <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>M</kbd> mute · <kbd>Ctrl</kbd>+<kbd>F</kbd> find in it
          </p>
        </div>
      </section>
    );
  }

  return (
    <section className="thread" aria-label="Messages" ref={section}>
      <header className="thread-header">
        <div className="thread-who">
          <h2 className="thread-title">
            <CustomerText text={target.title} />
          </h2>
          <PhoneNumber phone={target.phone} display={target.title === target.displayPhone ? null : target.displayPhone} />
        </div>
        <div className="thread-actions">
          {contact === null && (
            <button
              type="button"
              className="secondary with-icon"
              title="Add to contacts"
              onClick={() => {
                useContacts.getState().addFromConversation(target.phone);
                useInbox.getState().setView('contacts');
              }}
            >
              <UserPlus aria-hidden="true" size={16} />
              <span className="label">Add to contacts</span>
            </button>
          )}
          <TriageButtons />
          <MarkUnreadButton />
          <RecordButtons />
        </div>
      </header>
      {finding && (
        <FindBar
          onClose={() => section.current?.querySelector<HTMLElement>('.composer textarea, .opted-out button')?.focus()}
        />
      )}
      <ErrorBanner error={error} />
      {/* Focusable, so the keyboard scrolls it even when no message holds a button (axe: scrollable-region-focusable). */}
      <div className="scroller" ref={scroller} onScroll={onScroll} tabIndex={0}>
        {loading ? (
          <p className="empty muted">Loading messages…</p>
        ) : rows.length === 0 ? (
          <p className="empty muted">No messages yet. Write the first one below.</p>
        ) : (
          <ol className="messages" ref={setContent} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index]!;
              return (
                <li
                  key={row.key}
                  data-key={row.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className={row.kind === 'day' ? 'day-row' : `message-row ${row.message.direction}`}
                  aria-label={row.kind === 'message' ? undefined : row.label}
                  style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
                >
                  {row.kind === 'day' ? (
                    <span className="day-separator">{row.label}</span>
                  ) : (
                    <MessageBubble
                      message={row.message}
                      focused={row.message.id === window.focusId}
                      found={found.has(row.message.id) ? foundTerms : null}
                    />
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </div>
      {optedBackIn && !optedOut && <p className="muted opted-in-note">{optedBackIn}</p>}
      {optedOut ? <OptedOutNotice optedOut={optedOut} /> : <Composer key={`${target.phone}:${editingId ?? ''}`} phone={target.phone} />}
    </section>
  );
}

/** The number as people write it, and a button that copies it (in E.164, which every phone understands). */
function PhoneNumber({ phone, display }: { phone: string; display: string | null }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(phone);
      setCopied(true);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <span className="thread-number muted">
      {display && <span>{display}</span>}
      <button type="button" className="icon-button small" onClick={() => void copy()} aria-label={copied ? 'Number copied' : 'Copy number'} title="Copy number">
        {copied ? <Check aria-hidden="true" size={14} /> : <Copy aria-hidden="true" size={14} />}
      </button>
    </span>
  );
}
