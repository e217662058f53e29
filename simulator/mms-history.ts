// GET /mms/history: sent picture messages, with the query semantics of
// /sms/history (q, operator, order_by, date_from, date_to, page, limit).
import { historyPage } from './history-api';
import { HISTORY_ORDER_FIELDS, HISTORY_SEARCH_FIELDS } from './history';
import { mmsHistoryView } from './mms-store';
import { ok } from './envelope';
import type { Handler } from './types';

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

export const getMmsHistory: Handler = (ctx) => {
  const { account, query } = ctx;
  const fields = { search: MMS_SEARCH_FIELDS, order: MMS_ORDER_FIELDS, orderQuery: withDateAlias(query) };
  const page = historyPage(ctx, account.mms.history, fields, (row) => {
    const mms = account.mms.rows.get(row.message_id);
    if (!mms) throw new Error(`MMS row ${row.seq} not found`);
    return mmsHistoryView(account, mms);
  });
  return ok(page, 'Here is your history.');
};
