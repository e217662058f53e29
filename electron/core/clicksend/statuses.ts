// ClickSend reports state in several vocabularies (history status words,
// receipt status codes). This maps them onto the app's one status list.
import type { MessageStatus } from '../../../shared/contract';

const historyWords: Record<string, MessageStatus> = {
  queued: 'Queued',
  waitapproval: 'Queued',
  scheduled: 'Scheduled',
  sent: 'Sent',
  completed: 'Sent',
  delivered: 'Delivered',
  undelivered: 'Undelivered',
  failed: 'Failed',
  cancelled: 'Cancelled',
  cancelledafterreview: 'Cancelled',
  received: 'Received',
};

/** Receipt status codes: 2xx delivered, 3xx not delivered. */
function fromStatusCode(code: string | null): MessageStatus | null {
  if (!code) return null;
  if (/^20[1-9]$/.test(code)) return 'Delivered';
  if (/^3\d\d$/.test(code)) return 'Undelivered';
  return null;
}

export function statusFromHistory(status: string, statusCode: string | null): MessageStatus {
  const word = historyWords[status.toLowerCase()] ?? 'Queued';
  if (word === 'Failed' || word === 'Cancelled' || word === 'Received') return word;
  return fromStatusCode(statusCode) ?? word;
}

export function statusFromReceipt(status: string | null, statusCode: string | null): MessageStatus {
  const word = status ? historyWords[status.toLowerCase()] : undefined;
  return word ?? fromStatusCode(statusCode) ?? 'Sent';
}

// Statuses only move forward; a late or repeated report never moves one back.
const rank: Record<MessageStatus, number> = {
  Pending: 0,
  Scheduled: 1,
  Queued: 2,
  Sent: 3,
  Delivered: 4,
  Undelivered: 4,
  Failed: 4,
  Cancelled: 4,
  Received: 4,
};

export function isForward(from: MessageStatus, to: MessageStatus): boolean {
  return rank[to] > rank[from];
}
