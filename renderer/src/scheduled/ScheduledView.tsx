// Every message waiting for its time, across conversations, soonest first,
// with Cancel and Edit each, and Cancel all behind a confirmation.
import { Image } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { confirmAction } from '../app/dialogs';
import { ErrorBanner } from '../app/ErrorBanner';
import type { ScheduledMessage, UserError } from '../../../shared/contract';
import { withDirectionMarksShown } from '../../../shared/bidi-controls';
import { call, describeError, subscribe } from '../bridge/inbox-client';
import { useConversations } from '../conversations/conversations-store';
import { useInbox } from '../store/inbox-store';
import { formatWhen, userTimeZone } from '../thread/SchedulePanel';
import { useThread } from '../thread/thread-store';
import { CustomerText } from '../app/CustomerText';

export function ScheduledView() {
  const [items, setItems] = useState<ScheduledMessage[] | null>(null);
  const [error, setError] = useState<UserError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  // Bumped by every change to messages; each bump reloads the list.
  const [version, setVersion] = useState(0);
  const load = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let current = true;
    call('messages.scheduled', {}).then(
      (list) => current && setItems(list),
      (e: unknown) => current && setError(describeError(e)),
    );
    return () => {
      current = false;
    };
  }, [version]);

  useEffect(() => {
    const offAdded = subscribe('messages.added', load);
    const offChanged = subscribe('messages.statusChanged', load);
    return () => {
      offAdded();
      offChanged();
    };
  }, [load]);

  const cancel = async (m: ScheduledMessage) => {
    setError(null);
    setNotice(null);
    try {
      await call('messages.cancel', { id: m.id });
      setNotice(`Cancelled the message to ${withDirectionMarksShown(m.title)}.`);
    } catch (e) {
      setError(describeError(e));
    }
    load();
  };

  const cancelAll = async () => {
    if (!items?.length) return;
    const yes = await confirmAction({
      title: items.length === 1 ? 'Cancel the scheduled message?' : `Cancel all ${items.length} scheduled messages?`,
      message: 'ClickSend will not send them, including any scheduled on the dashboard. This cannot be undone.',
      confirmLabel: items.length === 1 ? 'Cancel it' : `Cancel all ${items.length}`,
      dismissLabel: items.length === 1 ? 'Keep it' : 'Keep them',
      danger: true,
    });
    if (!yes) return;
    setError(null);
    try {
      const { count } = await call('messages.cancelAll', {});
      setNotice(count === 1 ? 'Cancelled 1 scheduled message.' : `Cancelled ${count} scheduled messages.`);
    } catch (e) {
      setError(describeError(e));
    }
    load();
  };

  const edit = async (m: ScheduledMessage) => {
    useInbox.getState().setView('conversations');
    await useConversations.getState().setFilter('all');
    await useConversations.getState().select(m.conversationId);
    useThread.getState().startEdit(m);
  };

  return (
    <section className="scheduled-view" aria-label="Scheduled messages">
      <header className="thread-header">
        <h2 className="thread-title">Scheduled</h2>
        <span className="muted">Times in {userTimeZone()}</span>
        <button type="button" className="secondary danger" disabled={!items?.length} onClick={() => void cancelAll()}>
          Cancel all
        </button>
      </header>
      <ErrorBanner error={error} />
      {notice && <p role="status">{notice}</p>}
      {items === null ? (
        <p className="empty muted">Loading…</p>
      ) : items.length === 0 ? (
        <p className="empty muted">Nothing is scheduled. Use Schedule in a conversation to send a message later.</p>
      ) : (
        <ol className="plain-list scheduled-list">
          {items.map((m) => (
            <li key={m.id} className="scheduled-item">
              <div>
                <strong>
                  <CustomerText text={m.title} />
                </strong> <span className="muted">· {formatWhen(m.scheduledAt ?? m.createdAt)}</span>
                {m.outboxState === 'waiting' && <span className="muted"> · waiting for a connection</span>}
                <p className="body">
                  {m.picture && (
                    <span className="muted">
                      <Image className="picture-icon" aria-label="Picture message" size={14} /> {m.picture.subject} ·{' '}
                    </span>
                  )}
                  <CustomerText text={m.body} />
                </p>
              </div>
              <div className="form-actions">
                <button type="button" className="secondary" onClick={() => void cancel(m)}>
                  Cancel
                </button>
                <button type="button" className="secondary" onClick={() => void edit(m)}>
                  Edit
                </button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
