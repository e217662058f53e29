// POST /sms/send, POST /sms/price and cancelling scheduled messages.
import { randomUUID } from 'node:crypto';
import type { AccountState } from './accounts';
import { CURRENCY } from './accounts';
import { ApiError, missingFields, notFound, ok } from './envelope';
import type { ApiResult } from './envelope';
import { countryOf, isCountryDisabled, isValidSenderId, normalizePhone, SHARED_NUMBER } from './phone';
import type { Ctx, Handler } from './routes';
import { formatUnits, messageParts, PART_PRICE_UNITS } from './sms-parts';
import type { HistoryRow } from './types';

const MAX_MESSAGES = 1000;

export interface Draft {
  to: unknown;
  body: unknown;
  from: unknown;
  source: unknown;
  schedule: unknown;
  custom_string: unknown;
  list_id: number | null;
  contact_id: number | null;
  first_name: string | null;
  last_name: string | null;
  /** set when the draft failed before validation, e.g. an unknown list */
  preset?: string;
  /** the message as given, for fields only some endpoints read (an MMS subject) */
  item: Record<string, unknown>;
}

interface Evaluated {
  draft: Draft;
  status: string;
  to: string;
  body: string;
  from: string;
  schedule: number | null;
  parts: number;
  priceUnits: number;
  country: string;
  carrier: string;
  messageId: string;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

function personalise(body: unknown, fields: Record<string, string | null>): unknown {
  if (typeof body !== 'string') return body;
  return body.replace(/\{(\w+)\}/g, (m, key: string) => {
    const v = fields[key.toLowerCase()];
    return v === undefined ? m : (v ?? '');
  });
}

/** list_id without `to` sends to every contact with a phone number in the list. */
export function expand(account: AccountState, raw: unknown[]): Draft[] {
  const drafts: Draft[] = [];
  for (const item of raw) {
    const m = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
    const base: Draft = {
      to: m.to, body: m.body, from: m.from, source: m.source, schedule: m.schedule, custom_string: m.custom_string,
      list_id: null, contact_id: null, first_name: null, last_name: null, item: m,
    };
    const listId = m.list_id === undefined || m.list_id === null || m.list_id === '' ? null : Number(m.list_id);
    if (listId === null || (m.to !== undefined && m.to !== null && m.to !== '')) {
      drafts.push(base);
      continue;
    }
    if (!account.lists.has(listId)) {
      drafts.push({ ...base, list_id: listId, preset: 'NOT_ENOUGH_PERMISSION_TO_LIST_ID' });
      continue;
    }
    for (const c of account.contacts.values()) {
      if (c.list_id !== listId || !c.phone_number) continue;
      const fields: Record<string, string | null> = {
        first_name: c.first_name, last_name: c.last_name, phone_number: c.phone_number, email: c.email,
        custom_1: c.custom_1, custom_2: c.custom_2, custom_3: c.custom_3, custom_4: c.custom_4,
      };
      drafts.push({
        ...base, to: c.phone_number, body: personalise(m.body, fields), list_id: listId, contact_id: c.contact_id,
        first_name: c.first_name, last_name: c.last_name,
      });
    }
  }
  return drafts;
}

/** null = not scheduled, undefined = invalid */
export function parseSchedule(v: unknown): number | null | undefined {
  if (v === undefined || v === null || v === '' || v === 0 || v === '0') return null;
  if (typeof v === 'number') return Number.isInteger(v) && v > 0 ? v : undefined;
  if (typeof v === 'string' && /^\d{1,12}$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

function evaluate(ctx: Ctx, raw: unknown): Evaluated[] {
  if (!Array.isArray(raw) || raw.length === 0) throw missingFields('Messages are required.');
  if (raw.length > MAX_MESSAGES) throw new ApiError(400, 'TOO_MANY_RECIPIENTS', 'Too many recipients.');
  let available = ctx.account.balanceUnits;
  return expand(ctx.account, raw).map((draft) => {
    const to = normalizePhone(draft.to);
    const body = str(draft.body) ?? '';
    const fromRaw = str(draft.from);
    const from = fromRaw === null || fromRaw === '' ? SHARED_NUMBER : fromRaw;
    const schedule = parseSchedule(draft.schedule);
    const parts = messageParts(body);
    const priceUnits = parts * PART_PRICE_UNITS;
    const place = to ? countryOf(to) : { country: '', carrier: '' };
    let status: string;
    // Checked in this order; the first problem wins.
    if (draft.preset) status = draft.preset;
    else if (!to) status = 'INVALID_RECIPIENT';
    else if (isCountryDisabled(to)) status = 'COUNTRY_NOT_ENABLED';
    else if (body.trim() === '') status = 'EMPTY_MESSAGE';
    else if (!isValidSenderId(from)) status = 'INVALID_SENDER_ID';
    else if (schedule === undefined) status = 'INVALID_SCHEDULE';
    else if (priceUnits > available) status = 'INSUFFICIENT_CREDIT';
    else {
      status = 'SUCCESS';
      available -= priceUnits;
    }
    return {
      draft, status, to: to ?? str(draft.to) ?? '', body, from, schedule: schedule ?? null, parts, priceUnits,
      country: place.country, carrier: place.carrier, messageId: randomUUID().toUpperCase(),
    };
  });
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
    const scheduled = e.schedule !== null && e.schedule > now;
    const date = scheduled && e.schedule !== null ? e.schedule : now;
    account.balanceUnits -= e.priceUnits;
    const row: HistoryRow = {
      seq: ctx.sim.nextSeq(),
      direction: 'out',
      date,
      to: e.to,
      body: e.body,
      status: scheduled ? 'Scheduled' : 'Queued',
      from: e.from,
      schedule: String(e.schedule ?? now),
      status_code: null,
      status_text: null,
      message_id: e.messageId,
      message_parts: e.parts,
      message_price: formatUnits(e.priceUnits),
      from_email: null,
      list_id: e.draft.list_id,
      custom_string: str(e.draft.custom_string),
      contact_id: e.draft.contact_id,
      first_name: e.draft.first_name,
      last_name: e.draft.last_name,
      country: e.country,
      carrier: e.carrier,
    };
    ctx.sim.addHistoryRow(account, row);
    ctx.sim.sentLog.push({
      username: account.username,
      message_id: e.messageId,
      to: e.to,
      from: e.from,
      body: e.body,
      schedule: e.schedule,
      custom_string: row.custom_string,
      list_id: row.list_id,
      contact_id: row.contact_id,
      source: str(e.draft.source),
      date: now,
      message_parts: e.parts,
      message_price: row.message_price,
    });
    if (!scheduled) ctx.sim.autoDeliver(e.messageId);
    return messageView(ctx, e, date);
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

function cancelRow(account: AccountState, row: HistoryRow): void {
  account.scheduled.delete(row);
  account.history.update(row.message_id, { status: 'Cancelled' });
  // Scheduled messages are charged when queued, so cancelling refunds them.
  account.balanceUnits += Math.round(Number(row.message_price) * 10000);
}

export const cancelOne: Handler = (ctx): ApiResult => {
  const id = (ctx.params.message_id ?? '').toUpperCase();
  const row = ctx.account.history.get(id);
  if (!row || row.direction !== 'out') throw notFound('Message not found.');
  if (row.status !== 'Scheduled' || row.date <= ctx.sim.now()) {
    throw new ApiError(400, 'INVALID_REQUEST', `This message can no longer be cancelled (status: ${row.status}).`);
  }
  cancelRow(ctx.account, row);
  return ok(null, 'Scheduled sms message has been cancelled.');
};

export const cancelAll: Handler = (ctx) => {
  const custom = str(ctx.body.custom_string);
  const now = ctx.sim.now();
  let count = 0;
  for (const row of [...ctx.account.scheduled]) {
    if (row.date <= now) continue;
    if (custom !== null && custom !== '' && row.custom_string !== custom) continue;
    cancelRow(ctx.account, row);
    count++;
  }
  return ok({ count }, `${count} sms messages have been cancelled.`);
};
