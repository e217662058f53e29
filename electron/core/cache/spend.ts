// The messages Spend counts, read from the cache: what ClickSend charged.
//
// A message counts when it is ours (outgoing, SMS or picture), ClickSend
// accepted it (it has ClickSend's message_id: one refused at send, or never
// sent, has none and was not charged), and it was not cancelled (ClickSend
// refunds a cancelled scheduled message). It counts at the price ClickSend
// gave it, whatever became of it afterwards (Delivered, Undelivered, Failed at
// the carrier): ClickSend charged it when it took it.
//
// It counts when ClickSend took its price: its date here (created_at, read
// through the messages_by_time index, so a month of a million-message cache
// is read without the table). That is when it was sent, and for a message
// scheduled from this app, when it was scheduled (ClickSend charges then). A
// message scheduled elsewhere is dated by ClickSend's history at the time it
// is due (history says nothing of when it was scheduled), so until then it is
// "due later", though already charged.
import type { MessageStatus } from '../../../shared/contract';
import { contactNameOf } from './conversations';
import { prepared, type Db } from './statements';

const CHARGED = `m.direction = 'out' AND m.message_id IS NOT NULL AND m.status <> 'Cancelled'`;

export interface ChargedMessage {
  id: number;
  conversationId: number;
  /** Epoch ms ClickSend took its price (see above). */
  at: number;
  kind: 'sms' | 'mms';
  parts: number | null;
  /** As ClickSend gave it ("0.0792"); null when ClickSend has not said. */
  price: string | null;
  status: MessageStatus;
}

const CHARGED_COLUMNS = `m.id, m.conversation_id AS conversationId, m.created_at AS at, m.kind, m.parts, m.price, m.status`;

/** Charged messages dated in [fromMs, toMs), oldest first. */
export function chargedMessages(db: Db, fromMs: number, toMs: number): ChargedMessage[] {
  return prepared<[number, number], ChargedMessage>(
    db,
    `SELECT ${CHARGED_COLUMNS} FROM messages m WHERE m.created_at >= ? AND m.created_at < ? AND ${CHARGED} ORDER BY m.created_at, m.id`,
  ).all(fromMs, toMs);
}

/** Charged messages dated after this moment: scheduled elsewhere and not yet due. */
export function chargedDueLater(db: Db, afterMs: number): ChargedMessage[] {
  return prepared<[number], ChargedMessage>(db, `SELECT ${CHARGED_COLUMNS} FROM messages m WHERE m.created_at > ? AND ${CHARGED} ORDER BY m.created_at, m.id`).all(afterMs);
}

/** Each conversation's number and its contact's name, if any (for the one title rule). */
export function conversationNames(db: Db, ids: readonly number[]): Map<number, { phone: string; contactName: string | null }> {
  const rows = prepared<[string], { id: number; phone: string; contact_name: string | null }>(
    db,
    `SELECT c.id, c.phone, ${contactNameOf('c.phone')} AS contact_name FROM conversations c WHERE c.id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids));
  return new Map(rows.map((r) => [r.id, { phone: r.phone, contactName: r.contact_name }]));
}

/**
 * The price and parts of the newest charged message of this kind to a number
 * starting with `prefix` ("+61"), among the last 2,000 messages; null when
 * there is none. An estimate where ClickSend gives no price.
 */
export function recentCharge(db: Db, kind: 'sms' | 'mms', prefix: string): Pick<ChargedMessage, 'kind' | 'parts'> & { price: string } | null {
  return (
    prepared<[string, string], { kind: 'sms' | 'mms'; price: string; parts: number | null }>(
      db,
      `SELECT m.kind, m.price, m.parts FROM (SELECT direction, message_id, status, kind, to_number, price, parts FROM messages ORDER BY created_at DESC, id DESC LIMIT 2000) m
       WHERE ${CHARGED} AND m.kind = ? AND m.to_number LIKE ? AND CAST(m.price AS REAL) > 0 LIMIT 1`,
    ).get(kind, `${prefix}%`) ?? null
  );
}
