// Spend: what the account's messages cost in a range, as the core summed it
// from ClickSend's prices (which messages count, and every figure, are the
// core's). A small bar chart of cost per day, drawn here by hand, with each
// bar described; the same figures in tables underneath; the messages behind
// them as a CSV file.
import { Download } from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { SpendFigures, SpendRange, SpendSummary, UserError } from '../../../shared/contract';
import { download } from '../app/download';
import { ErrorBanner } from '../app/ErrorBanner';
import { call } from '../bridge/inbox-client';
import { useConversations } from '../conversations/conversations-store';
import { attempt } from '../store/attempt';
import { useInbox } from '../store/inbox-store';
import { userTimeZone } from '../thread/SchedulePanel';
import { CustomerText } from '../app/CustomerText';
import { useSpend } from './spend-store';

const RANGES: Array<{ value: SpendRange; label: string }> = [
  { value: 'this-month', label: 'This month' },
  { value: 'last-month', label: 'Last month' },
  { value: 'last-90-days', label: 'Last 90 days' },
];

/** A calendar date from the core (YYYY-MM-DD) in the user's words; no zone shift, it is already theirs. */
function dateWords(date: string, options: Intl.DateTimeFormatOptions): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d ?? 1)).toLocaleDateString([], { ...options, timeZone: 'UTC' });
}
const dayWords = (date: string) => dateWords(date, { day: 'numeric', month: 'short' });
const longDayWords = (date: string) => dateWords(date, { day: 'numeric', month: 'long', year: 'numeric' });
const monthWords = (month: string) => dateWords(`${month}-01`, { month: 'long', year: 'numeric' });

const count = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
const describe = (f: SpendFigures) =>
  f.messages === 0 ? 'nothing sent' : `${count(f.messages, 'message', 'messages')}, ${count(f.texts, 'text', 'texts')}, ${f.cost}`;

export function SpendView() {
  const { range, summary, loadError } = useSpend(useShallow((s) => ({ range: s.range, summary: s.summary, loadError: s.error })));
  const [exportError, setExportError] = useState<UserError | null>(null);
  const error = exportError ?? loadError;
  const zone = userTimeZone();

  useEffect(() => {
    const { show } = useSpend.getState();
    show(true);
    return () => show(false);
  }, []);
  const setRange = (next: SpendRange) => void useSpend.getState().setRange(next);

  const exportCsv = async () =>
    setExportError(
      await attempt(async () => {
        const { filename, csv } = await call('spend.export', { range, zone });
        download(filename, csv);
      }),
    );

  const open = async (conversationId: number) => {
    useInbox.getState().setView('conversations');
    await useConversations.getState().setFilter('all');
    await useConversations.getState().select(conversationId);
  };

  const shown = summary?.range === range ? summary : null;
  return (
    <section className="spend-view" aria-label="Spend">
      <header className="thread-header">
        <h2 className="thread-title">Spend</h2>
        <span className="muted">Days in {zone}</span>
        <button type="button" className="secondary with-icon" disabled={!shown?.totals.messages} onClick={() => void exportCsv()}>
          <Download aria-hidden="true" size={16} />
          Export CSV
        </button>
      </header>
      <div className="spend-body">
        <div role="radiogroup" aria-label="Range" className="spend-ranges">
          {RANGES.map((r) => (
            <label key={r.value} className={`chip${range === r.value ? ' selected' : ''}`}>
              <input type="radio" name="spend-range" value={r.value} checked={range === r.value} onChange={() => setRange(r.value)} />
              {r.label}
            </label>
          ))}
        </div>
        <ErrorBanner error={error} />
        {!shown ? (
          !error && <p className="muted">Loading…</p>
        ) : (
          <SpendFiguresView summary={shown} open={(id) => void open(id)} />
        )}
      </div>
    </section>
  );
}

