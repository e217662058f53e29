// Keeping a record of the open conversation: export it as CSV (or every
// conversation in a date range), or print it in a clean layout.
import { Download, Printer } from 'lucide-react';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Message, UserError } from '../../../shared/contract';
import { call, describeError } from '../bridge/inbox-client';
import { ExportDialog } from '../export/ExportDialog';
import { useThread } from './thread-store';
import { CustomerText } from '../app/CustomerText';

/** A printout holds at most this many messages, the newest. */
const PRINT_MAX = 10_000;

export function RecordButtons() {
  const target = useThread((s) => s.target);
  const [exporting, setExporting] = useState(false);
  const [printing, setPrinting] = useState<{ messages: Message[]; cut: boolean; printedAt: number } | 'loading' | null>(null);
  const [error, setError] = useState<UserError | null>(null);

  // Printed once the printout is on the page; gone once the print dialog closes.
  useEffect(() => {
    if (printing === null || printing === 'loading') return;
    const done = () => setPrinting(null);
    window.addEventListener('afterprint', done, { once: true });
    window.print();
    return () => window.removeEventListener('afterprint', done);
  }, [printing]);

  if (!target || target.conversationId === null) return null;
  const conversationId = target.conversationId;

  const print = async () => {
    setPrinting('loading');
    setError(null);
    try {
      const messages: Message[] = [];
      let beforeId: number | undefined;
      for (;;) {
        const page = await call('messages.list', { conversationId, limit: 200, ...(beforeId === undefined ? {} : { beforeId }) });
        messages.push(...page);
        if (page.length < 200 || messages.length >= PRINT_MAX) break;
        beforeId = page.at(-1)!.id;
      }
      setPrinting({ messages: messages.slice(0, PRINT_MAX).reverse(), cut: messages.length >= PRINT_MAX, printedAt: Date.now() });
    } catch (failure) {
      setError(describeError(failure));
      setPrinting(null);
    }
  };

  return (
    <>
      <button type="button" className="secondary with-icon icon-only" title="Export as CSV" onClick={() => setExporting(true)}>
        <Download aria-hidden="true" size={16} />
        <span className="label">Export</span>
      </button>
      <button type="button" className="secondary with-icon icon-only" title="Print this conversation" disabled={printing !== null} onClick={() => void print()}>
        <Printer aria-hidden="true" size={16} />
        <span className="label">{printing === 'loading' ? 'Preparing…' : 'Print'}</span>
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error.message}
        </span>
      )}
      {exporting && <ExportDialog conversationId={conversationId} title={target.title} onClose={() => setExporting(false)} />}
      {printing !== null && printing !== 'loading' && createPortal(<Printout title={target.title} phone={target.displayPhone} {...printing} />, document.body)}
    </>
  );
}

function Printout({ title, phone, messages, cut, printedAt }: { title: string; phone: string; messages: Message[]; cut: boolean; printedAt: number }) {
  const when = (ms: number) => new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="printout" data-testid="printout">
      <h1>
        <CustomerText text={title} />
      </h1>
      <p>
        {phone} · {messages.length.toLocaleString()} messages
        {messages.length > 0 ? `, ${when(messages[0]!.createdAt)} to ${when(messages.at(-1)!.createdAt)}` : ''}
        {cut ? ` (the newest ${PRINT_MAX.toLocaleString()})` : ''} · printed {when(printedAt)}
      </p>
      <ol>
        {messages.map((m) => (
          <li key={m.id} className={m.direction}>
            <span className="printout-meta">
              {when(m.waitingUntil ?? m.createdAt)} · {m.direction === 'in' ? <CustomerText text={title} /> : 'You'}
              {m.statusLabel ? ` · ${m.statusLabel}` : ''}
            </span>
            {m.picture && <span className="printout-picture">Picture: {m.picture.subject}</span>}
            <CustomerText className="printout-body" text={m.body} />
          </li>
        ))}
      </ol>
    </div>
  );
}
