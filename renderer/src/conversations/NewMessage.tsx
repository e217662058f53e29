// New message: type a number (checked and put in E.164 by the core, with the
// default country) or a contact's name, then write in the thread that opens.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SearchResults, UserError } from '../../../shared/contract';
import { call } from '../bridge/inbox-client';
import { useInbox } from '../store/inbox-store';
import { useConversations } from './conversations-store';

type ContactHit = SearchResults['contacts'][number];

export function NewMessage() {
  const setComposing = useInbox((s) => s.setComposing);
  const [to, setTo] = useState('');
  const [error, setError] = useState<UserError | null>(null);
  const [contacts, setContacts] = useState<ContactHit[]>([]);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  // Letters mean a name: offer contacts. Digits mean a number: nothing to offer.
  const looksLikeName = /\p{L}/u.test(to);
  useEffect(() => {
    if (!looksLikeName) return;
    let current = true;
    call('search.query', { text: to, limit: 8 }).then(
      (r) => {
        if (!current) return;
        setContacts(r.contacts.filter((c) => c.phone));
        setActive(0);
      },
      () => current && setContacts([]),
    );
    return () => {
      current = false;
    };
  }, [to, looksLikeName]);
  const shown = looksLikeName ? contacts : [];

  const close = () => setComposing(false);

  const start = async (number: string) => {
    const failure = await useConversations.getState().openNumber(number);
    if (failure) setError(failure);
    else close();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const picked = shown[active];
    void start(picked?.phone ?? to);
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <form
        role="dialog"
        aria-modal="true"
        aria-label="New message"
        className="dialog"
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') close();
          if (e.key === 'ArrowDown' && shown.length) {
            e.preventDefault();
            setActive((a) => Math.min(shown.length - 1, a + 1));
          }
          if (e.key === 'ArrowUp' && shown.length) {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          }
        }}
      >
        <h2>New message</h2>
        <label>
          To
          <input
            ref={input}
            value={to}
            onChange={(e) => {
              setTo(e.target.value);
              setError(null);
            }}
            placeholder="A phone number or a contact’s name"
            autoComplete="off"
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'new-message-error' : undefined}
            aria-controls="new-message-contacts"
            aria-activedescendant={shown[active] ? `contact-${shown[active].contactId}` : undefined}
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
                key={c.contactId}
                id={`contact-${c.contactId}`}
                role="option"
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  void start(c.phone!);
                }}
              >
                <strong>{c.name}</strong> <span className="muted">{c.displayPhone}</span>
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
  );
}
