// MMS delivery receipts: the poll queue at /mms/receipts, marking them read,
// and GET /mms/receipts/{message_id}, which ClickSend answers with the message itself.
import { mmsHistoryView } from './mms-store';
import { notFound, ok } from './envelope';
import { dateBefore } from './inbound';
import { paginateArray, pageUrlFor, parsePage } from './pagination';
import type { Handler, MmsReceiptRecord } from './types';

const byTime = (a: MmsReceiptRecord, b: MmsReceiptRecord): number =>
  Number(a.receipt.timestamp) - Number(b.receipt.timestamp) || a.seq - b.seq;

export const getMmsReceipts: Handler = ({ account, query, base, path }) => {
  const unread = account.mms.receipts.filter((r) => !r.read).sort(byTime).map((r) => r.receipt);
  return ok(paginateArray(unread, parsePage(query), pageUrlFor(base + path, query)), 'Here are your delivery receipts.');
};

// "Before" is strict, as for SMS: a receipt stamped exactly at date_before stays unread.
export const markMmsReceiptsRead: Handler = (ctx) => {
  const before = dateBefore(ctx);
  for (const r of ctx.account.mms.receipts) if (before === null || Number(r.receipt.timestamp) < before) r.read = true;
  return ok(null, 'Receipts has been marked as read.');
};

/** The message as a history row without `_api_username`, exactly the fields of ClickSend's example. */
export const getMmsReceiptOne: Handler = ({ account, params }) => {
  const row = account.mms.rows.get((params.message_id ?? '').toUpperCase());
  if (!row) throw notFound('Receipt not found.');
  const view = mmsHistoryView(account, row);
  delete view._api_username;
  return ok(view, 'Here is your MMS receipt.');
};
