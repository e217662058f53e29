// Believable sample data for demos and screenshots. A fixed PRNG seed makes it
// identical on every run apart from times, which are relative to now.
import { addContact, addList } from './contacts';
import { UNLINKED_AU_FIELDS } from './generated-history';
import { addInbound } from './inbound';
import { seedMms } from './mms-seed';
import { SHARED_NUMBER } from './phone';
import { Prng } from './prng';
import { addReceipt } from './receipts';
import { PARCEL_JPEG_BASE64, SHELF_JPEG_BASE64 } from './sample-images';
import { formatUnits, messageParts, PART_PRICE_UNITS } from './sms-parts';
import type { AccountState, Contact, Sim } from './types';

const FIRST = [
  'Olivia', 'Jack', 'Charlotte', 'William', 'Amelia', 'Noah', 'Isla', 'Thomas', 'Mia', 'James', 'Grace', 'Lucas',
  'Chloe', 'Henry', 'Zoe', 'Ethan', 'Ruby', 'Liam', 'Sophie', 'Oscar', 'Priya', 'Daniel', 'Mei', 'Sam', 'Hannah',
];
const LAST = [
  'Nguyen', 'Smith', 'Williams', 'Brown', 'Wilson', 'Taylor', 'Johnson', 'White', 'Martin', 'Anderson', 'Thompson',
  'Walker', 'Harris', 'Lee', 'Ryan', 'Robinson', 'Kelly', 'King', 'Patel', 'Chen', 'Murphy', 'Clarke', 'Singh',
  'Campbell', 'Young',
];

const TEMPLATES: ReadonlyArray<[string, string]> = [
  ['Appointment reminder', 'Hi {first_name}, a reminder of your appointment tomorrow. Reply YES to confirm or call us to reschedule.'],
  ['Order ready', 'Hi {first_name}, your order is ready to collect. See you soon!'],
  ['Running late', "Hi {first_name}, sorry, we're running about 15 minutes behind today."],
  ['Feedback', 'Thanks for visiting, {first_name}! How did we do? Reply with a score from 1 to 5.'],
];

type Line = ['out' | 'in', string];
const SCRIPTS: ReadonlyArray<Line[]> = [
  [['out', 'Hi {first_name}, a reminder of your appointment tomorrow at 10:30am. Reply YES to confirm.'], ['in', 'YES thanks'], ['out', 'Great, see you then!']],
  [['out', 'Hi {first_name}, your order is ready to collect.'], ['in', 'Awesome, can I pick it up after 5?'], ['out', "Sure, we're open until 6 today."], ['in', 'Perfect, thank you!']],
  [['in', 'Hi, do you have any appointments free this Saturday?'], ['out', 'Hi {first_name}, we have 9am or 1:30pm. Which suits?'], ['in', '1:30 please'], ['out', "Booked in for 1:30pm Saturday. See you then!"]],
  [['out', "Hi {first_name}, sorry, we're running about 15 minutes behind today."], ['in', 'No worries, thanks for letting me know']],
  [['out', 'Thanks for visiting, {first_name}! How did we do? Reply with a score from 1 to 5.'], ['in', '5 - great service as always 😊']],
  [['out', 'Hi {first_name}, your invoice #{n} is now due. You can pay online or in store.'], ['in', 'Paid this morning, cheers'], ['out', 'Received, thank you!']],
  [['in', 'Running 10 min late, sorry!'], ['out', 'No problem {first_name}, see you soon.']],
  [['out', 'Hi {first_name}, the part you ordered has arrived. Want to book a fitting?'], ['in', 'Yes please, Thursday morning?'], ['out', "Thursday 9:15am is yours."], ['in', 'Thanks!']],
  [['out', 'Team: the staff meeting has moved to 4pm Friday.'], ['in', 'Got it 👍']],
  [['out', 'Hi {first_name}, just checking you received the quote we emailed yesterday?'], ['in', 'Yes got it. Can you do it for a bit less?'], ['out', "Let me check with the boss and get back to you today."]],
];
/** The latest conversations end with these so the inbox has unread replies. */
const ENDS_WITH_REPLY: ReadonlyArray<Line[]> = [
  [['out', 'Hi {first_name}, a reminder of your appointment tomorrow at 2pm. Reply YES to confirm.'], ['in', 'Can we make it 3pm instead?']],
  [['in', 'Hi, is the shop open on the public holiday?']],
  [['out', 'Hi {first_name}, your order is ready to collect.'], ['in', "Thanks! I'll come by tomorrow morning"]],
];

/** 30 conversations: 26 with contacts, 4 older ones with numbers not in the address book. */
const CONVERSATIONS = 30;
const MIN = 60;
const HOUR = 3600;
const DAY = 86400;

function fill(text: string, c: Contact | null, n: number): string {
  return text.replace('{first_name}', c?.first_name ?? 'there').replace('{n}', String(1000 + n));
}

