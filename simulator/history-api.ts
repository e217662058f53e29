// GET /sms/history: both directions, so a client can reconcile from it alone.
import { badRequest, ok } from './envelope';
import { HISTORY_ORDER_FIELDS, HISTORY_SEARCH_FIELDS, type HistoryStore } from './history';
import { buildPage, pageUrlFor, parsePage, type Page } from './pagination';
import { parseOrder, parseSearch } from './query';
import type { AccountState, Ctx, Handler, HistoryRow } from './types';

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

function unixParam(query: URLSearchParams, name: string): number | null {
  const raw = query.get(name);
  if (raw === null || raw.trim() === '') return null;
  if (!/^\d+$/.test(raw.trim())) throw badRequest(`${name} must be a unix timestamp.`);
  return Number(raw);
}

/** What one history endpoint may search and sort on; `orderQuery` reads order_by when it has aliases. */
export interface HistoryFields {
  search: readonly string[];
  order: readonly string[];
  orderQuery?: URLSearchParams;
}

/** q, operator, order_by, date_from, date_to, page and limit, as both /sms/history and /mms/history take them. */
export function historyPage<T>(
  { query, base, path }: Ctx,
  store: HistoryStore,
  fields: HistoryFields,
  view: (row: HistoryRow) => T,
): Page<T> {
  const seqs = store.query({
    search: parseSearch(query, fields.search),
    order: parseOrder(fields.orderQuery ?? query, fields.order, { field: 'date', desc: false }),
    dateFrom: unixParam(query, 'date_from'),
    dateTo: unixParam(query, 'date_to'),
  });
  return buildPage(
    seqs.length,
    parsePage(query),
    (offset, count) => Array.from(seqs.subarray(offset, offset + count), (seq) => view(store.resolve(seq))),
    pageUrlFor(base + path, query),
  );
}

export const getHistory: Handler = (ctx) => {
  const { account } = ctx;
  const fields = { search: HISTORY_SEARCH_FIELDS, order: HISTORY_ORDER_FIELDS };
  return ok(historyPage(ctx, account.history, fields, (row) => historyView(account, row)), 'Here are your history.');
};
