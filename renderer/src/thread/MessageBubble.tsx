// One message, as the core describes it: its state's words and tone, the
// reason it failed or waits, and what may be done with it. Bodies are text
// nodes: React never interprets them as markup, and nothing in them becomes a
// link that opens inside the app.
import { useMemo } from 'react';
import type { Message, MessageAction } from '../../../shared/contract';
import type { SearchTerm } from '../../../shared/find-words';
import { confirmAction } from '../app/dialogs';
import { MessagePicture } from './MessagePicture';
import { markFound } from './find-marks';
import { formatWhen } from './SchedulePanel';
import { useThread } from './thread-store';
import { clockTime } from './time';
import { Revealed } from '../app/CustomerText';
import { withDirectionMarksShown } from '../../../shared/bidi-controls';

const ACTION_LABELS: Record<MessageAction, string> = {
  cancel: 'Cancel',
  edit: 'Edit',
  retry: 'Retry',
  sendAgain: 'Send again',
  delete: 'Delete',
  confirmOptOut: 'Opt out this number',
  dismissStopRequest: 'Not a stop request',
};

/** What a message's button does; an error shows in the thread's banner (see thread-store). */
async function act(m: Message, action: MessageAction): Promise<unknown> {
  const thread = useThread.getState();
  if (action === 'cancel') return thread.cancelScheduled(m.id);
  if (action === 'edit') return thread.startEdit(m);
  if (action === 'retry') return thread.retry(m.id);
  if (action === 'delete') return thread.discard(m.id);
  if (action === 'dismissStopRequest') return thread.dismissStopRequest(m.id);
  if (action === 'confirmOptOut') {
    const yes = await confirmAction({
      title: 'Stop texting this number?',
      message: `“${withDirectionMarksShown(m.body)}” reads like a request to stop. Nothing more can be sent to ${withDirectionMarksShown(thread.target?.title ?? 'this number')} until they text START or you opt them back in.`,
      confirmLabel: 'Opt out',
      dismissLabel: 'Keep texting',
    });
    return yes ? thread.changeOptOut(true, 'Asked to stop in a reply') : null;
  }
  const yes = await confirmAction({
    title: 'Send this message again?',
    message: `A new message with the same text goes to ${withDirectionMarksShown(thread.target?.title ?? m.to ?? 'this number')}, and is charged like any other.`,
    confirmLabel: 'Send again',
    dismissLabel: 'Don’t send',
  });
  return yes ? thread.sendAgain(m.id) : null;
}

/** A text with the words found marked (find in the thread); the pieces are text nodes. */
function Found({ text, terms }: { text: string; terms: readonly SearchTerm[] | null }) {
  const pieces = useMemo(() => (terms ? markFound(text, terms) : null), [text, terms]);
  return (
    <bdi>
      {pieces ? pieces.map((piece, i) => (piece.match ? <mark key={i}><Revealed text={piece.text} /></mark> : <Revealed key={i} text={piece.text} />)) : <Revealed text={text} />}
    </bdi>
  );
}

/** `found`: the terms of find in the thread when this message is one of its hits, to mark them. */
export function MessageBubble({ message: m, focused, found = null }: { message: Message; focused: boolean; found?: readonly SearchTerm[] | null }) {
  const shownTime = m.waitingUntil ?? m.createdAt;
  return (
    <div className={`bubble ${m.direction} tone-${m.tone}${focused ? ' focused' : ''}${m.picture ? ' picture' : ''}`}>
      {m.picture && <MessagePicture id={m.id} status={m.status} subject={m.picture.subject} />}
      {m.picture?.subject && (
        <p className="subject">
          <Found text={m.picture.subject} terms={found} />
        </p>
      )}
      {m.body && (
        <p className="body">
          <Found text={m.body} terms={found} />
        </p>
      )}
      <span className="meta">
        <time dateTime={new Date(shownTime).toISOString()} title={new Date(shownTime).toLocaleString()}>
          {m.waitingUntil !== null ? `Scheduled for ${formatWhen(m.waitingUntil)}` : clockTime(shownTime)}
        </time>
        {m.statusLabel && m.waitingUntil === null && (
          <span className="status" title={m.statusText ?? undefined}>
            {' · '}
            {m.statusLabel}
          </span>
        )}
      </span>
      {m.problem && <span className="failure">{m.problem}</span>}
      {m.actions.length > 0 && (
        <span className="actions">
          {m.actions.map((action) => (
            <button key={action} type="button" className="link" onClick={() => void act(m, action)}>
              {ACTION_LABELS[action]}
            </button>
          ))}
        </span>
      )}
    </div>
  );
}
