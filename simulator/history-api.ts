// GET /sms/history: both directions, so a client can reconcile from it alone.
import type { AccountState } from './accounts';
import { badRequest, ok } from './envelope';
import { HISTORY_ORDER_FIELDS, HISTORY_SEARCH_FIELDS } from './history';
import { buildPage, pageUrlFor, parsePage } from './pagination';
import { parseOrder, parseSearch } from './query';
import type { Handler } from './routes';
import type { HistoryRow } from './types';

export function historyView(account: AccountState, row: HistoryRow): Record<string, unknown> {
  return {
    direction: row.direction,
    date: row.date,
    to: row.to,
    body: row.body,
    status: row.status,
    from: row.from,
    schedule: row.schedule,
    status_code: row.status_code,
    status_text: row.status_text,
    message_id: row.message_id,
    message_parts: row.message_parts,
    message_price: row.message_price,
    from_email: row.from_email,
    list_id: row.list_id,
    custom_string: row.custom_string,
    contact_id: row.contact_id,
    user_id: account.userId,
    subaccount_id: account.subaccountId,
    country: row.country,
    carrier: row.carrier,
    first_name: row.first_name,
    last_name: row.last_name,
    _api_username: account.username,
  };
}

export function unixParam(query: URLSearchParams, name: string): number | null {
  const raw = query.get(name);
  if (raw === null || raw.trim() === '') return null;
  if (!/^\d+$/.test(raw.trim())) throw badRequest(`${name} must be a unix timestamp.`);
  return Number(raw);
}

export const getHistory: Handler = ({ account, query, base, path }) => {
  const seqs = account.history.query({
    search: parseSearch(query, HISTORY_SEARCH_FIELDS),
    order: parseOrder(query, HISTORY_ORDER_FIELDS, { field: 'date', desc: false }),
    dateFrom: unixParam(query, 'date_from'),
    dateTo: unixParam(query, 'date_to'),
  });
  const page = buildPage(
    seqs.length,
    parsePage(query),
    (offset, count) =>
      Array.from(seqs.subarray(offset, offset + count), (seq) => historyView(account, account.history.resolve(seq))),
    pageUrlFor(base + path, query),
  );
  return ok(page, 'Here are your history.');
};
