// Per-account picture messages: their own history (GET /mms/history is separate
// from /sms/history), the scheduled ones, and the MMS receipt poll queue.
import { HistoryStore } from './history';
import { RECEIPT_CODES } from './receipts';
import type { AccountState, MmsReceipt, MmsRow, MmsState, ReceiptStatus, Sim } from './types';

/** Every MMS is one part and costs the same, whatever its picture and text: $0.33. */
export const MMS_PRICE_UNITS = 3300;
/** ClickSend's priority field on MMS history rows; the example always shows 10. */
const PRIORITY = 10;

export function createMmsState(subaccountId: number): MmsState {
  return { history: new HistoryStore(subaccountId), rows: new Map(), scheduled: new Set(), receipts: [] };
}

export function addMmsRow(account: AccountState, row: MmsRow): void {
  account.mms.history.add(row);
  account.mms.rows.set(row.message_id, row);
  if (row.status === 'Scheduled') account.mms.scheduled.add(row);
}

/** A row of GET /mms/history, every field of ClickSend's example. */
export function mmsHistoryView(account: AccountState, row: MmsRow): Record<string, unknown> {
  return {
    _api_username: account.username,
    _media_file_url: row.media_file_url,
    body: row.body,
    carrier: row.carrier ?? '',
    contact_id: row.contact_id,
    country: row.country,
    custom_string: row.custom_string ?? '',
    date_added: row.date,
    direction: 'out',
    from: row.from,
    from_email: row.from_email,
    list_id: row.list_id,
    message_id: row.message_id,
    message_parts: row.message_parts.toFixed(2),
    message_price: row.message_price,
    priority: PRIORITY,
    schedule: row.schedule,
    status: row.status,
    status_code: row.status_code,
    status_text: row.status_text,
    subaccount_id: account.subaccountId,
    subject: row.subject,
    to: row.to,
    user_id: account.userId,
  };
}

/**
 * Queues an MMS receipt and mirrors it into the MMS history, as SMS receipts do:
 * the row's status becomes Delivered / Undelivered / Failed with the receipt's code and text.
 */
export function addMmsReceipt(
  sim: Sim,
  account: AccountState,
  row: MmsRow,
  status: ReceiptStatus,
  statusText?: string,
  timestamp?: number,
): MmsReceipt {
  const c = RECEIPT_CODES[status];
  if (!c) throw new Error(`unknown receipt status ${String(status)}`);
  const text = statusText ?? c.text;
  const failed = status !== 'Delivered';
  const receipt: MmsReceipt = {
    timestamp: String(timestamp ?? sim.now()),
    timestamp_send: String(row.date),
    message_id: row.message_id,
    status_code: c.code,
    status_text: text,
    error_code: failed ? c.code : '',
    error_text: failed ? text : '',
    custom_string: row.custom_string ?? '',
    subaccount_id: account.subaccountId,
    message_type: 'mms',
    status,
  };
  account.mms.scheduled.delete(row);
  account.mms.history.update(row.message_id, { status, status_code: c.code, status_text: text });
  account.mms.receipts.push({ seq: sim.nextSeq(), receipt, read: false });
  return { ...receipt };
}

/** autoDeliverMs for picture messages: Queued → Sent halfway, then a Delivered receipt. */
export function autoDeliverMms(sim: Sim, messageId: string): void {
  const ms = sim.autoDeliverMs;
  if (ms === undefined) return;
  sim.setTimer(() => {
    const found = sim.findMms(messageId);
    if (found?.row.status === 'Queued') found.account.mms.history.update(messageId, { status: 'Sent' });
  }, Math.floor(ms / 2));
  sim.setTimer(() => {
    const found = sim.findMms(messageId);
    if (found && (found.row.status === 'Queued' || found.row.status === 'Sent')) {
      addMmsReceipt(sim, found.account, found.row, 'Delivered');
    }
  }, ms);
}
