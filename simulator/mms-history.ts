// GET /mms/history: sent picture messages, with the query semantics of
// /sms/history (q, operator, order_by, date_from, date_to, page, limit).
import { unixParam } from './history-api';
import { HISTORY_ORDER_FIELDS, HISTORY_SEARCH_FIELDS } from './history';
import { mmsHistoryView } from './mms-store';
import { ok } from './envelope';
import { buildPage, pageUrlFor, parsePage } from './pagination';
import { parseOrder, parseSearch } from './query';
import type { Handler } from './routes';

export const MMS_SEARCH_FIELDS = [...HISTORY_SEARCH_FIELDS, 'subject', 'body', 'list_id', 'contact_id'] as const;
export const MMS_ORDER_FIELDS = [...HISTORY_ORDER_FIELDS, 'subject'] as const;

/** MMS rows are dated by date_added; order_by=date_added:… and date:… sort the same field. */
function withDateAlias(query: URLSearchParams): URLSearchParams {
  const order = query.get('order_by');
  if (!order || !/^date_added(:|$)/i.test(order)) return query;
  const q = new URLSearchParams(query);
  q.set('order_by', order.replace(/^date_added/i, 'date'));
  return q;
}

export const getMmsHistory: Handler = ({ account, query, base, path }) => {
  const store = account.mms.history;
  const seqs = store.query({
    search: parseSearch(query, MMS_SEARCH_FIELDS),
    order: parseOrder(withDateAlias(query), MMS_ORDER_FIELDS, { field: 'date', desc: false }),
    dateFrom: unixParam(query, 'date_from'),
    dateTo: unixParam(query, 'date_to'),
  });
  const page = buildPage(
    seqs.length,
    parsePage(query),
    (offset, count) =>
      Array.from(seqs.subarray(offset, offset + count), (seq) => {
        const row = account.mms.rows.get(store.resolve(seq).message_id);
        if (!row) throw new Error(`MMS row ${seq} not found`);
        return mmsHistoryView(account, row);
      }),
    pageUrlFor(base + path, query),
  );
  return ok(page, 'Here is your history.');
};
