// Sending, for one account. A message is stored first (Pending) with a
// client-generated custom_string; ClickSend's answer moves it on. If the
// answer is lost, the message stays Pending and is never sent again blindly:
// reconcile() looks for its custom_string in history and either completes it
// or, once ClickSend has had time to show it and has not, marks it Failed so
// the user can retry. Nothing is ever sent twice by the app.
import { randomUUID } from 'node:crypto';
import type { Message } from '../../../shared/contract';
import { normaliseNumber } from '../../../shared/phone-numbers';
import type { ClickSendClient } from '../clicksend/client';
import { ClickSendError } from '../clicksend/errors';
import { recipientOutcomes } from '../clicksend/send-outcomes';
import type { Db } from '../cache/database';
import {
  customStringOf,
  deleteLocalMessage,
  getMessage,
  ingestMessages,
  listUnconfirmedSends,
  restartSend,
  setLocalStatus,
  type IngestResult,
} from '../cache/messages';
import { InboxError } from '../contract/inbox-error';
import { fromHistory } from '../sync/incoming';

export interface OutboxOptions {
  db: Db;
  client: ClickSendClient;
  changes(result: IngestResult): void;
  defaultCountry?: string;
  /** How long ClickSend may take to show a message in history before its absence means it was not sent. */
  confirmWithinMs?: number;
  now?: () => number;
}

const NOT_SENT = 'ClickSend has no record of this message, so it was not sent. Retry or delete it.';
const UNCONFIRMED = 'Not confirmed yet. The app is checking with ClickSend before doing anything else.';

export class Outbox {
  private readonly inFlight = new Set<number>();
  private readonly now: () => number;

  constructor(private readonly options: OutboxOptions) {
    this.now = options.now ?? Date.now;
  }

  async send(to: string, body: string): Promise<Message> {
    const number = normaliseNumber(to, this.options.defaultCountry);
    if (!number.ok) throw new InboxError('INVALID_NUMBER', number.reason, null);
    if (body.trim() === '') throw new InboxError('EMPTY_MESSAGE', 'The message is empty.', 'Type a message before sending.');
    const stored = ingestMessages(this.options.db, [
      {
        messageId: null,
        customString: newCustomString(),
        direction: 'out',
        body,
        from: null,
        to: number.e164,
        status: 'Pending',
        statusCode: null,
        statusText: null,
        createdAt: this.now(),
        scheduledAt: null,
        parts: null,
        price: null,
        unread: false,
      },
    ]);
    this.options.changes(stored);
    return this.submit(stored.added[0]!.id);
  }

  /** Only a message ClickSend never accepted may be sent again, under a new custom_string. */
  async retry(id: number): Promise<Message> {
    const message = getMessage(this.options.db, id);
    if (!message || message.direction !== 'out') throw new InboxError('NOT_FOUND', 'That message no longer exists.', null);
    if (message.status !== 'Failed' || message.messageId !== null) {
      throw new InboxError('NOT_RETRYABLE', 'Only a message that was not sent can be retried.', null);
    }
    const restarted = restartSend(this.options.db, id, newCustomString(), this.now());
    this.publish(restarted);
    return this.submit(id);
  }

  discard(id: number): void {
    const message = getMessage(this.options.db, id);
    if (!message) return;
    if (message.status !== 'Failed' || message.messageId !== null) {
      throw new InboxError('NOT_DELETABLE', 'Only a message that was not sent can be deleted here.', null);
    }
    deleteLocalMessage(this.options.db, id);
    this.options.changes({ added: [], changed: [], conversationIds: [message.conversationId] });
  }

  /** Settles sends whose answer was lost, from history. Called each sync pass. */
  async reconcile(signal?: AbortSignal): Promise<void> {
    const confirmWithin = this.options.confirmWithinMs ?? 120_000;
    for (const pending of listUnconfirmedSends(this.options.db)) {
      if (this.inFlight.has(pending.id)) continue;
      let found = null;
      const since = Math.floor(pending.createdAt / 1000) - 300;
      for await (const rows of this.options.client.history({ q: `custom_string:${pending.customString}`, date_from: since }, signal)) {
        // Filtered again here: the search is a hint, the custom_string is the proof.
        found = rows.find((row) => row.custom_string === pending.customString && row.direction === 'out') ?? null;
        if (found) break;
      }
      if (found) {
        this.options.changes(ingestMessages(this.options.db, [fromHistory(found, false)]));
      } else if (this.now() - pending.createdAt > confirmWithin) {
        this.publish(setLocalStatus(this.options.db, pending.id, 'Failed', NOT_SENT));
      }
    }
  }

  private async submit(id: number): Promise<Message> {
    const local = getMessage(this.options.db, id)!;
    const customString = customStringOf(this.options.db, id)!;
    this.inFlight.add(id);
    try {
      const answer = await this.options.client.sendSms([{ to: local.to!, body: local.body, custom_string: customString }]);
      const [outcome] = recipientOutcomes(answer);
      if (!outcome) return this.fail(id, 'ClickSend did not report on this message.');
      if (outcome.error) return this.fail(id, [outcome.error.message, outcome.error.action].filter(Boolean).join(' '));
      const accepted = ingestMessages(this.options.db, [
        {
          messageId: outcome.messageId,
          customString,
          direction: 'out',
          body: local.body,
          from: outcome.from,
          to: local.to,
          status: 'Queued',
          statusCode: null,
          statusText: null,
          createdAt: local.createdAt,
          scheduledAt: null,
          parts: outcome.parts,
          price: outcome.price,
          unread: false,
        },
      ]);
      this.options.changes(accepted);
      return accepted.changed[0] ?? getMessage(this.options.db, id)!;
    } catch (error) {
      if (error instanceof ClickSendError && (error.isConnectivity || error.kind === 'invalid-response')) {
        // Outcome unknown: it may have been sent. Keep it Pending for reconcile().
        return this.publish(setLocalStatus(this.options.db, id, 'Pending', UNCONFIRMED))!;
      }
      if (error instanceof ClickSendError) {
        const { message, action } = error.toUserError();
        return this.fail(id, [message, action].filter(Boolean).join(' '));
      }
      throw error;
    } finally {
      this.inFlight.delete(id);
    }
  }

  private fail(id: number, reason: string): Message {
    return this.publish(setLocalStatus(this.options.db, id, 'Failed', reason))!;
  }

  private publish(message: Message | null): Message | null {
    if (message) this.options.changes({ added: [], changed: [message], conversationIds: [message.conversationId] });
    return message;
  }
}

function newCustomString(): string {
  return `inbox-${randomUUID()}`;
}