function SpendFiguresView({ summary, open }: { summary: SpendSummary; open: (conversationId: number) => void }) {
  const { totals, dueLater } = summary;
  const period = `${longDayWords(summary.from)} to ${longDayWords(summary.to)}`;
  const busyDays = summary.days.filter((d) => d.messages > 0);
  return (
    <>
      <dl className="spend-totals" aria-label={`Totals, ${period}`}>
        <div>
          <dt>Cost</dt>
          <dd>{totals.cost}</dd>
        </div>
        <div>
          <dt>Messages</dt>
          <dd>
            {totals.messages.toLocaleString()}
            {totals.pictures > 0 && <span className="muted"> ({count(totals.pictures, 'picture', 'pictures')})</span>}
          </dd>
        </div>
        <div>
          <dt>Texts</dt>
          <dd>{totals.texts.toLocaleString()}</dd>
        </div>
      </dl>
      <p className="muted hint">
        {period}. {summary.note}
        {dueLater.messages > 0 &&
          ` Also ${count(dueLater.messages, 'message', 'messages')} scheduled elsewhere and due later (${dueLater.cost}), already taken from the balance.`}
      </p>

      <figure className="spend-chart">
        <figcaption>Cost per day</figcaption>
        <DayChart summary={summary} />
      </figure>

      <div className="spend-tables">
        <div>
          <h3>Per conversation</h3>
          <FiguresTable
            label="Spend per conversation"
            first="Conversation"
            rows={summary.conversations.map((c) => ({
              ...c,
              key: String(c.conversationId),
              name: (
                <button type="button" className="link" onClick={() => open(c.conversationId)}>
                  <CustomerText text={c.title} />
                </button>
              ),
            }))}
          />
        </div>
        <div>
          <h3>Per month</h3>
          <FiguresTable label="Spend per month" first="Month" rows={summary.months.map((m) => ({ ...m, key: m.month, name: monthWords(m.month) }))} />
          <h3>Per day</h3>
          <FiguresTable label="Spend per day" first="Day" rows={busyDays.map((d) => ({ ...d, key: d.date, name: dayWords(d.date) }))} />
          {busyDays.length > 0 && busyDays.length < summary.days.length && <p className="muted hint">Days with nothing sent are left out.</p>}
        </div>
      </div>
    </>
  );
}

/** Messages, texts and cost by whatever the first column names; a note instead when there is nothing. */
function FiguresTable({ label, first, rows }: { label: string; first: string; rows: Array<SpendFigures & { key: string; name: ReactNode }> }) {
  if (rows.length === 0) return <p className="muted">Nothing was sent in this range.</p>;
  return (
    <table className="spend-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col">Messages</th>
          <th scope="col">Texts</th>
          <th scope="col">Cost</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.name}</th>
            <td>{r.messages.toLocaleString()}</td>
            <td>{r.texts.toLocaleString()}</td>
            <td>{r.cost}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One bar per day, heights relative to the dearest day. Drawn in percentages
 * of the SVG's own box, so it fills any width without a viewBox stretching
 * it; each bar says its day and figures to assistive technology and on hover.
 */
function DayChart({ summary }: { summary: SpendSummary }) {
  const { days } = summary;
  const top = days.reduce((best, d) => (d.units > (best?.units ?? 0) ? d : best), null as (typeof days)[number] | null);
  const slot = 100 / days.length;
  return (
    <>
      <svg className="day-chart" role="group" aria-label={`Cost per day, ${dayWords(summary.from)} to ${dayWords(summary.to)}`} width="100%" height="120">
        {days.map((d, i) => {
          const height = top && d.units > 0 ? Math.max(2, (d.units / top.units) * 100) : 0;
          const label = `${dayWords(d.date)}: ${describe(d)}`;
          return (
            <rect key={d.date} className="bar" role="img" aria-label={label} x={`${i * slot + slot * 0.15}%`} width={`${slot * 0.7}%`} y={`${100 - height}%`} height={`${height}%`}>
              <title>{label}</title>
            </rect>
          );
        })}
        <line className="axis" x1="0" x2="100%" y1="100%" y2="100%" />
      </svg>
      <div className="chart-scale muted" aria-hidden="true">
        <span>{dayWords(summary.from)}</span>
        <span>{top ? `Highest: ${top.cost} (${dayWords(top.date)})` : 'Nothing sent'}</span>
        <span>{dayWords(summary.to)}</span>
      </div>
    </>
  );
}
