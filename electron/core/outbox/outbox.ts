// Sending, for one account, exactly once. A send is first stored with its
// outbox entry and a client-generated custom_string (see cache/outbox.ts),
// then handed to ClickSend. What happens next depends on what is known:
// - accepted or refused: the message moves on and leaves the outbox;
// - the request never reached ClickSend (offline): it waits, and goes out by
//   itself on a later pass, in order;
// - the answer was lost (time-out, dropped connection, 5xx, a crash): it may
//   have been sent, so it is looked for in history by custom_string before
//   anything else. Found: done. Absent after a grace period (history shows a
//   message within seconds): it was not sent, so it waits to go again, at most
//   three submissions in all; then it becomes Failed and the user decides.
//   An answer ClickSend sent but this app could not read is settled the same
//   way, but never submitted again: it fails with why once proven absent.
import { randomUUID } from 'node:crypto';
import type { Message } from '../../../shared/contract';
import { requirePhoneNumber } from '../numbers/phone-input';
import { optedOut } from '../cache/opt-outs';
import { optOutNotice } from '../opt-outs/notice';
import { conversationKey } from '../../../shared/phone-numbers';
import type { ClickSendClient } from '../clicksend/client';
import { ClickSendError, UNREADABLE_ANSWER as UNREADABLE } from '../clicksend/errors';
import { recipientOutcomes } from '../clicksend/send-outcomes';
import type { Db } from '../cache/database';
import { deleteLocalMessage, getMessage } from '../cache/messages';
import { pictureSource } from '../cache/media';
import { returnFromArchiveOnSend } from '../cache/conversation-flags';
import { type IngestResult } from '../cache/ingest';
import {
  confirmSend,
  failSend,
  getOutboxEntry,
  listOutbox,
  markSubmitting,
  queueSend,
  recordUpload,
  recoverInterruptedSends,
  requeueSend,
  setOutboxState,
  type OutboxEntry,
} from '../cache/outbox';
import { InboxError, inWords } from '../errors/inbox-error';
import { allows } from '../messages/rules';
import { findSent } from './find-sent';
import { pictureTextProblem, subjectProblem } from '../../../shared/picture-messages';
import { scheduleProblem } from '../../../shared/schedule-times';
import { PictureGate } from '../pictures/picture-gate';

export interface OutboxOptions {
  db: Db;
  client: ClickSendClient;
  changes(result: IngestResult): void;
  /** For numbers typed without a country code. */
  defaultCountry?: () => string | undefined;
  /** ClickSend answered a send, accepted or refused: the balance may have moved, or be why it failed. */
  attempted?(): void;
  /** How long ClickSend may take to show a message in history before its absence means it was not sent. */
  confirmWithinMs?: number;
  now?: () => number;
  /** Picture messages: their prepared files are uploaded here, and kept in the media cache once sent. */
  pictures?: PictureUploads;
}

export interface PictureUploads {
  /** Uploads a prepared picture to ClickSend; answers its URL. Pictures refused to the account: throws that, in words. */
  upload(pictureFile: string, signal?: AbortSignal): Promise<string>;
  /** ClickSend took the message: the picture is kept under its URL(s) for showing, offline too. */
  sent(pictureFile: string | null, mediaUrl: string, answerUrl: string | null): void;
  /** Whether ClickSend takes pictures: `require` throws in words while it refuses them; `refusedBy` keeps a send's refusal. */
  readonly gate: Pick<PictureGate, 'require' | 'refusedBy'>;
}

/** A picture message to send: a prepared file (not yet at ClickSend) or a URL ClickSend already has. */
export interface PictureToSend {
  subject: string;
  pictureFile?: string;
  mediaUrl?: string;
}

export const SENDING = 'Sending…';
const SCHEDULING = 'Handing the schedule to ClickSend…';
const MISSED_SCHEDULE =
  'Its scheduled time passed while ClickSend could not be reached, so it was not sent. Retry sends it now; Delete drops it.';
export const WAITING = 'Waiting for a connection. It will be sent by itself when ClickSend can be reached.';
const SIGN_IN_FIRST = 'Waiting: ClickSend no longer accepts the saved key. It will be sent once you sign in again.';
const UNCONFIRMED = 'Not confirmed yet. The app is checking with ClickSend before doing anything else.';
const NOT_SENT = 'ClickSend has no record of this message after several tries, so it was not sent. Retry or delete it.';
const UNREADABLE_CHECKING = `${UNREADABLE} The app is checking with ClickSend whether it was sent.`;
const UNREADABLE_NOT_SENT = `${UNREADABLE} ClickSend has no record of this message, so it was not sent. Retry or delete it.`;
/** Submissions of one send (each proven absent from history before the next). */
const MAX_ATTEMPTS = 3;

