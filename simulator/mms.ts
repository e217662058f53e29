// POST /mms/send, POST /mms/price and cancelling scheduled picture messages.
// Recipients, lists, sender IDs, schedules and credit are checked as for SMS;
// an MMS also needs media_file (for the whole request) and a subject (per message).
import { randomUUID } from 'node:crypto';
import type { AccountState } from './accounts';
import { CURRENCY } from './accounts';
import { ApiError, badRequest, missingFields, notFound, ok } from './envelope';
import { MEDIA_PREFIX } from './media';
import { autoDeliverMms, MMS_PRICE_UNITS } from './mms-store';
import { countryOf, isCountryDisabled, isValidSenderId, normalizePhone, SHARED_NUMBER } from './phone';
import type { Ctx, Handler } from './routes';
import { expand, parseSchedule } from './sms';
import type { Draft } from './sms';
import { formatUnits, isGsm7 } from './sms-parts';
import type { MmsRow } from './types';

const MAX_MESSAGES = 1000;
export const MAX_SUBJECT_CHARS = 20;
export const MAX_GSM_BODY_CHARS = 1500;
export const MAX_UNICODE_BODY_CHARS = 500;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

/** ClickSend cuts longer MMS text: 1,500 characters, or 500 when any is outside GSM 03.38. */
export function truncateMmsBody(body: string): string {
  const chars = Array.from(body);
  const limit = isGsm7(body) ? MAX_GSM_BODY_CHARS : MAX_UNICODE_BODY_CHARS;
  return chars.length > limit ? chars.slice(0, limit).join('') : body;
}

interface Evaluated {
  draft: Draft;
  status: string;
  to: string;
  body: string;
  subject: string;
  from: string;
  schedule: number | null;
  country: string;
  carrier: string;
  messageId: string;
}

