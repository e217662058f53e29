// New message: type a number (checked and put in E.164 by the core, with the
// default country) or part of a name or number, then write in the thread that
// opens. Suggestions come from the core's search: contacts by name, and
// conversations and contacts whose number holds the digits typed.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { UserError } from '../../../shared/contract';
import { call } from '../bridge/inbox-client';
import { useInbox } from '../store/inbox-store';
import { useConversations } from './conversations-store';
import { CustomerText } from '../app/CustomerText';

interface Suggestion {
  key: string;
  name: string;
  displayPhone: string;
  /** What to open: a number the core can normalise. */
  number: string;
  /** The number opted out (the core says): the suggestion says so before it is opened. */
  optedOut: boolean;
}

/** Letters mean a name; three digits or more, part of a number. */
const worthSuggesting = (text: string) => /\p{L}/u.test(text) || (text.match(/\d/g)?.length ?? 0) >= 3;

export function NewMessage() {
  const setComposing = useInbox((s) => s.setComposing);
  const [to, setTo] = useState('');
  const [error, setError] = useState<UserError | null>(null);
  const [found, setFound] = useState<Suggestion[]>([]);
  const [active, setActive] = useState(0);
  /** A suggestion picked with ↑/↓: Enter opens it even when digits were typed. */
  const [picked, setPicked] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  const suggesting = worthSuggesting(to);
  useEffect(() => {
    if (!suggesting) return;
    let current = true;
    call('search.query', { text: to, limit: 8 }).then(
      (r) => {
        if (!current) return;
        const byNumber = r.conversations.map((c) => ({ key: `c${c.conversationId}`, name: c.title, displayPhone: c.phone, number: c.phone, optedOut: c.optedOut }));
        const contacts = r.contacts
          .filter((c) => c.phone && !byNumber.some((b) => b.displayPhone === c.displayPhone))
          .map((c) => ({ key: `k${c.contactId}`, name: c.name, displayPhone: c.displayPhone ?? '', number: c.phone!, optedOut: c.optedOut }));
        setFound([...byNumber, ...contacts].slice(0, 8));
        setActive(0);
      },
      () => current && setFound([]),
    );
    return () => {
      current = false;
    };
  }, [to, suggesting]);
  const shown = suggesting ? found : [];

  const close = () => setComposing(false);

  const start = async (number: string) => {
    const failure = await useConversations.getState().openNumber(number);
    if (failure) setError(failure);
    else close();
  };

  // A name opens the first suggestion; a number typed opens that number, unless one was picked.
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const suggestion = picked || /\p{L}/u.test(to) ? shown[active] : undefined;
    void start(suggestion?.number ?? to);
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="new-message-title"
        className="dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
          if (e.key === 'ArrowDown' && shown.length) {
            e.preventDefault();
            setActive((a) => (picked ? Math.min(shown.length - 1, a + 1) : 0));
            setPicked(true);
          }
          if (e.key === 'ArrowUp' && shown.length) {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
            setPicked(true);
          }
        }}
      >
        <form className="dialog-form" onSubmit={submit}>
          <h2 id="new-message-title">New message</h2>
          <label>
            To
            <input
              ref={input}
              role="combobox"
              value={to}
              onChange={(e) => {
                setTo(e.target.value);
                setPicked(false);
                setError(null);
              }}
              placeholder="A phone number or a contact’s name"
              autoComplete="off"
              aria-autocomplete="list"
              aria-expanded={shown.length > 0}
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? 'new-message-error' : undefined}
              aria-controls={shown.length > 0 ? 'new-message-contacts' : undefined}
              aria-activedescendant={shown[active] ? `suggestion-${shown[active].key}` : undefined}
            />
          </label>
          {error && (
            <p className="field-error" id="new-message-error" role="alert">
              {error.message} {error.action}
            </p>
          )}
          {shown.length > 0 && (
            <ul role="listbox" id="new-message-contacts" aria-label="Contacts" className="suggestions">
              {shown.map((c, i) => (
                <li
                  key={c.key}
                  id={`suggestion-${c.key}`}
                  role="option"
                  aria-selected={i === active && (picked || /\p{L}/u.test(to))}
                  className={i === active && (picked || /\p{L}/u.test(to)) ? 'active' : undefined}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    void start(c.number);
                  }}
                >
                  <strong>
                    <CustomerText text={c.name} />
                  </strong> <span className="muted">{c.displayPhone}</span>
                  {c.optedOut && <span className="delivery tone-muted"> · Opted out: cannot be texted</span>}
                </li>
              ))}
            </ul>
          )}
          <div className="dialog-actions">
            <button type="button" className="secondary" onClick={close}>
              Cancel
            </button>
            <button type="submit" disabled={to.trim() === ''}>
              Start conversation
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
