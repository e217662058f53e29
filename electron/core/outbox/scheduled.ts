// Scheduled sends: the list, cancelling one or all, and editing (cancel, then
// schedule anew). What the app shows must be what ClickSend will do, so a
// cancel that fails is checked against history and the real state shown.
import type { Message, ScheduledMessage } from '../../../shared/contract';
import type { ClickSendClient } from '../clicksend/client';
import { ClickSendError } from '../clicksend/errors';
import type { Db } from '../cache/database';
import { conversationTitle } from '../cache/conversations';
import { getMessage, listScheduled } from '../cache/messages';
import { applyStatusReports, cancelAllScheduledLocally, ingestMessages, type IngestResult } from '../cache/ingest';
import { cancelLocalSend, getOutboxEntry, listOutbox } from '../cache/outbox';
import { InboxError } from '../errors/inbox-error';
import { dayAndTime } from '../day-and-time';
import { allows } from '../messages/rules';
import { KINDS, historyOf, kindOf, messageOf, type Kind } from '../messages/kinds';
import type { Outbox } from './outbox';

export class ScheduledSends {
  constructor(
    private readonly db: Db,
    private readonly client: ClickSendClient,
    private readonly outbox: Outbox,
    private readonly changes: (result: IngestResult) => void,
  ) {}

  list(): ScheduledMessage[] {
    return listScheduled(this.db).map(({ phone, contact_name, ...message }) => ({ ...message, phone, title: conversationTitle(contact_name, phone) }));
  }

  /**
   * The number opted out: everything scheduled to it is cancelled, at
   * ClickSend too. Says which, in words, for the user; null when there was none.
   */
  async cancelForOptOut(phone: string): Promise<string | null> {
    const toCancel = this.list().filter((m) => m.phone === phone);
    if (toCancel.length === 0) return null;
    const cancelled: string[] = [];
    const stillScheduled: string[] = [];
    for (const m of toCancel) {
      const described = `“${m.body.length > 40 ? `${m.body.slice(0, 40)}…` : m.body}” (${dayAndTime(m.scheduledAt ?? m.createdAt)})`;
      try {
        await this.cancel(m.id);
        cancelled.push(described);
      } catch {
        stillScheduled.push(described);
      }
    }
    return [
      `${toCancel[0]!.title} opted out.`,
      cancelled.length ? `Cancelled at ClickSend: ${cancelled.join(', ')}.` : '',
      stillScheduled.length ? `Could not cancel ${stillScheduled.join(', ')}: cancel ${stillScheduled.length === 1 ? 'it' : 'them'} from the Scheduled view, or it will be sent.` : '',
    ].filter(Boolean).join(' ');
  }

  async cancel(id: number): Promise<Message> {
    const message = getMessage(this.db, id);
    if (!message) throw new InboxError('NOT_FOUND', 'That message no longer exists.', null);
    if (message.messageId === null) return this.cancelInOutbox(message);
    if (!allows(message, 'cancel')) {
      throw new InboxError('NOT_SCHEDULED', `This message is ${message.status.toLowerCase()}, not scheduled: there is nothing to cancel.`, null);
    }
    try {
      await kindOf(message).cancel(this.client, message.messageId);
    } catch (error) {
      if (!(error instanceof ClickSendError)) throw error;
      if (error.isConnectivity) {
        throw new InboxError('OFFLINE', 'ClickSend could not be reached, so the message is still scheduled.', 'Try again when the app is back online.');
      }
      // Refused: most likely too late. Ask history what really happened.
      await this.recheck(message.messageId, kindOf(message));
      const now = getMessage(this.db, id);
      if (now && now.status !== 'Scheduled') {
        throw new InboxError(
          'TOO_LATE',
          now.status === 'Cancelled'
            ? 'This message had already been cancelled (perhaps on the dashboard).'
            : `Too late to cancel: ClickSend has already sent this message (it is now ${now.status.toLowerCase()}).`,
          null,
        );
      }
      throw error;
    }
    const result = applyStatusReports(this.db, [{ messageId: message.messageId, status: 'Cancelled', statusCode: null, statusText: 'Cancelled from the app.' }]);
    this.changes(result);
    return getMessage(this.db, id)!;
  }

  /** Each kind's cancel-all cancels every scheduled message of that kind at the account, wherever it was scheduled. */
  async cancelAll(): Promise<{ count: number }> {
    let count = 0;
    for (const entry of listOutbox(this.db, 'waiting')) {
      if (entry.schedule === null) continue;
      this.publish(cancelLocalSend(this.db, entry.id));
      count++;
    }
    // Every kind is asked, and what one cancelled is recorded as it comes: a
    // refusal of the other never shows its messages as still scheduled.
    const failed: Array<{ kind: Kind; error: ClickSendError }> = [];
    for (const kind of KINDS) {
      try {
        count += (await kind.cancelAll(this.client)).count;
      } catch (error) {
        if (!(error instanceof ClickSendError)) throw error;
        failed.push({ kind, error });
        // Unreachable now is unreachable for the next kind too: not a second time-out's wait.
        if (error.isConnectivity) break;
        continue;
      }
      this.changes(cancelAllScheduledLocally(this.db, kind.name));
    }
    const [first] = failed;
    if (!first) return { count };
    const offline = failed.find((f) => f.error.isConnectivity);
    if (count === 0 && !offline) throw first.error;
    const done = count > 0 ? `Cancelled ${count} scheduled message${count === 1 ? '' : 's'}. ` : '';
    if (offline) {
      throw new InboxError('OFFLINE', `${done}ClickSend could not be reached, so ${offline.kind.scheduledWords} are still scheduled.`, 'Try again when the app is back online.');
    }
    const words = first.error.toUserError();
    const still = first.kind.scheduledWords.replace(/^t/, 'T');
    throw new InboxError('NOT_ALL_CANCELLED', `${done}${still} are still scheduled: ${words.message}`, words.action);
  }

  /** Edit: the new time and text are checked first, then the old message cancelled; only then is the new one scheduled. */
  async reschedule(id: number, body: string, schedule: number): Promise<Message> {
    this.outbox.checkSchedule(schedule);
    const message = getMessage(this.db, id);
    if (!message?.to) throw new InboxError('NOT_FOUND', 'That message no longer exists.', null);
    // By the message's own kind: the contract holds an edit to SMS rules, and a picture message's text is shorter.
    this.outbox.checkText(body, message.picture?.subject ?? null);
    // Before cancelling: an edit to an opted-out number must not lose the message and then be refused.
    this.outbox.refuseOptedOut(message.to);
    await this.cancel(id);
    return this.outbox.sendLike(message, body, schedule);
  }

  private cancelInOutbox(message: Message): Message {
    const entry = getOutboxEntry(this.db, message.id);
    if (entry?.state !== 'waiting') {
      throw new InboxError('BUSY', 'This message is being handed to ClickSend right now.', 'Try again in a moment.');
    }
    return this.publish(cancelLocalSend(this.db, message.id))!;
  }

  private async recheck(messageId: string, kind: Kind): Promise<void> {
    try {
      for await (const rows of historyOf(kind, this.client, { q: `message_id:${messageId}` })) {
        const row = rows.find((r) => r.message_id === messageId);
        if (row) return this.changes(ingestMessages(this.db, [messageOf(kind, row)]));
      }
    } catch {
      // The cancel's own error says enough.
    }
  }

  private publish(message: Message | null): Message | null {
    if (message) this.changes({ added: [], changed: [message], conversationIds: [message.conversationId] });
    return message;
  }
}
