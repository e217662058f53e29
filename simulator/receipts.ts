// Delivery receipts: the poll queue at /sms/receipts; each also updates history.
import { randomUUID } from 'node:crypto';
import { missingFields, notFound, ok } from './envelope';
import { dateBefore } from './inbound';
import { paginateArray, pageUrlFor, parsePage } from './pagination';
import type { AccountState, Handler, HistoryRow, Receipt, ReceiptRecord, ReceiptStatus, Sim } from './types';

export const RECEIPT_CODES: Record<ReceiptStatus, { code: string; text: string }> = {
  Delivered: { code: '201', text: 'Success: Message received on handset.' },
  Undelivered: { code: '301', text: 'Failed: Message expired before delivery.' },
  Failed: { code: '300', text: 'Failed: Message could not be delivered.' },
};

function makeReceipt(
  account: AccountState,
  messageId: string,
  sentAt: number,
  customString: string | null,
  status: ReceiptStatus,
  statusText: string | undefined,
  timestamp: number,
): Receipt {
  const c = RECEIPT_CODES[status];
  if (!c) throw new Error(`unknown receipt status ${String(status)}`);
  const text = statusText ?? c.text;
  const failed = status !== 'Delivered';
  return {
    timestamp_send: sentAt,
    timestamp,
    message_id: messageId,
    status_code: c.code,
    status_text: text,
    error_code: failed ? c.code : null,
    error_text: failed ? text : null,
    custom_string: customString,
    subaccount_id: account.subaccountId,
    message_type: 'sms',
    digits: null,
    status,
  };
}

/**
 * Queues a receipt and mirrors it into history: the row's status becomes the
 * receipt status (Delivered / Undelivered / Failed) with its status_code/text.
 */
export function addReceipt(
  sim: Sim,
  account: AccountState,
  row: HistoryRow,
  status: ReceiptStatus,
  statusText?: string,
  timestamp?: number,
): Receipt {
  const receipt = makeReceipt(account, row.message_id, row.date, row.custom_string, status, statusText,
    timestamp ?? sim.now());
  account.history.update(row.message_id, { status, status_code: receipt.status_code, status_text: receipt.status_text });
  account.receipts.push({ seq: sim.nextSeq(), receipt, read: false });
  return { ...receipt };
}

const byTime = (a: ReceiptRecord, b: ReceiptRecord): number =>
  a.receipt.timestamp - b.receipt.timestamp || a.seq - b.seq;

export const getReceipts: Handler = ({ account, query, base, path }) => {
  const unread = account.receipts.filter((r) => !r.read).sort(byTime).map((r) => r.receipt);
  return ok(paginateArray(unread, parsePage(query), pageUrlFor(base + path, query)), 'Here are your delivery receipts.');
};

// As with inbound, the url is accepted but the test receipt only goes to the poll queue.
export const createTestReceipt: Handler = ({ sim, account, body }) => {
  if (typeof body.url !== 'string' || body.url.trim() === '') throw missingFields('url is required.');
  const now = sim.now();
  const receipt = makeReceipt(account, randomUUID().toUpperCase(), now, null, 'Delivered', undefined, now);
  account.receipts.push({ seq: sim.nextSeq(), receipt, read: false });
  return ok(receipt, 'Receipt has been added');
};

export const getReceiptOne: Handler = ({ account, params }) => {
  const id = (params.message_id ?? '').toUpperCase();
  const hits = account.receipts.filter((r) => r.receipt.message_id === id);
  const latest = hits[hits.length - 1];
  if (!latest) throw notFound('Receipt not found.');
  return ok(latest.receipt, 'Your receipt.');
};

export const markReceiptsRead: Handler = (ctx) => {
  const before = dateBefore(ctx);
  for (const r of ctx.account.receipts) if (before === null || r.receipt.timestamp < before) r.read = true;
  return ok(null, 'Receipts have been marked as read.');
};
