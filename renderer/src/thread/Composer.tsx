import { useState, type FormEvent, type KeyboardEvent } from 'react';
import type { UserError } from '../../../shared/contract';
import { useInbox } from '../store/inbox-store';

export function Composer() {
  const send = useInbox((s) => s.send);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserError | null>(null);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy || body.trim() === '') return;
    setBusy(true);
    const failure = await send(body);
    setBusy(false);
    setError(failure);
    if (!failure) setBody('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <form className="composer" onSubmit={(e) => void submit(e)}>
      {error && (
        <p className="banner error" role="alert">
          {error.message} {error.action}
        </p>
      )}
      <div className="row">
        <textarea
          aria-label="Message"
          placeholder="Type a message"
          rows={2}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="submit" disabled={busy || body.trim() === ''}>
          Send
        </button>
      </div>
    </form>
  );
}