/** media_file must be an http(s) URL; it is not fetched. */
function mediaFile(body: Record<string, unknown>): string {
  const media = str(body.media_file)?.trim() ?? '';
  if (media === '') throw missingFields('media_file is required.');
  let url: URL;
  try {
    url = new URL(media);
  } catch {
    throw badRequest('media_file must be the URL of your picture.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badRequest('media_file must be an http or https URL.');
  return media;
}

function evaluate(ctx: Ctx, raw: unknown): Evaluated[] {
  if (!Array.isArray(raw) || raw.length === 0) throw missingFields('Messages are required.');
  if (raw.length > MAX_MESSAGES) throw new ApiError(400, 'TOO_MANY_RECIPIENTS', 'Too many recipients.');
  let available = ctx.account.balanceUnits;
  return expand(ctx.account, raw).map((draft) => {
    const to = normalizePhone(draft.to);
    const body = truncateMmsBody(str(draft.body) ?? '');
    const subject = str(draft.item.subject) ?? '';
    const fromRaw = str(draft.from);
    const from = fromRaw === null || fromRaw === '' ? SHARED_NUMBER : fromRaw;
    const schedule = parseSchedule(draft.schedule);
    const place = to ? countryOf(to) : { country: '', carrier: '' };
    let status: string;
    // Checked in this order; the first problem wins.
    if (draft.preset) status = draft.preset;
    else if (!to) status = 'INVALID_RECIPIENT';
    else if (isCountryDisabled(to)) status = 'COUNTRY_NOT_ENABLED';
    else if (body.trim() === '') status = 'EMPTY_MESSAGE';
    else if (subject.trim() === '' || Array.from(subject).length > MAX_SUBJECT_CHARS) status = 'INVALID_SUBJECT';
    else if (!isValidSenderId(from)) status = 'INVALID_SENDER_ID';
    else if (schedule === undefined) status = 'INVALID_SCHEDULE';
    else if (MMS_PRICE_UNITS > available) status = 'INSUFFICIENT_CREDIT';
    else {
      status = 'SUCCESS';
      available -= MMS_PRICE_UNITS;
    }
    return {
      draft, status, to: to ?? str(draft.to) ?? '', body, subject, from, schedule: schedule ?? null,
      country: place.country, carrier: place.carrier, messageId: randomUUID().toUpperCase(),
    };
  });
}

/** A message of the send and price answers: exactly the fields of ClickSend's example. */
function messageView(e: Evaluated, media: string): Record<string, unknown> {
  return {
    _media_file_url: media,
    body: e.body,
    contact_id: e.draft.contact_id,
    country: e.country,
    custom_string: str(e.draft.custom_string) ?? '',
    from: e.from,
    list_id: e.draft.list_id,
    message_id: e.messageId,
    message_parts: 1,
    message_price: formatUnits(e.status === 'SUCCESS' ? MMS_PRICE_UNITS : 0),
    schedule: e.schedule ?? '',
    status: e.status,
    subject: e.subject,
    to: e.to,
  };
}

function answer(list: Evaluated[], media: string): Record<string, unknown> {
  const queued = list.filter((e) => e.status === 'SUCCESS').length;
  return {
    _currency: CURRENCY,
    messages: list.map((e) => messageView(e, media)),
    queued_count: queued,
    total_count: list.length,
    total_price: Number(formatUnits(queued * MMS_PRICE_UNITS)),
  };
}

/** Size of the picture when the URL is one of this simulator's own /_media/ files. */
function ownMediaBytes(ctx: Ctx, media: string): number | null {
  const url = new URL(media);
  if (url.origin !== new URL(ctx.base).origin || !url.pathname.startsWith(MEDIA_PREFIX)) return null;
  return ctx.sim.media.get(decodeURIComponent(url.pathname.slice(MEDIA_PREFIX.length)))?.bytes.length ?? null;
}

// As for SMS, failures are only in each message's status; the envelope stays 200 SUCCESS.
export const sendMms: Handler = (ctx) => {
  const media = mediaFile(ctx.body);
  const list = evaluate(ctx, ctx.body.messages);
  const now = ctx.sim.now();
  const account = ctx.account;
  const mediaBytes = ownMediaBytes(ctx, media);
  for (const e of list) {
    if (e.status !== 'SUCCESS') continue;
    const scheduled = e.schedule !== null && e.schedule > now;
    account.balanceUnits -= MMS_PRICE_UNITS;
    const row: MmsRow = {
      seq: ctx.sim.nextSeq(),
      direction: 'out',
      date: scheduled && e.schedule !== null ? e.schedule : now,
      to: e.to,
      body: e.body,
      status: scheduled ? 'Scheduled' : 'Queued',
      from: e.from,
      schedule: String(e.schedule ?? now),
      status_code: null,
      status_text: null,
      message_id: e.messageId,
      message_parts: 1,
      message_price: formatUnits(MMS_PRICE_UNITS),
      from_email: null,
      list_id: e.draft.list_id,
      custom_string: str(e.draft.custom_string) ?? '',
      contact_id: e.draft.contact_id,
      first_name: e.draft.first_name,
      last_name: e.draft.last_name,
      country: e.country,
      carrier: e.carrier,
      subject: e.subject,
      media_file_url: media,
    };
    ctx.sim.addMmsRow(account, row);
    ctx.sim.mmsLog.push({
      username: account.username,
      message_id: e.messageId,
      to: e.to,
      from: e.from,
      subject: e.subject,
      body: e.body,
      media_file: media,
      media_bytes: mediaBytes,
      schedule: e.schedule,
      custom_string: row.custom_string ?? '',
      list_id: row.list_id,
      contact_id: row.contact_id,
      source: str(e.draft.source),
      date: now,
      message_price: row.message_price,
    });
    if (!scheduled) autoDeliverMms(ctx.sim, e.messageId);
  }
  return ok(answer(list, media), 'Messages queued for delivery.');
};

export const priceMms: Handler = (ctx) => {
  const media = mediaFile(ctx.body);
  return ok(answer(evaluate(ctx, ctx.body.messages), media), 'Here is some pricing.');
};

function cancelRow(account: AccountState, row: MmsRow): void {
  account.mms.scheduled.delete(row);
  account.mms.history.update(row.message_id, { status: 'Cancelled' });
  // Charged when accepted, so cancelling refunds.
  account.balanceUnits += Math.round(Number(row.message_price) * 10000);
}

export const cancelOneMms: Handler = (ctx) => {
  const row = ctx.account.mms.rows.get((ctx.params.message_id ?? '').toUpperCase());
  if (!row) throw notFound('Message not found.');
  if (row.status !== 'Scheduled' || row.date <= ctx.sim.now()) {
    throw new ApiError(400, 'INVALID_REQUEST', `This message can no longer be cancelled (status: ${row.status}).`);
  }
  cancelRow(ctx.account, row);
  return ok(null, 'MMS has been cancelled.');
};

export const cancelAllMms: Handler = (ctx) => {
  const custom = str(ctx.body.custom_string);
  const now = ctx.sim.now();
  let count = 0;
  for (const row of [...ctx.account.mms.scheduled]) {
    if (row.date <= now) continue;
    if (custom !== null && custom !== '' && row.custom_string !== custom) continue;
    cancelRow(ctx.account, row);
    count++;
  }
  return ok({ count }, `${count} MMS have been cancelled.`);
};
