// What a message means to the user, decided once, here: the words for its
// state, how it should look, which reason to show, and what may be done with
// it. The renderer draws these and computes none of them; the outbox and the
// scheduled sends check the same actions before acting.
import type { Message, MessageAction, MessageStatus, StatusTone } from '../../../shared/contract';
/** What the cache knows of a message, before it is described. */
export type StoredMessage = Omit<Message, 'statusLabel' | 'tone' | 'problem' | 'actions' | 'waitingUntil'> & {
  /** A reply that reads like a request to stop, still waiting for the owner to decide (cache/stop-requests.ts). */
  asksToStop: boolean;
};

/** The one table of status words. Pending has three, by the outbox's state. */
const WORDS: Record<MessageStatus, string> = {
  Pending: 'Sending',
  Scheduled: 'Scheduled',
  Queued: 'Queued',
  Sent: 'Sent',
  Delivered: 'Delivered',
  Undelivered: 'Not delivered',
  Failed: 'Failed',
  Cancelled: 'Cancelled',
  Received: 'Received',
};

const TONES: Record<MessageStatus, StatusTone> = {
  Pending: 'pending',
  Scheduled: 'pending',
  Queued: 'pending',
  Sent: 'neutral',
  Delivered: 'good',
  Undelivered: 'bad',
  Failed: 'bad',
  Cancelled: 'muted',
  Received: 'neutral',
};

export function statusLabel(status: MessageStatus, outboxState: Message['outboxState'] = null): string {
  if (status === 'Pending' && outboxState === 'waiting') return 'Waiting to send';
  if (status === 'Pending' && outboxState === 'unknown') return 'Checking';
  return WORDS[status];
}

export function statusTone(status: MessageStatus): StatusTone {
  return TONES[status];
}

/** Waiting for its time: at ClickSend, or in the outbox with a schedule. */
function waitingForItsTime(m: StoredMessage): boolean {
  return m.scheduledAt !== null && (m.status === 'Scheduled' || (m.status === 'Pending' && m.outboxState === 'waiting'));
}

/**
 * - retry: ClickSend never accepted it (Failed, no message id): the same message again, under a new custom_string.
 * - sendAgain: ClickSend accepted it but it did not arrive: a new message with the same text (charged again).
 * - delete: never reached ClickSend, so it can simply go.
 * - cancel / edit: waiting for its time.
 * - confirmOptOut / dismissStopRequest: a reply that reads like a request to
 *   stop without being a keyword, until the number's opt-out is decided.
 */
export function messageActions(m: StoredMessage): MessageAction[] {
  // "please stop texting me": not a keyword, so the owner decides, in one click either way.
  if (m.direction === 'in') return m.asksToStop ? ['confirmOptOut', 'dismissStopRequest'] : [];
  if (waitingForItsTime(m)) return ['cancel', 'edit'];
  const neverAccepted = m.messageId === null;
  if (neverAccepted && m.status === 'Failed') return ['retry', 'delete'];
  if (neverAccepted && m.outboxState === 'waiting') return ['delete'];
  if (!neverAccepted && (m.status === 'Failed' || m.status === 'Undelivered')) return ['sendAgain'];
  return [];
}

/** The reason worth showing under a message: why it failed, or why it waits. */
function problemOf(m: StoredMessage): string | null {
  if (m.direction === 'in' || !m.statusText) return null;
  if (m.status === 'Failed' || m.status === 'Undelivered') return m.statusText;
  if (m.status === 'Pending' && m.outboxState === 'waiting') return m.statusText;
  return null;
}

/** asksToStop is said through the actions; it is no field of the contract's Message. */
const contractFields = ({ asksToStop: _said, ...stored }: StoredMessage) => stored;

export function describeMessage(m: StoredMessage): Message {
  return {
    ...contractFields(m),
    // A reply carries no delivery state of ours.
    statusLabel: m.direction === 'in' ? null : statusLabel(m.status, m.outboxState),
    tone: m.direction === 'in' ? 'neutral' : statusTone(m.status),
    problem: problemOf(m),
    actions: messageActions(m),
    waitingUntil: waitingForItsTime(m) ? m.scheduledAt : null,
  };
}

/**
 * Whether a message has gone out or come in (or is going now, or failed to
 * go), and so places its conversation in the list: not one still waiting for
 * a future time, nor one cancelled before it went. (A conversation holding
 * only such messages is placed when it was first seen.) The same rule in SQL
 * is goneOutOrComeInSql.
 */
export function hasGoneOutOrComeIn(status: MessageStatus, scheduledAt: number | null): boolean {
  return status !== 'Scheduled' && status !== 'Cancelled' && !(status === 'Pending' && scheduledAt !== null);
}

export function goneOutOrComeInSql(alias: string): string {
  return `(${alias}.status NOT IN ('Scheduled', 'Cancelled') AND NOT (${alias}.status = 'Pending' AND ${alias}.scheduled_at IS NOT NULL))`;
}

/** Whether a described message allows this action (its actions, as the window got them). */
export function allows(m: Message, action: MessageAction): boolean {
  return m.actions.includes(action);
}
