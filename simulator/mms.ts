// POST /mms/send, POST /mms/price and cancelling scheduled picture messages.
// Recipients, lists, sender IDs, schedules and credit are checked as for SMS;
// an MMS also needs media_file (for the whole request) and a subject (per message).
import { CURRENCY } from './accounts';
import { badRequest, missingFields, ok } from './envelope';
import { MEDIA_PREFIX } from './media';
import { autoDeliverMms, MMS_PRICE_UNITS } from './mms-store';
import { cancelAllScheduled, cancelScheduled } from './scheduled';
import { acceptedLogEntry, acceptedRow, checkMessages, str, type Checked, type Draft, type MessageKind } from './send-request';
import { formatUnits, isGsm7 } from './sms-parts';
import type { Ctx, Handler, MmsRow } from './types';

export const MAX_SUBJECT_CHARS = 20;
export const MAX_GSM_BODY_CHARS = 1500;
export const MAX_UNICODE_BODY_CHARS = 500;

/** ClickSend cuts longer MMS text: 1,500 characters, or 500 when any is outside GSM 03.38. */
export function truncateMmsBody(body: string): string {
  const chars = Array.from(body);
  const limit = isGsm7(body) ? MAX_GSM_BODY_CHARS : MAX_UNICODE_BODY_CHARS;
  return chars.length > limit ? chars.slice(0, limit).join('') : body;
}

interface Evaluated extends Checked {
  subject: string;
}

const subjectOf = (draft: Draft): string => str(draft.item.subject) ?? '';

const MMS: MessageKind = {
  body: (draft) => truncateMmsBody(str(draft.body) ?? ''),
  priceUnits: () => MMS_PRICE_UNITS,
  badSubject: (draft) => subjectOf(draft).trim() === '' || Array.from(subjectOf(draft)).length > MAX_SUBJECT_CHARS,
};

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
  return checkMessages(ctx, raw, MMS).map((c) => ({ ...c, subject: subjectOf(c.draft) }));
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
    const custom = str(e.draft.custom_string) ?? ''; // MMS rows and log say '' where SMS says null
    const row: MmsRow = {
      ...acceptedRow(ctx, e, now, 1),
      custom_string: custom,
      subject: e.subject,
      media_file_url: media,
    };
    ctx.sim.addMmsRow(account, row);
    ctx.sim.mmsLog.push({
      ...acceptedLogEntry(ctx, e, row, now),
      custom_string: custom,
      subject: e.subject,
      media_file: media,
      media_bytes: mediaBytes,
    });
    if (row.status !== 'Scheduled') autoDeliverMms(ctx.sim, e.messageId);
  }
  return ok(answer(list, media), 'Messages queued for delivery.');
};

export const priceMms: Handler = (ctx) => {
  const media = mediaFile(ctx.body);
  return ok(answer(evaluate(ctx, ctx.body.messages), media), 'Here is some pricing.');
};

export const cancelOneMms: Handler = (ctx) => {
  cancelScheduled(ctx, ctx.account.mms, (id) => ctx.account.mms.rows.get(id));
  return ok(null, 'MMS has been cancelled.');
};

export const cancelAllMms: Handler = (ctx) => {
  const count = cancelAllScheduled(ctx, ctx.account.mms);
  return ok({ count }, `${count} MMS have been cancelled.`);
};
