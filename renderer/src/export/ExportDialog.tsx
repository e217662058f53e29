// Keeping a record: this conversation, or every conversation between two
// days, as CSV. The core makes it a chunk at a time; the window pulls the
// chunks, shows how far it is, and saves them as one file, so a large export
// never freezes the window and can be stopped.
import { useEffect, useRef, useState } from 'react';
import type { UserError } from '../../../shared/contract';
import { CustomerText } from '../app/CustomerText';
import { download } from '../app/download';
import { call, describeError } from '../bridge/inbox-client';
import { userTimeZone } from '../thread/SchedulePanel';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function monthStart(): string {
  return `${today().slice(0, 8)}01`;
}

export function ExportDialog({ conversationId, title, onClose }: { conversationId: number | null; title: string; onClose: () => void }) {
  const [scope, setScope] = useState<'conversation' | 'range'>(conversationId === null ? 'range' : 'conversation');
  const [from, setFrom] = useState(monthStart);
  const [to, setTo] = useState(today);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<UserError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const stopped = useRef(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const run = async () => {
    stopped.current = false;
    setError(null);
    setSaved(null);
    try {
      const zone = userTimeZone();
      const started = await call('export.start', { scope: scope === 'conversation' && conversationId !== null ? { conversationId } : { from, to }, zone });
      setProgress({ done: 0, total: started.total });
      const parts: string[] = [];
      for (;;) {
        if (stopped.current) {
          await call('export.cancel', { exportId: started.exportId });
          setProgress(null);
          return;
        }
        const next = await call('export.next', { exportId: started.exportId });
        parts.push(next.csv);
        setProgress({ done: next.done, total: next.total });
        if (next.finished) break;
      }
      download(started.filename, parts);
      setSaved(`${started.total.toLocaleString()} ${started.total === 1 ? 'message' : 'messages'} saved as ${started.filename}.`);
    } catch (failure) {
      setError(describeError(failure));
    }
    setProgress(null);
  };

  const running = progress !== null;
  return (
    <div className="dialog-backdrop">
      <div role="dialog" aria-modal="true" aria-label="Export messages" className="dialog" onKeyDown={(e) => e.key === 'Escape' && !running && onClose()}>
        <h2>Export messages as CSV</h2>
        <fieldset className="export-scope" disabled={running}>
          <legend>What to export</legend>
          {conversationId !== null && (
            <label className="check">
              <input ref={first} type="radio" name="export-scope" checked={scope === 'conversation'} onChange={() => setScope('conversation')} />
              This conversation (<CustomerText text={title} />)
            </label>
          )}
          <label className="check">
            <input
              ref={conversationId === null ? first : undefined}
              type="radio"
              name="export-scope"
              checked={scope === 'range'}
              onChange={() => setScope('range')}
            />
            All conversations, from
          </label>
          <span className="inline">
            <label>
              First day <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} onFocus={() => setScope('range')} />
            </label>
            <label>
              Last day <input type="date" value={to} onChange={(e) => setTo(e.target.value)} onFocus={() => setScope('range')} />
            </label>
          </span>
        </fieldset>
        <p className="muted">Date, direction, number, name, text, status, parts and price, one row per message, oldest first.</p>
        {running && (
          <p role="status" className="export-progress">
            <progress aria-label="Export progress" max={Math.max(1, progress.total)} value={progress.done} /> {progress.done.toLocaleString()} of{' '}
            {progress.total.toLocaleString()} messages
          </p>
        )}
        {error && (
          <p className="field-error" role="alert">
            {error.message} {error.action}
          </p>
        )}
        {saved && <p role="status">{saved}</p>}
        <div className="dialog-actions">
          {running ? (
            <button type="button" className="secondary" onClick={() => (stopped.current = true)}>
              Stop
            </button>
          ) : (
            <>
              <button type="button" className="secondary" onClick={onClose}>
                Close
              </button>
              <button type="button" onClick={() => void run()}>
                Export
              </button>
            </>
          )}
        </div>
      </div>
    </div>
  );
}
