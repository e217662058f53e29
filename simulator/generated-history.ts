// seedHistory rows are virtual: each row is computed from its index on demand,
// so seeding a million rows costs nothing up front and almost no memory.
// Message ids encode segment and index, so a row can be found from its id.
import type { HistoryRow } from './history-row';
import { SHARED_NUMBER } from './phone';
import { messageParts, formatUnits, PART_PRICE_UNITS } from './sms-parts';

/** The fields of a generated row to an Australian number, sent to no list or contact. */
export const UNLINKED_AU_FIELDS = {
  from_email: null,
  list_id: null,
  custom_string: null,
  contact_id: null,
  first_name: null,
  last_name: null,
  country: 'AU',
  carrier: 'Telstra',
} as const;

interface BodyInfo {
  text: string;
  parts: number;
  price: string;
}
// Parts and price are worked out once per text, not per row.
const info = (text: string): BodyInfo => {
  const parts = messageParts(text);
  return { text, parts, price: formatUnits(parts * PART_PRICE_UNITS) };
};

const OUT_BODIES = [
  'Hi, just confirming your appointment tomorrow at 10am.',
  'Your order has shipped and should arrive in 2-3 days.',
  'Thanks for your payment, see you next week!',
  'Reminder: your service is due this month. Reply YES to book.',
  'We have a cancellation on Friday at 2pm if that suits?',
  'Your table for 4 is booked for 7pm Saturday.',
  'Can you send through a photo of the issue please?',
  'Running about 10 minutes late, sorry!',
].map(info);
const IN_BODIES = [
  'Yes that works, thanks',
  'Can we move it to Thursday?',
  'Great, thank you!',
  'YES',
  'Who is this?',
  'Perfect, see you then',
  'No worries',
  'Please call me when you can',
].map(info);

const ID_PATTERN = /^5EED([0-9A-F]{4})-0000-4000-8000-([0-9A-F]{12})$/;

export interface SegmentOptions {
  segmentId: number;
  baseSeq: number;
  n: number;
  conversations: number;
  start: number;
  end: number;
}

export class GeneratedSegment {
  readonly segmentId: number;
  readonly baseSeq: number;
  readonly n: number;
  private readonly conversations: number;
  private readonly start: number;
  private readonly span: number;
  /** later changes to single rows, e.g. a receipt delivered for a generated id */
  readonly overrides = new Map<number, Partial<HistoryRow>>();

  constructor(o: SegmentOptions) {
    this.segmentId = o.segmentId;
    this.baseSeq = o.baseSeq;
    this.n = o.n;
    this.conversations = Math.max(1, o.conversations);
    this.start = o.start;
    this.span = Math.max(0, o.end - o.start);
  }

  static parseId(messageId: string): { segmentId: number; index: number } | null {
    const m = ID_PATTERN.exec(messageId.toUpperCase());
    if (!m?.[1] || !m[2]) return null;
    return { segmentId: parseInt(m[1], 16), index: parseInt(m[2], 16) };
  }

  messageId(i: number): string {
    const seg = this.segmentId.toString(16).toUpperCase().padStart(4, '0');
    return `5EED${seg}-0000-4000-8000-${i.toString(16).toUpperCase().padStart(12, '0')}`;
  }

  /** Non-decreasing in i, which lets date ranges use binary search. */
  date(i: number): number {
    return this.start + Math.floor((i * this.span) / this.n);
  }

  /** First index whose date is >= t (n when none). */
  lowerBound(t: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.date(mid) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  has(seq: number): boolean {
    return seq >= this.baseSeq && seq < this.baseSeq + this.n;
  }

  phone(i: number): string {
    const c = i % this.conversations;
    return `+614${String(c).padStart(8, '0')}`;
  }

  isInbound(i: number): boolean {
    // Roughly every third message is a reply; a cheap hash keeps it irregular.
    return Math.imul(i + 1, 2654435761) >>> 0 < 0x55555555;
  }

  private body(i: number, inbound: boolean): BodyInfo {
    const bodies = inbound ? IN_BODIES : OUT_BODIES;
    const b = bodies[(i * 7 + (i % this.conversations)) % bodies.length];
    if (!b) throw new Error('empty body table');
    return b;
  }

  /** One field without building the whole row; filters and sorts over millions of rows use this. */
  field(i: number, name: string): unknown {
    const o = this.overrides.get(i);
    if (o && name in o) return (o as Record<string, unknown>)[name];
    const inbound = this.isInbound(i);
    switch (name) {
      case 'direction': return inbound ? 'in' : 'out';
      case 'date': return this.date(i);
      case 'to': return inbound ? SHARED_NUMBER : this.phone(i);
      case 'from': return inbound ? this.phone(i) : SHARED_NUMBER;
      case 'status': return inbound ? 'Received' : 'Delivered';
      case 'body': return this.body(i, inbound).text;
      case 'message_id': return this.messageId(i);
      case 'custom_string': return null;
      default: return (this.row(i) as unknown as Record<string, unknown>)[name];
    }
  }

  row(i: number): HistoryRow {
    const inbound = this.isInbound(i);
    const customer = this.phone(i);
    const body = this.body(i, inbound);
    const date = this.date(i);
    const base: HistoryRow = {
      seq: this.baseSeq + i,
      direction: inbound ? 'in' : 'out',
      date,
      to: inbound ? SHARED_NUMBER : customer,
      body: body.text,
      status: inbound ? 'Received' : 'Delivered',
      from: inbound ? customer : SHARED_NUMBER,
      schedule: String(date),
      status_code: inbound ? null : '201',
      status_text: inbound ? null : 'Success: Message received on handset.',
      message_id: this.messageId(i),
      message_parts: body.parts,
      message_price: inbound ? '0.0000' : body.price,
      ...UNLINKED_AU_FIELDS,
    };
    const o = this.overrides.get(i);
    return o ? { ...base, ...o } : base;
  }
}
