// Inbound SMS (replies): the poll queue at /sms/inbound plus a history row each.
import { randomUUID } from 'node:crypto';
import { missingFields, notFound, ok } from './envelope';
import { paginateArray, pageUrlFor, parsePage } from './pagination';
import { countryOf, normalizePhone, SHARED_NUMBER } from './phone';
import { parseSearch, searchAndSort } from './query';
import { messageParts } from './sms-parts';
import type { AccountState, Ctx, Handler, HistoryRow, InboundRecord, InboundSms, Sim } from './types';

export interface InboundInput {
  from: string;
  body: string;
  to?: string;
  originalMessageId?: string;
  timestamp?: number;
  /** fixed id, for deterministic demo data */
  messageId?: string;
}

/** The outbound message a reply belongs to: the given id, else the latest one sent to that number. */
function findOriginal(account: AccountState, from: string, originalId?: string): HistoryRow | undefined {
  if (originalId) return account.history.get(originalId.toUpperCase());
  const rows = account.history.materialised();
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i];
    if (r && r.direction === 'out' && r.to === from && r.status !== 'Scheduled' && r.status !== 'Cancelled') return r;
  }
  return undefined;
}

export function addInbound(sim: Sim, account: AccountState, input: InboundInput): InboundSms {
  if (typeof input.from !== 'string' || input.from === '') throw new Error('inbound needs from');
  if (typeof input.body !== 'string') throw new Error('inbound needs body');
  const from = normalizePhone(input.from) ?? input.from;
  const timestamp = input.timestamp ?? sim.now();
  const original = findOriginal(account, from, input.originalMessageId);
  // Replies arrive on the number the original was sent from; alpha tags cannot receive.
  const originalFrom = original && /^\+\d+$/.test(original.from) ? original.from : undefined;
  const to = input.to ?? originalFrom ?? SHARED_NUMBER;
  const sms: InboundSms = {
    timestamp,
    timestamp_send: timestamp,
    from,
    body: input.body,
    original_body: original?.body ?? '',
    original_message_id: original?.message_id ?? input.originalMessageId ?? '',
    to,
    custom_string: original?.custom_string ?? '',
    message_id: input.messageId ?? randomUUID().toUpperCase(),
    _keyword: (input.body.trim().split(/\s+/)[0] ?? '').toLowerCase(),
  };
  const seq = sim.nextSeq();
  account.inbound.push({ seq, sms, read: false });
  const place = countryOf(from);
  sim.addHistoryRow(account, {
    seq,
    direction: 'in',
    date: timestamp,
    to,
    body: sms.body,
    status: 'Received',
    from,
    schedule: String(timestamp),
    status_code: null,
    status_text: null,
    message_id: sms.message_id,
    message_parts: Math.max(1, messageParts(sms.body)),
    message_price: '0.0000',
    from_email: null,
    list_id: null,
    custom_string: original?.custom_string ?? null,
    contact_id: null,
    first_name: null,
    last_name: null,
    country: place.country,
    carrier: place.carrier,
  });
  return { ...sms };
}

const byTime = (a: InboundRecord, b: InboundRecord): number => a.sms.timestamp - b.sms.timestamp || a.seq - b.seq;

export const getInbound: Handler = ({ account, query, base, path }) => {
  const unread = account.inbound.filter((r) => !r.read).sort(byTime).map((r) => r.sms);
  const search = parseSearch(query, ['from', 'to', 'body', 'message_id', 'original_message_id', 'custom_string']);
  const rows = searchAndSort(unread, search, { field: 'timestamp', desc: false });
  return ok(paginateArray(rows, parsePage(query), pageUrlFor(base + path, query)), 'Here are your data.');
};

// The webhook url is accepted but never called; the test message goes to the poll queue.
export const createTestInbound: Handler = ({ sim, account, body }) => {
  if (typeof body.url !== 'string' || body.url.trim() === '') throw missingFields('url is required.');
  const code = randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase();
  const sms = addInbound(sim, account, { from: '+61487722156', body: `This is a test incoming SMS. ${code}.` });
  return ok(sms, 'Test inbound message has been added.');
};

export const getInboundOne: Handler = ({ account, params }) => {
  const id = (params.original_message_id ?? '').toUpperCase();
  const hit = account.inbound.find((r) => r.sms.original_message_id.toUpperCase() === id);
  if (!hit) throw notFound('Inbound message not found.');
  return ok(hit.sms, 'Here are your result.');
};

export function dateBefore(ctx: Ctx): number | null {
  const v = ctx.body.date_before;
  if (v === undefined || v === null || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

// "Before" is strict: a message stamped exactly at date_before stays unread.
export const markInboundRead: Handler = (ctx) => {
  const before = dateBefore(ctx);
  for (const r of ctx.account.inbound) if (before === null || r.sms.timestamp < before) r.read = true;
  return ok(null, 'Inbound messages have been marked as read.');
};

export const markOneInboundRead: Handler = ({ account, params }) => {
  const id = (params.message_id ?? '').toUpperCase();
  const hits = account.inbound.filter((r) => r.sms.message_id === id);
  if (hits.length === 0) throw notFound('Inbound message not found.');
  for (const r of hits) r.read = true;
  return ok(hits.length, 'Receipt have been marked as read.');
};