export class Outbox {
  private readonly inFlight = new Set<number>();
  private readonly now: () => number;
  private flushing: Promise<void> | null = null;

  constructor(private readonly options: OutboxOptions) {
    this.now = options.now ?? Date.now;
    // Requests cut off by a crash or quit may have reached ClickSend.
    recoverInterruptedSends(options.db);
  }

  /** The text by its kind's rules (a picture message's `subject` given): checked before anything is stored, sent or cancelled. */
  checkText(body: string, subject: string | null): void {
    if (subject === null) {
      if (body.trim() === '') throw new InboxError('EMPTY_MESSAGE', 'The message is empty.', 'Type a message before sending.');
      return;
    }
    const problem = subjectProblem(subject) ?? pictureTextProblem(body);
    if (problem) throw new InboxError('INVALID_PICTURE_MESSAGE', problem, null);
  }

  /**
   * `schedule` (unix seconds) sends it at that time; with a picture, a picture message, which needs a subject and
   * text (ClickSend requires both). Checked before anything is stored or sent.
   */
  async send(to: string, body: string, schedule?: number, picture?: PictureToSend): Promise<Message> {
    this.checkText(body, picture?.subject ?? null);
    if (picture) {
      if (!this.options.pictures || (!picture.pictureFile && !picture.mediaUrl)) {
        throw new InboxError('NO_PICTURE', 'That picture is no longer attached.', 'Attach it again.');
      }
      this.options.pictures.gate.require();
    }
    const e164 = requirePhoneNumber(to, this.options.defaultCountry?.());
    this.checkSchedule(schedule);
    this.refuseOptedOut(e164);
    const stored = queueSend(this.options.db, {
      to: e164,
      body,
      customString: newCustomString(),
      schedule: schedule ?? null,
      now: this.now(),
      statusText: schedule === undefined ? SENDING : SCHEDULING,
      ...(picture ? { picture: { subject: picture.subject.trim(), pictureFile: picture.pictureFile ?? null, mediaUrl: picture.mediaUrl ?? null } } : {}),
    });
    // Writing in an archived conversation brings it back, as a customer's reply does (the change below says so).
    returnFromArchiveOnSend(this.options.db, conversationKey(e164));
    this.options.changes(stored);
    const id = stored.added[0]!.id;
    // Earlier sends still waiting go first, so messages keep their order.
    if (listOutbox(this.options.db, 'waiting').length > 1) {
      await this.flush();
      return getMessage(this.options.db, id)!;
    }
    return this.submit(getOutboxEntry(this.options.db, id)!);
  }

  /** Only a message ClickSend never accepted may be sent again, under a new custom_string. */
  async retry(id: number): Promise<Message> {
    const message = getMessage(this.options.db, id);
    if (!message || message.direction !== 'out') throw new InboxError('NOT_FOUND', 'That message no longer exists.', null);
    if (!allows(message, 'retry')) throw new InboxError('NOT_RETRYABLE', 'Only a message that was not sent can be retried.', null);
    if (message.to) this.refuseOptedOut(message.to);
    this.publish(requeueSend(this.options.db, id, newCustomString(), this.now(), SENDING));
    return this.submit(getOutboxEntry(this.options.db, id)!);
  }

  /**
   * ClickSend took it but it did not arrive (Failed, Undelivered): a new
   * message with the same text to the same number. The old one stays as it
   * was, a record of what happened.
   */
  async sendAgain(id: number): Promise<Message> {
    const message = getMessage(this.options.db, id);
    if (!message?.to || message.direction !== 'out') throw new InboxError('NOT_FOUND', 'That message no longer exists.', null);
    if (!allows(message, 'sendAgain')) {
      throw new InboxError('NOT_SENDABLE_AGAIN', 'Only a message that could not be delivered can be sent again.', null);
    }
    return this.sendLike(message, message.body);
  }

  /** A new message like this one (the same picture and subject, if it had them), with this text. */
  sendLike(message: Message, body: string, schedule?: number): Promise<Message> {
    if (!message.to) throw new InboxError('NOT_FOUND', 'That message no longer exists.', null);
    if (!message.picture) return this.send(message.to, body, schedule);
    const mediaUrl = pictureSource(this.options.db, message.id)?.mediaUrl;
    if (!mediaUrl) throw new InboxError('NO_PICTURE', 'This picture never reached ClickSend, so it cannot be sent again from here.', 'Attach the picture again in a new message.');
    return this.send(message.to, body, schedule, { subject: message.picture.subject ?? '', mediaUrl });
  }

