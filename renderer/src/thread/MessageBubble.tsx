// One message. Bodies are text nodes: React never interprets them as markup,
// and nothing in them is turned into a link that opens inside the app.
import type { Message } from '../../../shared/contract';
import { useThread } from './thread-store';
import { formatWhen } from './SchedulePanel';
import { clockTime } from './time';

/** The word shown for an outbound message's state. */
export function statusWord(m: Message): string {
  if (m.status !== 'Pending') return m.status;
  if (m.outboxState === 'waiting') return 'Waiting to send';
  if (m.outboxState === 'unknown') return 'Checking';
  return 'Sending';
}

export function MessageBubble({ message: m, focused }: { message: Message; focused: boolean }) {
  const retry = useThread((s) => s.retry);
  const discard = useThread((s) => s.discard);
  const cancelScheduled = useThread((s) => s.cancelScheduled);
  const startEdit = useThread((s) => s.startEdit);
  const waitingForItsTime = m.scheduledAt !== null && (m.status === 'Scheduled' || (m.status === 'Pending' && m.outboxState === 'waiting'));
  const status = m.direction === 'out' ? statusWord(m) : null;
  const unsent = m.messageId === null && (m.status === 'Failed' || m.outboxState === 'waiting');
  const shownTime = waitingForItsTime ? m.scheduledAt! : m.createdAt;
  return (
    <div className={`bubble ${m.direction}${focused ? ' focused' : ''}`}>
      <p className="body">{m.body}</p>
      <span className="meta muted">
        <time dateTime={new Date(shownTime).toISOString()} title={new Date(shownTime).toLocaleString()}>
          {waitingForItsTime ? `Scheduled for ${formatWhen(shownTime)}` : clockTime(shownTime)}
        </time>
        {status && m.status !== 'Scheduled' && (
          <span className={`status ${m.status.toLowerCase()}`} title={m.statusText ?? undefined}>
            {' · '}
            {status}
          </span>
        )}
      </span>
      {(m.status === 'Failed' || m.status === 'Undelivered' || m.outboxState === 'waiting') && m.statusText && (
        <span className="failure">{m.statusText}</span>
      )}
      {waitingForItsTime && (
        <span className="actions">
          <button type="button" className="link" onClick={() => void cancelScheduled(m.id)}>
            Cancel
          </button>
          <button type="button" className="link" onClick={() => startEdit(m)}>
            Edit
          </button>
        </span>
      )}
      {unsent && !waitingForItsTime && (
        <span className="actions">
          {m.status === 'Failed' && (
            <button type="button" className="link" onClick={() => void retry(m.id)}>
              Retry
            </button>
          )}
          <button type="button" className="link" onClick={() => void discard(m.id)}>
            Delete
          </button>
        </span>
      )}
    </div>
  );
}