export function seedDemo(sim: Sim, account: AccountState): void {
  const rnd = new Prng(20240611);
  const now = sim.now();

  for (const [name, body] of TEMPLATES) {
    const id = sim.nextId('template');
    account.templates.set(id, { template_id: id, template_name: name, body });
  }

  const customers = addList(sim, account, 'Customers');
  const staff = addList(sim, account, 'Staff');
  const lasts = [...LAST];
  const contacts: Contact[] = FIRST.map((first, i) => {
    const last = lasts.splice(rnd.int(0, lasts.length - 1), 1)[0] ?? 'Smith';
    const phone = `+614${String(rnd.int(10000000, 99999999))}`;
    return addContact(sim, account, i < 20 ? customers : staff, {
      phone_number: phone,
      first_name: first,
      last_name: last,
      email: `${first}.${last}@example.com`.toLowerCase(),
      ...(i < 20 ? { custom_1: rnd.pick(['Regular', 'New', 'VIP']) } : { organization_name: 'Head office' }),
    });
  });

  interface Event { time: number; dir: 'out' | 'in'; phone: string; body: string; conv: number; last: boolean }
  const events: Event[] = [];
  const strangers = new Set([2, 9, 15, 21]);
  let nextContact = 0;
  const contactOf: Array<Contact | null> = [];
  for (let k = 0; k < CONVERSATIONS; k++) {
    const contact = strangers.has(k) ? null : (contacts[nextContact++] ?? null);
    contactOf[k] = contact;
    const phone = contact?.phone_number ?? `+614${String(rnd.int(10000000, 99999999))}`;
    const recent = k >= CONVERSATIONS - ENDS_WITH_REPLY.length;
    const script = recent ? ENDS_WITH_REPLY[k - (CONVERSATIONS - ENDS_WITH_REPLY.length)] ?? [] : rnd.pick(SCRIPTS);
    // older conversations first; the last three are from the past few hours
    const lastTime = recent
      ? now - (CONVERSATIONS - k) * rnd.int(20, 50) * MIN
      : now - Math.floor(((CONVERSATIONS - k) / CONVERSATIONS) * 21 * DAY) + rnd.int(0, 6 * HOUR) - 8 * HOUR;
    let t = lastTime;
    const times: number[] = [];
    for (let m = script.length - 1; m >= 0; m--) {
      times[m] = t;
      t -= rnd.int(2, 90) * MIN;
    }
    script.forEach(([dir, text], m) => {
      events.push({ time: times[m] ?? lastTime, dir, phone, body: fill(text, contact, k), conv: k, last: m === script.length - 1 });
    });
  }
  events.sort((a, b) => a.time - b.time);

  // One delivery failure: the last outbound message of an older conversation.
  const undelivered = events.filter((e) => e.conv === 4 && e.dir === 'out').pop();
  const firstReceipt = account.receipts.length;
  for (const e of events) {
    if (e.dir === 'in') {
      const sms = addInbound(sim, account, { from: e.phone, body: e.body, timestamp: e.time, messageId: rnd.uuid() });
      const unread = e.last && e.conv >= CONVERSATIONS - ENDS_WITH_REPLY.length;
      const rec = account.inbound.find((r) => r.sms.message_id === sms.message_id);
      if (rec) rec.read = !unread;
      continue;
    }
    const row = outboundRow(sim, e.phone, e.body, e.time, rnd.uuid(), 'Sent');
    sim.addHistoryRow(account, row);
    const failed = e === undelivered;
    addReceipt(sim, account, row, failed ? 'Undelivered' : 'Delivered', undefined, e.time + rnd.int(3, 40));
  }
  // Demo receipts are history already; the poll queue starts empty.
  for (const r of account.receipts.slice(firstReceipt)) r.read = true;

  // One message scheduled for the day after tomorrow, charged like a real one.
  const target = contacts[7];
  if (target?.phone_number) {
    const body = `Hi ${target.first_name ?? 'there'}, a reminder of your appointment on Friday at 11am. Reply YES to confirm.`;
    const row = outboundRow(sim, target.phone_number, body, now + 2 * DAY + 3 * HOUR, rnd.uuid(), 'Scheduled');
    account.balanceUnits -= messageParts(body) * PART_PRICE_UNITS;
    sim.addHistoryRow(account, row);
  }

  seedDemoPictures(sim, account, events, contactOf);
}

/**
 * Two picture messages in existing conversations, after the SMS so the SMS data
 * stays as it was: a photo of a ready order between "your order is ready" and the
 * customer's reply, and a photo of new stock at the end of an older conversation.
 */
function seedDemoPictures(
  sim: Sim,
  account: AccountState,
  events: ReadonlyArray<{ time: number; dir: 'out' | 'in'; phone: string; conv: number; last: boolean }>,
  contactOf: ReadonlyArray<Contact | null>,
): void {
  const rnd = new Prng(20240612);
  // the last conversation is ENDS_WITH_REPLY's "your order is ready", then the reply
  const orderReady = events.find((e) => e.conv === CONVERSATIONS - 1 && e.dir === 'out');
  if (orderReady) {
    seedMms(sim, account, {
      username: account.username, to: orderReady.phone, subject: 'Your order', timestamp: orderReady.time + 60,
      body: "Here it is, packed and waiting at the front counter.", media: PARCEL_JPEG_BASE64,
      messageId: rnd.uuid(), mediaId: rnd.uuid(),
    });
  }
  // the latest older conversation with a contact that ends with our message
  const older = CONVERSATIONS - ENDS_WITH_REPLY.length;
  const ending = events.filter((e) => e.last && e.dir === 'out' && e.conv < older && contactOf[e.conv]).pop();
  const contact = ending ? contactOf[ending.conv] : null;
  if (ending && contact) {
    seedMms(sim, account, {
      username: account.username, to: ending.phone, subject: 'New stock', timestamp: ending.time + 15 * MIN,
      body: `Hi ${contact.first_name ?? 'there'}, the new range has just landed. Come and have a look!`,
      media: SHELF_JPEG_BASE64, messageId: rnd.uuid(), mediaId: rnd.uuid(),
    });
  }
}

function outboundRow(sim: Sim, to: string, body: string, date: number, id: string, status: string) {
  const parts = messageParts(body);
  return {
    seq: sim.nextSeq(),
    direction: 'out' as const,
    date,
    to,
    body,
    status,
    from: SHARED_NUMBER,
    schedule: String(date),
    status_code: null,
    status_text: null,
    message_id: id,
    message_parts: parts,
    message_price: formatUnits(parts * PART_PRICE_UNITS),
    ...UNLINKED_AU_FIELDS,
  };
}
