// The messages of a send or price request, read and checked the same way for
// SMS and MMS: lists expand to their contacts, recipients, sender IDs, schedules
// and credit are checked in ClickSend's order, and an accepted one becomes a row.
import { randomUUID } from 'node:crypto';
import { ApiError, missingFields } from './envelope';
import { countryOf, isCountryDisabled, isValidSenderId, normalizePhone, SHARED_NUMBER } from './phone';
import { formatUnits } from './sms-parts';
import type { AccountState, Ctx, HistoryRow, SentSms } from './types';

const MAX_MESSAGES = 1000;

export const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

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

/** What differs between SMS and MMS when checking a message. */
export interface MessageKind {
  /** the text as it will be sent (MMS cuts long text) */
  body(draft: Draft): string;
  priceUnits(body: string): number;
  /** the check only MMS has, made after the text's */
  badSubject?(draft: Draft): boolean;
}

/** A message of the request with its status; a failed one keeps `to` as given. */
export interface Checked {
  draft: Draft;
  status: string;
  to: string;
  body: string;
  from: string;
  schedule: number | null;
  priceUnits: number;
  country: string;
  carrier: string;
  messageId: string;
}

/** Checks each message; credit is reserved as it goes, so a later one can find too little left. */
export function checkMessages(ctx: Ctx, raw: unknown, kind: MessageKind): Checked[] {
  if (!Array.isArray(raw) || raw.length === 0) throw missingFields('Messages are required.');
  if (raw.length > MAX_MESSAGES) throw new ApiError(400, 'TOO_MANY_RECIPIENTS', 'Too many recipients.');
  let available = ctx.account.balanceUnits;
  return expand(ctx.account, raw).map((draft) => {
    const to = normalizePhone(draft.to);
    const body = kind.body(draft);
    const fromRaw = str(draft.from);
    const from = fromRaw === null || fromRaw === '' ? SHARED_NUMBER : fromRaw;
    const schedule = parseSchedule(draft.schedule);
    const priceUnits = kind.priceUnits(body);
    const place = to ? countryOf(to) : { country: '', carrier: '' };
    let status: string;
    // Checked in this order; the first problem wins.
    if (draft.preset) status = draft.preset;
    else if (!to) status = 'INVALID_RECIPIENT';
    else if (isCountryDisabled(to)) status = 'COUNTRY_NOT_ENABLED';
    else if (body.trim() === '') status = 'EMPTY_MESSAGE';
    else if (kind.badSubject?.(draft)) status = 'INVALID_SUBJECT';
    else if (!isValidSenderId(from)) status = 'INVALID_SENDER_ID';
    else if (schedule === undefined) status = 'INVALID_SCHEDULE';
    else if (priceUnits > available) status = 'INSUFFICIENT_CREDIT';
    else {
      status = 'SUCCESS';
      available -= priceUnits;
    }
    return {
      draft, status, to: to ?? str(draft.to) ?? '', body, from, schedule: schedule ?? null, priceUnits,
      country: place.country, carrier: place.carrier, messageId: randomUUID().toUpperCase(),
    };
  });
}

/**
 * Charges the account for an accepted message and returns its history row:
 * Scheduled at its schedule when that is still to come, else Queued now.
 */
export function acceptedRow(ctx: Ctx, c: Checked, now: number, parts: number): HistoryRow {
  const scheduled = c.schedule !== null && c.schedule > now;
  ctx.account.balanceUnits -= c.priceUnits;
  return {
    seq: ctx.sim.nextSeq(),
    direction: 'out',
    date: scheduled && c.schedule !== null ? c.schedule : now,
    to: c.to,
    body: c.body,
    status: scheduled ? 'Scheduled' : 'Queued',
    from: c.from,
    schedule: String(c.schedule ?? now),
    status_code: null,
    status_text: null,
    message_id: c.messageId,
    message_parts: parts,
    message_price: formatUnits(c.priceUnits),
    from_email: null,
    list_id: c.draft.list_id,
    custom_string: str(c.draft.custom_string),
    contact_id: c.draft.contact_id,
    first_name: c.draft.first_name,
    last_name: c.draft.last_name,
    country: c.country,
    carrier: c.carrier,
  };
}

/** What the SMS and MMS send logs both record of an accepted message, so tests can see what was sent. */
export function acceptedLogEntry(ctx: Ctx, c: Checked, row: HistoryRow, now: number): Omit<SentSms, 'message_parts'> {
  return {
    username: ctx.account.username,
    message_id: c.messageId,
    to: c.to,
    from: c.from,
    body: c.body,
    schedule: c.schedule,
    custom_string: row.custom_string,
    list_id: row.list_id,
    contact_id: row.contact_id,
    source: str(c.draft.source),
    date: now,
    message_price: row.message_price,
  };
}
