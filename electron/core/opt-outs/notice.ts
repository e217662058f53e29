// The words for an opt-out, shown where the composer would be and in every
// refusal: when and how the number opted out, and that sending is blocked.
import type { OptOutRecord } from '../cache/opt-outs';
import { dayAndTime } from '../day-and-time';

export function optOutNotice(record: OptOutRecord): string {
  const how =
    record.how === 'reply'
      ? `Replied STOP on ${dayAndTime(record.changedAt)}.`
      : record.how === 'clicksend-list'
        ? `In the ClickSend opt-out list since ${dayAndTime(record.changedAt)}.`
        : `Opted out by hand on ${dayAndTime(record.changedAt)}${record.note ? ` (${record.note})` : ''}.`;
  return `${how} Messages to this number are blocked.`;
}

/** A number back in by hand, on the record in its thread: when, and the note of why. */
export function optInNote(record: OptOutRecord): string | null {
  if (record.optedOut || record.how !== 'by-hand') return null;
  return `Opted back in by hand on ${dayAndTime(record.changedAt)}${record.note ? `: ${record.note}` : ''}.`;
}
