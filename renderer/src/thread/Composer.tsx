// Writing a message: Enter sends, Shift+Enter is a new line; a live count of
// characters, parts and encoding; a price from ClickSend before sending; and
// a draft per number, kept by the core so it survives switching and restarts.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { Price, UserError } from '../../../shared/contract';
import { unresolvedPlaceholders } from '../../../shared/placeholders';
import { segmentSms } from '../../../shared/sms-segments';
import { unsendableCharacter } from '../../../shared/message-text';
import { call } from '../bridge/inbox-client';
import { useInbox } from '../store/inbox-store';
import { formatWhen, SchedulePanel } from './SchedulePanel';
import { TemplatePicker } from './TemplatePicker';
import { useThread } from './thread-store';

const DRAFT_SAVE_MS = 400;
const PRICE_MS = 700;

export function Composer({ phone }: { phone: string }) {
  const send = useThread((s) => s.send);
  const online = useInbox((s) => s.online);
  const contact = useThread((s) => s.contact);
  const [picking, setPicking] = useState(false);
  const editing = useThread((s) => s.editing);
  const [scheduling, setScheduling] = useState(false);
  const [editingId, setEditingId] = useState<number | null>(null);
  /** The body the user chose to send with placeholders still in it. */
  const [sendAnyway, setSendAnyway] = useState<string | null>(null);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  // Editing a scheduled message: its text comes into the composer, its time into the panel.
  if (editing && editing.id !== editingId) {
    setEditingId(editing.id);
    setBody(editing.body);
    setScheduling(true);
  }

  const [error, setError] = useState<UserError | null>(null);
  // The price of one exact body: shown only while the body is still that.
  const [priced, setPriced] = useState<{ body: string; price: Price | 'unavailable' } | null>(null);
  const loadedDraft = useRef(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    let current = true;
    call('drafts.get', { phone }).then(
      (draft) => {
        if (!current) return;
        loadedDraft.current = true;
        setBody((typed) => typed || draft);
      },
      () => (loadedDraft.current = true),
    );
    textarea.current?.focus();
    return () => {
      current = false;
    };
  }, [phone]);

  // Save the draft shortly after typing stops (and at once when leaving).
  const latest = useRef(body);
  useEffect(() => {
    latest.current = body;
  }, [body]);
  useEffect(() => {
    if (!loadedDraft.current) return;
    const timer = setTimeout(() => void call('drafts.save', { phone, body }).catch(() => undefined), DRAFT_SAVE_MS);
    return () => clearTimeout(timer);
  }, [phone, body]);
  useEffect(
    () => () => {
      if (loadedDraft.current) void call('drafts.save', { phone, body: latest.current }).catch(() => undefined);
    },
    [phone],
  );

  useEffect(() => {
    if (body.trim() === '') return;
    let current = true;
    const timer = setTimeout(() => {
      call('messages.price', { to: phone, body }).then(
        (price) => current && setPriced({ body, price }),
        () => current && setPriced({ body, price: 'unavailable' }),
      );
    }, PRICE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [phone, body, online]);

  const schedule = async (unixSeconds: number) => {
    if (body.trim() === '') {
      setError({ code: 'EMPTY_MESSAGE', message: 'Write the message before scheduling it.', action: null });
      return;
    }
    setBusy(true);
    const failure = editing ? await useThread.getState().reschedule(body, unixSeconds) : await send(body, unixSeconds);
    setBusy(false);
    setError(failure);
    if (!failure) {
      setBody('');
      setScheduling(false);
      setEditingId(null);
      void call('drafts.save', { phone, body: '' }).catch(() => undefined);
    }
  };

  const unresolved = unresolvedPlaceholders(body);
  const submit = async (event?: FormEvent, anyway = false) => {
    event?.preventDefault();
    // While a scheduled message is edited, Enter must not send the new text now
    // (Send is disabled too): the schedule panel saves it.
    if (busy || editing || body.trim() === '') return;
    // Never send literal {first_name} by accident: it takes a second, deliberate press.
    if (unresolved.length > 0 && !anyway && sendAnyway !== body) {
      setError({
        code: 'UNRESOLVED_PLACEHOLDER',
        message: `${unresolved.join(', ')} ${unresolved.length === 1 ? 'is' : 'are'} still in the message.`,
        action: 'Replace it with the right words, or choose Send anyway.',
      });
      return;
    }
    setBusy(true);
    const failure = await send(body);
    setBusy(false);
    setError(failure);
    if (!failure) {
      setBody('');
      void call('drafts.save', { phone, body: '' }).catch(() => undefined);
    }
    textarea.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === '/' && body === '') {
      event.preventDefault();
      setPicking(true);
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void submit();
    }
  };

  const segments = segmentSms(body);
  // Said while typing (pasted text can carry them); the core refuses them on send.
  const unsendable = unsendableCharacter(body);
  const price = priced?.body === body ? priced.price : null;
  return (
    <form className="composer" ref={formRef} onSubmit={(e) => void submit(e)}>
      {error && (
        <p className="banner error" role="alert">
          {error.message} {error.action}
          {error.code === 'UNRESOLVED_PLACEHOLDER' && (
            <button
              type="button"
              className="link"
              onClick={() => {
                setSendAnyway(body);
                void submit(undefined, true);
                setError(null);
              }}
            >
              Send anyway
            </button>
          )}
        </p>
      )}
      {editing && (
        <p className="banner" role="status">
          Editing the message scheduled for {formatWhen(editing.scheduledAt ?? editing.createdAt)}: saving cancels it and schedules this one.
        </p>
      )}
      {scheduling && (
        <SchedulePanel
          initialMs={editing?.scheduledAt ?? null}
          editing={editing !== null}
          onConfirm={(at) => void schedule(at)}
          onClose={() => {
            setScheduling(false);
            if (editing) {
              useThread.getState().stopEdit();
              setEditingId(null);
              setBody('');
            }
          }}
        />
      )}
      {picking && (
        <TemplatePicker
          contact={contact}
          phone={phone}
          onClose={() => {
            setPicking(false);
            textarea.current?.focus();
          }}
          onInsert={(text) => {
            setBody((typed) => (typed ? `${typed} ${text}` : text));
            setPicking(false);
            // At once, not after the re-render: a fast second Enter must reach the message.
            textarea.current?.focus();
          }}
        />
      )}
      <div className="row">
        <textarea
          ref={textarea}
          aria-label="Message"
          aria-describedby="composer-count"
          placeholder="Type a message · Enter to send, Shift+Enter for a new line"
          rows={2}
          maxLength={1600}
          value={body}
          onChange={(e) => {
            setBody(e.target.value);
            if (error?.code === 'UNRESOLVED_PLACEHOLDER') setError(null);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="secondary" onClick={() => setPicking((p) => !p)} aria-expanded={picking} title="Or type / in an empty message">
          Insert template
        </button>
        <button type="button" className="secondary" onClick={() => setScheduling((v) => !v)} aria-expanded={scheduling}>
          Schedule
        </button>
        <button type="submit" disabled={busy || body.trim() === '' || editing !== null}>
          Send
        </button>
      </div>
      <div className="composer-info muted" id="composer-count">
        <span aria-label="Length">
          {segments.units}/{segments.parts <= 1 ? segments.perPart : segments.parts * segments.perPart} · {segments.parts}{' '}
          {segments.parts === 1 ? 'part' : 'parts'} · {segments.encoding}
        </span>
        {segments.encoding === 'UCS-2' && !unsendable && (
          <span className="warning" role="note">
            {segments.unicodeCharacters.slice(0, 3).map((c) => `“${c}”`).join(' ')} {segments.unicodeCharacters.length === 1 ? 'makes' : 'make'} this a
            Unicode message: 70 characters per part instead of 160.
          </span>
        )}
        {unsendable && (
          <span className="warning" role="note">
            {unsendable}
          </span>
        )}
        {price && (
          <span aria-label="Estimated cost">
            {price === 'unavailable' ? (online ? 'Price unavailable' : 'Price unavailable offline') : `≈ ${price.currency}${price.total}`}
          </span>
        )}
        {!online && <span>Offline: messages wait in the outbox and go out by themselves.</span>}
      </div>
    </form>
  );
}
