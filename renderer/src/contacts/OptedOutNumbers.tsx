// Under Contacts: every number that may not be texted, with when, how and
// why (the core's words), and the list as a CSV file.
import { useEffect, useState } from 'react';
import type { Result, UserError } from '../../../shared/contract';
import { download } from '../app/download';
import { ErrorBanner } from '../app/ErrorBanner';
import { ListOrNote } from '../app/ListOrNote';
import { call } from '../bridge/inbox-client';
import { attempt } from '../store/attempt';
import { CustomerText } from '../app/CustomerText';

export function OptedOutNumbers() {
  const [numbers, setNumbers] = useState<Result<'optOuts.list'> | null>(null);
  const [error, setError] = useState<UserError | null>(null);
  useEffect(() => {
    void attempt(async () => setNumbers(await call('optOuts.list', {}))).then(setError);
  }, []);
  const exportCsv = async () =>
    setError(
      await attempt(async () => {
        const { filename, csv } = await call('optOuts.export', {});
        download(filename, csv);
      }),
    );
  return (
    <section className="contacts" aria-label="Opted-out numbers">
      <div className="sidebar-top wrap">
        <strong>Opted-out numbers</strong>
        <button type="button" className="secondary" onClick={() => void exportCsv()} disabled={!numbers?.length}>
          Export CSV
        </button>
      </div>
      <ErrorBanner error={error} />
      <ListOrNote items={numbers} error={error} loading="Loading…" empty="No number has opted out.">
        {(items) =>
          items.map((n) => (
            <li key={n.phone} className="conversation">
              <CustomerText className="title" text={n.title} />
              <span className="preview muted">
                {n.title === n.displayPhone ? '' : `${n.displayPhone} · `}
                {n.notice}
                {n.note && n.how !== 'by-hand' ? ` (${n.note})` : ''}
              </span>
            </li>
          ))
        }
      </ListOrNote>
    </section>
  );
}
