// Import contacts from a CSV file: map the header row to fields, preview the
// first rows, see the invalid ones with their reasons, then import in batches
// with progress. Rows for the same number are merged; a number already in the
// list updates that contact.
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  COLUMN_LABELS,
  CONTACT_FIELDS,
  CsvError,
  FIELD_LABELS,
  IMPORT_COLUMNS,
  guessMapping,
  mapRows,
  MAX_CSV_BYTES,
  parseCsv,
  prepareImport,
  type Mapping,
  type ParsedCsv,
} from '../../../shared/contacts-csv';
import type { ContactList } from '../../../shared/contract';
import { call, describeError } from '../bridge/inbox-client';
import { useInbox } from '../store/inbox-store';
import { useContacts } from './contacts-store';

const BATCH = 100;

/** "1 contact", "2 contacts". */
function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

interface Outcome {
  created: number;
  updated: number;
  failed: Array<{ line: number; reason: string }>;
  stoppedBy: string | null;
}

export function ImportDialog({ list, onClose }: { list: ContactList; onClose: () => void }) {
  const country = useInbox((s) => s.settings.defaultCountry ?? (s.session?.state === 'signed-in' ? s.session.account.country : null) ?? undefined);
  const [parsed, setParsed] = useState<ParsedCsv | null>(null);
  const [mapping, setMapping] = useState<Mapping | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const cancelled = useRef(false);

  // The fields the preview shows: those a column fills (a full name fills first and last).
  const shownFields = mapping ? CONTACT_FIELDS.filter((f) => mapping[f] !== null || ((f === 'firstName' || f === 'lastName') && mapping.fullName !== null)) : [];
  // Numbers that opted out: marked in the preview (the core decides who they are).
  const [optedOut, setOptedOut] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    void call('optOuts.list', {}).then((numbers) => setOptedOut(new Set(numbers.map((n) => n.phone))), () => undefined);
  }, []);
  const prepared = useMemo(
    () => (parsed && mapping ? prepareImport(mapRows(parsed, mapping), country, optedOut) : null),
    [parsed, mapping, country, optedOut],
  );

  const choose = async (file: File | undefined) => {
    setParsed(null);
    setOutcome(null);
    setFileError(null);
    if (!file) return;
    if (file.size > MAX_CSV_BYTES) {
      setFileError(`The file is ${(file.size / 1024 / 1024).toFixed(0)} MB; import at most ${MAX_CSV_BYTES / 1024 / 1024} MB at a time (split it in the spreadsheet).`);
      return;
    }
    try {
      const result = parseCsv(await file.text());
      setParsed(result);
      setMapping(guessMapping(result.headers));
    } catch (error) {
      setFileError(error instanceof CsvError ? error.message : 'The file could not be read as CSV.');
    }
  };

  const run = async () => {
    if (!prepared) return;
    cancelled.current = false;
    const rows = prepared.contacts.map((c) => ({ ...c, phone: c.phone ?? '' }));
    const result: Outcome = { created: 0, updated: 0, failed: [...prepared.invalid], stoppedBy: null };
    setProgress({ done: 0, total: rows.length });
    for (let at = 0; at < rows.length && !cancelled.current; at += BATCH) {
      try {
        const batch = await call('contacts.import', { listId: list.listId, rows: rows.slice(at, at + BATCH) });
        result.created += batch.created;
        result.updated += batch.updated;
        result.failed.push(...batch.failed);
      } catch (error) {
        const { message, action } = describeError(error);
        result.stoppedBy = [message, action].filter(Boolean).join(' ');
        break;
      }
      setProgress({ done: Math.min(rows.length, at + BATCH), total: rows.length });
    }
    if (cancelled.current) result.stoppedBy = 'Stopped: the rest of the file was not imported.';
    result.failed.sort((a, b) => a.line - b.line);
    setOutcome(result);
    setProgress(null);
    void useContacts.getState().load();
  };

  const importing = progress !== null;
  return (
    <div className="dialog-backdrop">
      <div role="dialog" aria-modal="true" aria-label="Import contacts" className="dialog wide" onKeyDown={(e) => e.key === 'Escape' && !importing && onClose()}>
        <h2>Import contacts into “{list.name}”</h2>
        {!outcome && (
          <label>
            CSV file
            <input type="file" accept=".csv,text/csv,text/plain" disabled={importing} onChange={(e) => void choose(e.target.files?.[0])} />
          </label>
        )}
        {fileError && <p className="field-error" role="alert">{fileError}</p>}
        {parsed && mapping && prepared && !outcome && (
          <>
            <fieldset className="mapping" disabled={importing}>
              <legend>Columns</legend>
              {IMPORT_COLUMNS.map((field) => (
                <label key={field}>
                  {COLUMN_LABELS[field]}
                  <select
                    value={mapping[field] ?? ''}
                    onChange={(e) => setMapping({ ...mapping, [field]: e.target.value === '' ? null : Number(e.target.value) })}
                  >
                    <option value="">—</option>
                    {parsed.headers.map((h, i) => (
                      <option key={i} value={i}>
                        {h || `Column ${i + 1}`}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </fieldset>
            {mapping.phone === null && <p className="field-error" role="alert">Choose the column that holds the phone numbers.</p>}
            <table className="preview-table" aria-label="Preview">
              <thead>
                <tr>
                  <th>Line</th>
                  {shownFields.map((f) => (
                    <th key={f}>{FIELD_LABELS[f]}</th>
                  ))}
                  <th>Import</th>
                </tr>
              </thead>
              <tbody>
                {mapRows({ headers: parsed.headers, rows: parsed.rows.slice(0, 5) }, mapping).map((row) => {
                  const problem = prepared.invalid.find((p) => p.line === row.line);
                  const stopped = prepared.optedOut.some((p) => p.line === row.line);
                  return (
                    <tr key={row.line} className={problem ? 'invalid' : undefined}>
                      <td>{row.line}</td>
                      {shownFields.map((f) => (
                        <td key={f}>{row[f]}</td>
                      ))}
                      <td>{problem ? `Skipped: ${problem.reason}` : stopped ? 'Yes, but opted out: never texted' : 'Yes'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <p role="status">
              {count(prepared.contacts.length, 'contact')} to import
              {prepared.merged > 0 && `, ${count(prepared.merged, 'row')} merged (same number)`}
              {prepared.invalid.length > 0 && `, ${count(prepared.invalid.length, 'invalid row')} skipped`}
              {prepared.optedOut.length > 0 && `; ${count(prepared.optedOut.length, 'number')} opted out (kept, and never texted)`}.
            </p>
            <Problems rows={prepared.invalid} title="Invalid rows" />
          </>
        )}
        {progress && <progress aria-label="Import progress" max={progress.total} value={progress.done} />}
        {outcome && (
          <>
            <p role="status">
              Imported {count(outcome.created, 'new contact')} and updated {count(outcome.updated, 'existing one', 'existing ones')}
              {outcome.failed.length > 0 && `; ${count(outcome.failed.length, 'row was', 'rows were')} not imported`}.
            </p>
            {outcome.stoppedBy && <p className="field-error" role="alert">{outcome.stoppedBy}</p>}
            <Problems rows={outcome.failed} title="Rows not imported" />
          </>
        )}
        <div className="dialog-actions">
          {importing ? (
            <button type="button" className="secondary" onClick={() => (cancelled.current = true)}>
              Stop
            </button>
          ) : (
            <button type="button" className="secondary" onClick={onClose}>
              {outcome ? 'Close' : 'Cancel'}
            </button>
          )}
          {!outcome && (
            <button type="button" disabled={importing || !prepared || mapping?.phone === null || prepared.contacts.length === 0} onClick={() => void run()}>
              Import
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

function Problems({ rows, title }: { rows: Array<{ line: number; reason: string }>; title: string }) {
  if (rows.length === 0) return null;
  return (
    <details open={rows.length <= 10}>
      <summary>
        {title} ({rows.length})
      </summary>
      <ul className="problems" aria-label={title}>
        {rows.slice(0, 200).map((r) => (
          <li key={r.line}>
            Row {r.line}: {r.reason}
          </li>
        ))}
        {rows.length > 200 && <li>… and {rows.length - 200} more.</li>}
      </ul>
    </details>
  );
}
