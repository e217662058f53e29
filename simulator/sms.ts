// POST /sms/send, POST /sms/price and cancelling scheduled messages.
import { CURRENCY } from './accounts';
import { ok } from './envelope';
import { SHARED_NUMBER } from './phone';
import { cancelAllScheduled, cancelScheduled } from './scheduled';
import { acceptedLogEntry, acceptedRow, checkMessages, str, type Checked, type MessageKind } from './send-request';
import { formatUnits, messageParts, PART_PRICE_UNITS } from './sms-parts';
import type { Ctx, Handler } from './types';

interface Evaluated extends Checked {
  parts: number;
}

const SMS: MessageKind = {
  body: (draft) => str(draft.body) ?? '',
  priceUnits: (body) => messageParts(body) * PART_PRICE_UNITS,
};

function evaluate(ctx: Ctx, raw: unknown): Evaluated[] {
  return checkMessages(ctx, raw, SMS).map((c) => ({ ...c, parts: messageParts(c.body) }));
}

function messageView(ctx: Ctx, e: Evaluated, date: number): Record<string, unknown> {
  const okMsg = e.status === 'SUCCESS';
  return {
    direction: 'out',
    date,
    to: e.to,
    body: e.body,
    from: e.from,
    schedule: e.schedule ?? '',
    message_id: e.messageId,
    message_parts: e.parts,
    message_price: formatUnits(okMsg ? e.priceUnits : 0),
    from_email: null,
    list_id: e.draft.list_id,
    custom_string: str(e.draft.custom_string) ?? '',
    contact_id: e.draft.contact_id,
    user_id: ctx.account.userId,
    subaccount_id: ctx.account.subaccountId,
    country: e.country,
    carrier: e.carrier,
    status: e.status,
    is_shared_system_number: e.from === SHARED_NUMBER,
    _api_username: ctx.account.username,
  };
}

function totals(list: Evaluated[]): { total_price: number; total_count: number; queued_count: number } {
  const good = list.filter((e) => e.status === 'SUCCESS');
  const units = good.reduce((n, e) => n + e.priceUnits, 0);
  return { total_price: Number(formatUnits(units)), total_count: list.length, queued_count: good.length };
}

// When every message fails the envelope is still 200 SUCCESS and the failures
// are only in each message's status, which is how ClickSend answers.
export const sendSms: Handler = (ctx) => {
  const list = evaluate(ctx, ctx.body.messages);
  const now = ctx.sim.now();
  const account = ctx.account;
  const messages = list.map((e) => {
    if (e.status !== 'SUCCESS') return messageView(ctx, e, now);
    const row = acceptedRow(ctx, e, now, e.parts);
    ctx.sim.addHistoryRow(account, row);
    ctx.sim.sentLog.push({ ...acceptedLogEntry(ctx, e, row, now), message_parts: e.parts });
    if (row.status !== 'Scheduled') ctx.sim.autoDeliver(e.messageId);
    return messageView(ctx, e, row.date);
  });
  return ok(
    { ...totals(list), messages, _currency: CURRENCY, blocked_count: 0 },
    'Messages queued for delivery.',
  );
};

export const priceSms: Handler = (ctx) => {
  const list = evaluate(ctx, ctx.body.messages);
  const now = ctx.sim.now();
  const messages = list.map((e) => messageView(ctx, e, now));
  return ok({ ...totals(list), messages, _currency: CURRENCY, blocked_count: 0 }, 'Here is some pricing.');
};

export const cancelOne: Handler = (ctx) => {
  cancelScheduled(ctx, ctx.account, (id) => ctx.account.history.get(id));
  return ok(null, 'Scheduled sms message has been cancelled.');
};

export const cancelAll: Handler = (ctx) => {
  const count = cancelAllScheduled(ctx, ctx.account);
  return ok({ count }, `${count} sms messages have been cancelled.`);
};
