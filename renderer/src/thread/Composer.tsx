// Writing a message: Enter sends, Shift+Enter is a new line; how many texts it
// takes and what it costs, in words; a draft per number kept by the core; and
// editing a scheduled message (the thread store holds which one).
import { Clock, FileText, ImagePlus, SendHorizontal } from 'lucide-react';
import { useCallback, useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { Price } from '../../../shared/contract';
import { unsendableCharacter } from '../../../shared/message-text';
import { pictureTextCount, pictureTextProblem } from '../../../shared/picture-messages';
import { segmentSms } from '../../../shared/sms-segments';
import { AttachedPicture } from './AttachedPicture';
import { usePictureAttachment } from './picture-attachment';
import { useInbox } from '../store/inbox-store';
import { MAX_BODY, useDraft, usePrice } from './composer-hooks';
import { PriceNote, PriceRefusal } from './PriceNote';
import { useComposerSend } from './composer-send';
import { formatWhen, SchedulePanel } from './SchedulePanel';
import { TemplatePicker } from './TemplatePicker';
import { useThread } from './thread-store';

/** Keyed by the thread's number and the scheduled message being edited: each starts afresh. */
export function Composer({ phone }: { phone: string }) {
  const online = useInbox((s) => s.online);
  const contact = useThread((s) => s.contact);
  const editing = useThread((s) => s.editing);
  const [picking, setPicking] = useState(false);
  // Editing a scheduled message: its time comes into the panel.
  const [scheduling, setScheduling] = useState(() => editing !== null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const focus = useCallback(() => textarea.current?.focus(), []);
  const attachment = usePictureAttachment();
  const { picture, subject } = attachment;
  const fileInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  // ClickSend refuses pictures to some accounts (the core's words); the button says so when pressed.
  const picturesRefused = useInbox((s) => (s.session?.state === 'signed-in' && !s.session.account.pictures.offered ? s.session.account.pictures.message : null));
  const [sayRefused, setSayRefused] = useState(false);
  const toSend = picture ? { attachmentId: picture.attachmentId, subject } : null;
  const { body, cut, busy, error, type, restore, clear, schedule, submit, sendDespitePlaceholders, nothingToSend } = useComposerSend(editing, focus, {
    toSend,
    preparing: attachment.preparing,
    sent: attachment.sent,
  });
  // The draft waits while a scheduled message is edited, and comes back after.
  useDraft(phone, body, restore, editing === null);
  const price = usePrice(phone, body, toSend, online);

  const attachFirst = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file && editing === null) void attachment.attach(file);
  };
  const onDrop = (event: DragEvent<HTMLFormElement>) => {
    setDragging(false);
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    attachFirst(event.dataTransfer.files);
    focus();
  };

  useEffect(focus, [focus]);

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

  const closeSchedule = () => {
    setScheduling(false);
    textarea.current?.focus();
    if (editing) {
      useThread.getState().stopEdit();
      clear();
    }
  };

  return (
    <form
      className={`composer${dragging ? ' dragging' : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files') || editing) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      {attachment.error && (
        <p className="banner error" role="alert">
          {attachment.error.message} {attachment.error.action}
        </p>
      )}
      {sayRefused && picturesRefused && (
        <p className="banner" role="status">
          {picturesRefused}
        </p>
      )}
      {attachment.preparing && (
        <p className="banner" role="status">
          Preparing the picture…
        </p>
      )}
      {picture && <AttachedPicture picture={picture} subject={subject} onSubject={attachment.setSubject} onRemove={() => {
        attachment.remove();
        focus();
      }} />}
      {error && (
        <p className="banner error" role="alert">
          {error.message} {error.action}
          {error.code === 'UNRESOLVED_PLACEHOLDER' && (
            <button
              type="button"
              className="link"
              onClick={sendDespitePlaceholders}
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
      {scheduling && <SchedulePanel initialMs={editing?.scheduledAt ?? null} editing={editing !== null} onConfirm={(at) => void schedule(at).then((done) => done && setScheduling(false))} onClose={closeSchedule} />}
      {picking && (
        <TemplatePicker
          contact={contact}
          phone={phone}
          onClose={() => {
            setPicking(false);
            textarea.current?.focus();
          }}
          onInsert={(text) => {
            type(body ? `${body} ${text}` : text);
            setPicking(false);
            // At once, not after the re-render: a fast second Enter must reach the message.
            textarea.current?.focus();
          }}
        />
      )}
      <textarea
        ref={textarea}
        aria-label="Message"
        dir="auto"
        aria-describedby="composer-count"
        placeholder="Type a message · Enter to send, Shift+Enter for a new line"
        rows={2}
        value={body}
        onChange={(e) => type(e.target.value)}
        onKeyDown={onKeyDown}
        onPaste={(e) => {
          if (e.clipboardData.files.length === 0) return;
          e.preventDefault();
          attachFirst(e.clipboardData.files);
        }}
      />
      <input
        ref={fileInput}
        type="file"
        accept="image/*,.heic,.heif"
        hidden
        aria-hidden="true"
        tabIndex={-1}
        data-testid="picture-file"
        onChange={(e) => {
          attachFirst(e.target.files);
          e.target.value = '';
          focus();
        }}
      />
      <div className="composer-bar">
        {picture || editing?.picture ? <PictureCounter body={body} price={price} online={online} /> : <Counter body={body} price={price} online={online} cut={cut} />}
        <div className="composer-buttons">
          {editing === null && (
            <button
              type="button"
              className="secondary with-icon"
              aria-disabled={picturesRefused ? true : undefined}
              onClick={() => (picturesRefused ? setSayRefused(true) : fileInput.current?.click())}
              title={picturesRefused ?? 'Attach a picture (or drop or paste one)'}
            >
              <ImagePlus aria-hidden="true" size={16} />
              <span className="label">Picture</span>
            </button>
          )}
          <button
            type="button"
            className="secondary with-icon"
            onClick={() => setPicking((p) => !p)}
            aria-expanded={picking}
            title="Insert template (or type / in an empty message)"
          >
            <FileText aria-hidden="true" size={16} />
            <span className="label">Insert template</span>
          </button>
          <button type="button" className="secondary with-icon" onClick={() => setScheduling((v) => !v)} aria-expanded={scheduling} title="Schedule">
            <Clock aria-hidden="true" size={16} />
            <span className="label">Schedule</span>
          </button>
          <button type="submit" className="with-icon" disabled={busy || attachment.preparing || nothingToSend || editing !== null}>
            <SendHorizontal aria-hidden="true" size={16} />
            <span>Send</span>
          </button>
        </div>
      </div>
      <PriceRefusal price={price} />
    </form>
  );
}

/** "12 of 1,500 characters · picture message · ≈ $0.33". */
function PictureCounter({ body, price, online }: { body: string; price: Price | 'unavailable' | null; online: boolean }) {
  const count = pictureTextCount(body);
  return (
    <div className="composer-info muted" id="composer-count">
      <span aria-label="Length">
        {count.units} of {count.max.toLocaleString()} characters
      </span>
      <PriceNote price={price} online={online} />
      {pictureTextProblem(body) && (
        <span className={count.over ? 'warning' : undefined} role="note">
          {pictureTextProblem(body)}
        </span>
      )}
      {!online && <span>Offline: it waits in the outbox and goes out by itself.</span>}
    </div>
  );
}

/** "161 of 306 characters · 2 texts · ≈ $0.16", and why, in words, when a character makes texts shorter. */
function Counter({ body, price, online, cut }: { body: string; price: ReturnType<typeof usePrice>; online: boolean; cut: boolean }) {
  const segments = segmentSms(body);
  // Said while typing (pasted text can carry them); the core refuses them on send.
  const unsendable = unsendableCharacter(body);
  const capacity = Math.max(1, segments.parts) * segments.perPart;
  const texts = segments.parts === 1 ? '1 text' : `${segments.parts} texts`;
  const special = segments.unicodeCharacters.slice(0, 3).map((c) => `“${c}”`);
  return (
    <div className="composer-info muted" id="composer-count">
      <span aria-label="Length">
        {segments.units} of {capacity} characters{segments.parts > 0 ? ` · ${texts}` : ''}
      </span>
      <PriceNote price={price} online={online} />
      {segments.encoding === 'UCS-2' && !unsendable && (
        <span className="warning" role="note">
          {special.join(' ')} {special.length === 1 ? 'is a special character' : 'are special characters'}, so each text holds {segments.perPart === 67 ? 67 : 70}{' '}
          characters instead of {segments.perPart === 67 ? 153 : 160}.
        </span>
      )}
      {unsendable && (
        <span className="warning" role="note">
          {unsendable}
        </span>
      )}
      {cut && (
        <span className="warning" role="note">
          Only the first {MAX_BODY.toLocaleString()} characters were kept: a message can be at most {MAX_BODY.toLocaleString()}.
        </span>
      )}
      {!online && <span>Offline: messages wait in the outbox and go out by themselves.</span>}
    </div>
  );
}
