// Maps what ClickSend returns (history rows, inbound replies) onto the
// cache's one shape for an incoming message.
import type { HistoryRow, InboundRow } from '../clicksend/schemas';
import { statusFromHistory } from '../clicksend/statuses';
import type { IncomingMessage } from '../cache/ingest';

/** A history row of either kind (messages/kinds.ts): a picture message's carries its subject and picture. */
export type KindHistoryRow = HistoryRow & Pick<IncomingMessage, 'picture'>;

/** `repliesUnread`: a reply never seen counts as unread (the incremental pull); one the first walk finds does not. */
export function fromHistory(row: KindHistoryRow, { repliesUnread = false } = {}): IncomingMessage {
  const scheduled = row.schedule && /^\d+$/.test(row.schedule) ? Number(row.schedule) * 1000 : null;
  return {
    messageId: row.message_id,
    customString: row.custom_string,
    direction: row.direction,
    body: row.body,
    from: row.from,
    to: row.to,
    status: statusFromHistory(row.status, row.status_code),
    statusCode: row.status_code,
    statusText: row.status_text,
    createdAt: row.date * 1000,
    scheduledAt: scheduled,
    parts: row.message_parts,
    price: row.message_price,
    unread: repliesUnread && row.direction === 'in',
    ...(row.picture ? { picture: row.picture } : {}),
  };
}

export function fromInbound(row: InboundRow): IncomingMessage {
  const at = row.timestamp ?? row.timestamp_send ?? Math.floor(Date.now() / 1000);
  return {
    messageId: row.message_id,
    customString: row.custom_string,
    direction: 'in',
    body: row.body,
    from: row.from,
    to: row.to,
    status: 'Received',
    statusCode: null,
    statusText: null,
    createdAt: at * 1000,
    scheduledAt: null,
    parts: null,
    price: null,
    unread: true,
  };
}
