// The words for an opt-out, shown where the composer would be and in every
// refusal: when and how the number opted out, and that sending is blocked.
import type { OptOutRecord } from '../cache/opt-outs';

/** "30 Nov, 09:14": how the core dates what it tells the user about opt-outs. */
export const when = (at: number): string =>
  new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(at);

export function optOutNotice(record: OptOutRecord): string {
  const how =
    record.how === 'reply'
      ? `Replied STOP on ${when(record.changedAt)}.`
      : record.how === 'clicksend-list'
        ? `In the ClickSend opt-out list since ${when(record.changedAt)}.`
        : `Opted out by hand on ${when(record.changedAt)}${record.note ? ` (${record.note})` : ''}.`;
  return `${how} Messages to this number are blocked.`;
}

/** A number back in by hand, on the record in its thread: when, and the note of why. */
export function optInNote(record: OptOutRecord): string | null {
  if (record.optedOut || record.how !== 'by-hand') return null;
  return `Opted back in by hand on ${when(record.changedAt)}${record.note ? `: ${record.note}` : ''}.`;
}