  /** Every path that would text a number asks here first, before ClickSend is asked. */
  refuseOptedOut(phone: string): void {
    const record = optedOut(this.options.db, conversationKey(phone));
    if (record) throw new InboxError('OPTED_OUT', optOutNotice(record), 'If they asked to hear from you again, opt the number back in from its conversation.');
  }

  checkSchedule(schedule: number | undefined): void {
    if (schedule === undefined) return;
    const problem = scheduleProblem(schedule * 1000, this.now());
    if (problem) throw new InboxError('INVALID_SCHEDULE', problem, null);
  }

  discard(id: number): void {
    const message = getMessage(this.options.db, id);
    if (!message) return;
    if (!allows(message, 'delete') || this.inFlight.has(id)) {
      throw new InboxError('NOT_DELETABLE', 'Only a message that was not sent can be deleted here.', null);
    }
    deleteLocalMessage(this.options.db, id);
    this.options.changes({ added: [], changed: [], conversationIds: [message.conversationId] });
  }

  /**
   * Called each sync pass, once history is current: settles lost answers
   * from history, then sends what waited for a connection, oldest first.
   */
  flush(signal?: AbortSignal): Promise<void> {
    this.flushing ??= this.flushOnce(signal).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async flushOnce(signal?: AbortSignal): Promise<void> {
    for (const entry of listOutbox(this.options.db, 'unknown')) {
      if (!this.inFlight.has(entry.id)) await this.reconcile(entry, signal);
    }
    for (const entry of listOutbox(this.options.db, 'waiting')) {
      if (this.inFlight.has(entry.id)) continue;
      // The number opted out while this waited for a connection.
      const stopped = optedOut(this.options.db, conversationKey(entry.to));
      if (stopped) {
        this.publish(failSend(this.options.db, entry.id, `Not sent: ${optOutNotice(stopped)}`));
        continue;
      }
      // Scheduled while offline, and its time came before the connection did.
      if (entry.schedule !== null && entry.schedule * 1000 <= this.now()) {
        this.publish(failSend(this.options.db, entry.id, MISSED_SCHEDULE));
        continue;
      }
      const message = await this.submit(entry);
      // Still unreachable: the rest would fail the same way; keep the order.
      if (getOutboxEntry(this.options.db, message.id)?.state === 'waiting') break;
    }
  }

  private async reconcile(entry: OutboxEntry, signal?: AbortSignal): Promise<void> {
    const since = Math.floor((entry.submittedAt ?? entry.queuedAt) / 1000) - 300;
    const found = await findSent(this.options.client, entry, since, signal);
    if (found) {
      this.options.changes(confirmSend(this.options.db, entry.id, found));
      if (entry.picture && found.picture?.mediaUrl) this.options.pictures?.sent(entry.picture.pictureFile, entry.picture.mediaUrl ?? found.picture.mediaUrl, found.picture.mediaUrl);
    } else if (this.now() - (entry.submittedAt ?? entry.queuedAt) > (this.options.confirmWithinMs ?? 120_000)) {
      // Proven absent, after ClickSend had time to show it: it was not sent,
      // so it may go again, under the same custom_string, a few times at most;
      // not after an answer this app could not read, which would only come again.
      if (entry.answerUnreadable) this.fail(entry.id, UNREADABLE_NOT_SENT);
      else if (entry.attempts < MAX_ATTEMPTS) this.publish(setOutboxState(this.options.db, entry.id, 'waiting', WAITING));
      else this.publish(failSend(this.options.db, entry.id, NOT_SENT));
    }
  }

  private async submit(entry: OutboxEntry): Promise<Message> {
    const { db } = this.options;
    const id = entry.id;
    this.inFlight.add(id);
    let mediaUrl: string | null;
    try {
      mediaUrl = entry.picture ? await this.uploaded(entry) : null;
    } catch (error) {
      this.inFlight.delete(id);
      return this.uploadFailed(id, error);
    }
    try {
      markSubmitting(db, id, this.now());
      const message = { to: entry.to, body: entry.body, custom_string: entry.customString, ...(entry.schedule === null ? {} : { schedule: entry.schedule }) };
      const answer =
        entry.picture && mediaUrl
          ? await this.options.client.sendPicture(mediaUrl, [{ ...message, subject: entry.picture.subject }])
          : await this.options.client.sendSms([message]);
      // ClickSend answered: the balance moved, or may be why it refused.
      this.options.attempted?.();
      const [outcome] = recipientOutcomes(answer);
      if (!outcome) return this.fail(id, 'ClickSend did not report on this message.');
      if (outcome.error) return this.fail(id, inWords(outcome.error));
      const local = getMessage(db, id)!;
      const accepted = confirmSend(db, id, {
        messageId: outcome.messageId,
        customString: entry.customString,
        direction: 'out',
        body: entry.body,
        from: outcome.from,
        to: entry.to,
        status: entry.schedule === null ? 'Queued' : 'Scheduled',
        statusCode: null,
        statusText: null,
        createdAt: local.createdAt,
        scheduledAt: entry.schedule === null ? null : entry.schedule * 1000,
        parts: outcome.parts,
        price: outcome.price,
        unread: false,
        ...(entry.picture && mediaUrl ? { picture: { subject: entry.picture.subject, mediaUrl: outcome.mediaUrl ?? mediaUrl } } : {}),
      });
      if (entry.picture && mediaUrl) this.options.pictures?.sent(entry.picture.pictureFile, mediaUrl, outcome.mediaUrl);
      this.options.changes(accepted);
      return accepted.changed[0] ?? getMessage(db, id)!;
    } catch (error) {
      if (!(error instanceof ClickSendError)) throw error;
      if (error.neverReachedServer || error.status === 429) {
        return this.publish(setOutboxState(db, id, 'waiting', WAITING))!;
      }
      if (entry.picture && this.options.pictures?.gate.refusedBy(error)) return this.fail(id, inWords(PictureGate.refusal()));
      if (error.isUnauthorized) return this.publish(setOutboxState(db, id, 'waiting', SIGN_IN_FIRST))!;
      if (error.kind === 'invalid-response') return this.publish(setOutboxState(db, id, 'unknown', UNREADABLE_CHECKING, { answerUnreadable: true }))!;
      const outcomeUnknown = error.isConnectivity || error.kind === 'aborted' || (error.status ?? 0) >= 500;
      if (outcomeUnknown) return this.publish(setOutboxState(db, id, 'unknown', UNCONFIRMED))!;
      // Refused (no credit, a bad number…): the balance may be why.
      this.options.attempted?.();
      return this.fail(id, inWords(error.toUserError()));
    } finally {
      this.inFlight.delete(id);
    }
  }

  /** The picture's URL at ClickSend: uploaded once, recorded, then reused by every later submission. */
  private async uploaded(entry: OutboxEntry): Promise<string> {
    const picture = entry.picture!;
    this.options.pictures?.gate.require();
    if (picture.mediaUrl) return picture.mediaUrl;
    if (!picture.pictureFile || !this.options.pictures) throw new InboxError('NO_PICTURE', 'The picture for this message is missing.', 'Delete it and attach the picture again.');
    const url = await this.options.pictures.upload(picture.pictureFile);
    recordUpload(this.options.db, entry.id, url);
    return url;
  }

  /**
   * Nothing was sent yet: offline or a server fault waits (an upload may simply be repeated); a refusal, or an
   * answer this app cannot read (which asking again would only repeat), fails with why.
   */
  private uploadFailed(id: number, error: unknown): Message {
    const { db } = this.options;
    if (error instanceof InboxError) return this.fail(id, inWords(error));
    if (!(error instanceof ClickSendError)) throw error;
    if (error.isUnauthorized) return this.publish(setOutboxState(db, id, 'waiting', SIGN_IN_FIRST))!;
    if (error.kind === 'invalid-response') return this.fail(id, `${UNREADABLE} The picture was not sent. Retry or delete it.`);
    if (error.isTransient) return this.publish(setOutboxState(db, id, 'waiting', WAITING))!;
    const { message, action } = error.toUserError();
    return this.fail(id, ['ClickSend did not accept the picture:', message, action].filter(Boolean).join(' '));
  }

  private fail(id: number, reason: string): Message {
    return this.publish(failSend(this.options.db, id, reason))!;
  }

  private publish(message: Message | null): Message | null {
    if (message) this.options.changes({ added: [], changed: [message], conversationIds: [message.conversationId] });
    return message;
  }
}

function newCustomString(): string {
  return `inbox-${randomUUID()}`;
}
