// A realistic cache for the benchmark: 10,000 conversations, 1,000,000
// messages with realistic body lengths (a mix of GSM-7 and Unicode), 4% of
// ours not delivered, one
// conversation of 20,000 messages, and contacts for a fifth of the numbers.
// Written through the app's own ingestion, so indexes and FTS are as in use.
import { openCache, type Db } from '../electron/core/cache/database';
import { replaceContacts } from '../electron/core/cache/contacts';
import { ingestMessages, type IncomingMessage } from '../electron/core/cache/ingest';
import { accountCacheRules } from '../electron/core/session/cache-rules';

export const BIG_CONVERSATION_PHONE = '+61400000000';
export const WORDS = { common: 'appointment', rare: 'zephyr', phrase: 'see you soon', prefix: 'resched' };

/** Deterministic, so runs are comparable. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SHORT = ['OK', 'Thanks!', 'Yes please', 'No thanks', 'See you soon', 'Running late, 10 min', 'Confirmed 👍', 'Can we reschedule?', 'Great, thank you', 'Call me back pls'];
const MEDIUM = [
  'Hi, just confirming your appointment tomorrow at 10:30am. Reply YES to confirm or call us to reschedule.',
  'Your order #4821 is ready for pickup at our Main St store. We are open until 6pm today.',
  'Thanks for visiting! How did we do? Reply with a number from 1 to 5.',
  'Hi there, can I move my appointment to Thursday afternoon? Anytime after 2 works.',
  'Reminder: your car service is booked for Monday 8:00. Please drop the keys at reception.',
  'Café closed today for a private event — see you soon, same time tomorrow!',
];
const LONG =
  'Hello, this is a reminder about your upcoming appointment with our clinic. Please arrive ten minutes early to complete ' +
  'the paperwork, and bring your card and any referral letters. If you need to reschedule or cancel, reply to this ' +
  'message or call the front desk during business hours. We look forward to seeing you soon.';
const UNICODE = ['Merci beaucoup ! À demain 😊', 'Спасибо, до встречи', '谢谢，明天见', 'Gracias — nos vemos pronto', 'שלום, תודה רבה', 'Danke schön 🙏 bis bald'];

function body(next: () => number, i: number): string {
  if (i % 97_331 === 0) return `The ${WORDS.rare} delivery arrives Friday morning`;
  const r = next();
  if (r < 0.12) return UNICODE[Math.floor(next() * UNICODE.length)]!;
  if (r < 0.55) return SHORT[Math.floor(next() * SHORT.length)]!;
  if (r < 0.93) return MEDIUM[Math.floor(next() * MEDIUM.length)]!;
  return LONG;
}

export interface DatasetOptions {
  file: string;
  conversations?: number;
  messages?: number;
  bigConversation?: number;
  onProgress?: (done: number, total: number) => void;
}

export function buildDataset(options: DatasetOptions): Db {
  const conversations = options.conversations ?? 10_000;
  const total = options.messages ?? 1_000_000;
  const big = options.bigConversation ?? 20_000;
  const next = random(42);
  const db = openCache(options.file, accountCacheRules);
  const phone = (c: number) => (c === 0 ? BIG_CONVERSATION_PHONE : `+614${String(10_000_000 + c).slice(-8)}`);
  const start = Date.now() - total * 30_000;
  const BATCH = 5_000;
  let batch: IncomingMessage[] = [];
  for (let i = 0; i < total; i++) {
    // The big conversation takes its share first, then the rest spread over all others.
    const c = i < big ? 0 : 1 + Math.floor(next() * (conversations - 1));
    const inbound = next() < 0.4;
    const createdAt = start + i * 30_000;
    // Most of ours delivered; some not (a handset off, a number gone): the Failed filter has work to do.
    const fate = next();
    const status = inbound ? 'Received' : fate < 0.03 ? 'Undelivered' : fate < 0.04 ? 'Failed' : 'Delivered';
    batch.push({
      messageId: `B${i}`,
      customString: null,
      direction: inbound ? 'in' : 'out',
      body: body(next, i),
      from: inbound ? phone(c) : '+61411000000',
      to: inbound ? '+61411000000' : phone(c),
      status,
      statusCode: inbound ? null : status === 'Delivered' ? '201' : '301',
      statusText: null,
      createdAt,
      scheduledAt: null,
      parts: 1,
      price: inbound ? '0.0000' : '0.0792',
      unread: inbound && i > total - 3_000,
    });
    if (batch.length === BATCH) {
      ingestMessages(db, batch);
      batch = [];
      options.onProgress?.(i + 1, total);
    }
  }
  if (batch.length) ingestMessages(db, batch);
  const contacts = Array.from({ length: Math.floor(conversations / 5) }, (_, k) => ({
    contact_id: k + 1,
    list_id: 1,
    phone_number: phone(k * 5),
    first_name: ['Ana', 'Bo', 'Cy', 'Dee', 'Eli', 'Fay', 'Gus', 'Hana'][k % 8]!,
    last_name: `Customer${k}`,
    email: null,
    custom_1: null,
    custom_2: null,
    custom_3: null,
    custom_4: null,
  }));
  replaceContacts(db, [{ list_id: 1, list_name: 'Customers' }], contacts);
  db.pragma('optimize');
  return db;
}
