// Sending one message. The message is stored first (Pending) with a
// client-generated custom_string; ClickSend's answer then moves it on. If the
// answer is lost, the message stays Pending and is never sent again blindly:
// the next history pull finds it by custom_string and completes it.
import { randomUUID } from 'node:crypto';
import type { Message } from '../../../shared/contract';
import { normaliseNumber } from '../../../shared/phone-numbers';
import type { ClickSendClient } from '../clicksend/client';
import { ClickSendError, explainApplicationCode } from '../clicksend/errors';
import type { Db } from '../cache/database';
import { ingestMessages, setLocalStatus, type IngestResult } from '../cache/messages';
import { InboxError } from '../contract/inbox-error';

export interface SendContext {
  db: Db;
  client: ClickSendClient;
  changes(result: IngestResult): void;
  defaultCountry?: string;
}

export async function sendMessage(ctx: SendContext, to: string, body: string): Promise<Message> {
  const number = normaliseNumber(to, ctx.defaultCountry);
  if (!number.ok) throw new InboxError('INVALID_NUMBER', number.reason, null);
  if (body.trim() === '') throw new InboxError('EMPTY_MESSAGE', 'The message is empty.', 'Type a message before sending.');

  const customString = `inbox-${randomUUID()}`;
  const stored = ingestMessages(ctx.db, [
    {
      messageId: null,
      customString,
      direction: 'out',
      body,
      from: null,
      to: number.e164,
      status: 'Pending',
      statusCode: null,
      statusText: null,
      createdAt: Date.now(),
      scheduledAt: null,
      parts: null,
      price: null,
      unread: false,
    },
  ]);
  ctx.changes(stored);
  const local = stored.added[0]!;

  try {
    const answer = await ctx.client.sendSms([{ to: number.e164, body, custom_string: customString }]);
    const sent = answer.messages[0];
    if (!sent) return fail(ctx, local, 'ClickSend did not report on this message.');
    if (sent.status !== 'SUCCESS' || !sent.message_id) {
      const why = explainApplicationCode(sent.status);
      return fail(ctx, local, [why.message, why.action].filter(Boolean).join(' '));
    }
    const accepted = ingestMessages(ctx.db, [
      {
        messageId: sent.message_id,
        customString,
        direction: 'out',
        body,
        from: sent.from,
        to: number.e164,
        status: 'Queued',
        statusCode: null,
        statusText: null,
        createdAt: local.createdAt,
        scheduledAt: null,
        parts: sent.message_parts,
        price: sent.message_price,
        unread: false,
      },
    ]);
    ctx.changes(accepted);
    return accepted.changed[0] ?? local;
  } catch (error) {
    if (error instanceof ClickSendError && (error.isConnectivity || error.kind === 'invalid-response')) {
      // Outcome unknown: keep it Pending; history reconciliation decides.
      const pending = setLocalStatus(ctx.db, local.id, 'Pending', 'Not confirmed yet. The app is checking with ClickSend.')!;
      ctx.changes({ added: [], changed: [pending], conversationIds: [pending.conversationId] });
      return pending;
    }
    if (error instanceof ClickSendError) {
      const { message, action } = error.toUserError();
      return fail(ctx, local, [message, action].filter(Boolean).join(' '));
    }
    throw error;
  }
}

function fail(ctx: SendContext, local: Message, reason: string): Message {
  const failed = setLocalStatus(ctx.db, local.id, 'Failed', reason)!;
  ctx.changes({ added: [], changed: [failed], conversationIds: [failed.conversationId] });
  return failed;
}
