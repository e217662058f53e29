// Spend against a real SQLite cache: which messages count, their sum exactly
// (integer ten-thousandths, never floating point), the day each lands on in
// the user's zone across daylight-saving changes, months, conversations named
// by the title rule, and the CSV.
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOSTILE_CSV_CELLS, HOSTILE_CSV_PHONES, titleWritten } from '../../../test-support/hostile-csv-cells';
import { storeHostileContacts } from '../../../test-support/hostile-contacts';
import { replaceContacts } from '../cache/contacts';
import { openCache, type Db } from '../cache/database';
import { ingestMessages, type IncomingMessage } from '../cache/ingest';
import { spendCsv, spendSummary } from './spend';
import { accountCacheRules } from '../session/cache-rules';

let seq = 0;
function sent(over: Partial<IncomingMessage> & { to: string; createdAt: number }): IncomingMessage {
  seq++;
  return {
    messageId: `S${seq}`,
    customString: null,
    direction: 'out',
    body: `message ${seq}`,
    from: null,
    status: 'Delivered',
    statusCode: null,
    statusText: null,
    scheduledAt: null,
    parts: 1,
    price: '0.0792',
    unread: false,
    ...over,
  };
}

const ANA = '+61422222222';
const BO = '+61433333333';
const at = (iso: string) => Date.parse(iso);

describe('Spend from the cache', () => {
  let db: Db;
  beforeEach(() => {
    db = openCache(':memory:', accountCacheRules);
  });
  afterEach(() => db.close());

  it('counts what ClickSend charged, at its prices, exactly, on the day it charged: pictures in; refused, unsent, cancelled and replies out; due later apart', () => {
    const now = at('2025-05-20T02:00:00Z'); // 12:00 in Sydney
    ingestMessages(db, [
      sent({ to: ANA, createdAt: at('2025-05-02T01:00:00Z'), price: '0.0792' }),
      sent({ to: ANA, createdAt: at('2025-05-02T03:00:00Z'), parts: 2, price: '0.1584' }),
      sent({ to: BO, createdAt: at('2025-05-03T01:00:00Z'), parts: 1, price: '0.3300', picture: { subject: 'Photo', mediaUrl: 'https://example.com/a.jpg' } }),
      // Undelivered, or failed at the carrier after ClickSend took it: charged all the same.
      sent({ to: BO, createdAt: at('2025-05-04T01:00:00Z'), status: 'Undelivered', price: '0.07920' }),
      sent({ to: BO, createdAt: at('2025-05-04T02:00:00Z'), status: 'Failed', price: '0.0792' }),
      // ClickSend gave no price (yet): counted as a message, at nothing, and said.
      sent({ to: BO, createdAt: at('2025-05-05T01:00:00Z'), price: null }),
      // Not counted: refused at send (no message_id), never sent, cancelled (refunded), a reply.
      sent({ to: ANA, createdAt: at('2025-05-06T01:00:00Z'), messageId: null, status: 'Failed', price: '0.0000' }),
      sent({ to: ANA, createdAt: at('2025-05-06T02:00:00Z'), messageId: null, status: 'Pending', price: null }),
      sent({ to: ANA, createdAt: at('2025-05-07T01:00:00Z'), scheduledAt: at('2025-05-07T01:00:00Z'), status: 'Cancelled', price: '0.0792' }),
      { ...sent({ to: ANA, createdAt: at('2025-05-08T01:00:00Z') }), direction: 'in', from: ANA, to: null, status: 'Received', price: '0.0000' },
      // Scheduled in this app on the 10th for the 25th: charged, and counted, on the 10th.
      sent({ to: ANA, createdAt: at('2025-05-10T01:00:00Z'), scheduledAt: at('2025-05-25T01:00:00Z'), status: 'Scheduled', price: '0.0792' }),
      // Scheduled elsewhere, for later today and tomorrow: history dates them when due; charged, so said apart.
      sent({ to: BO, createdAt: at('2025-05-20T05:00:00Z'), scheduledAt: at('2025-05-20T05:00:00Z'), status: 'Scheduled', price: '0.0792' }),
      sent({ to: ANA, createdAt: at('2025-05-21T01:00:00Z'), scheduledAt: at('2025-05-21T01:00:00Z'), status: 'Scheduled', parts: 2, price: '0.1584' }),
      // Last month: outside this range.
      sent({ to: ANA, createdAt: at('2025-04-30T01:00:00Z'), price: '0.0792' }),
    ]);
    replaceContacts(db, [{ list_id: 1, list_name: 'Customers' }], [
      { contact_id: 10, list_id: 1, phone_number: BO, first_name: 'Bo', last_name: 'Chen', email: null, custom_1: null, custom_2: null, custom_3: null, custom_4: null },
    ]);

    const summary = spendSummary(db, { range: 'this-month', zone: 'Australia/Sydney', now, currency: '$' });
    expect(summary).toMatchObject({ from: '2025-05-01', to: '2025-05-20', currency: '$' });
    // 792 + 1584 + 3300 + 792 + 792 + 0 + 792 ten-thousandths.
    expect(summary.totals).toEqual({ messages: 7, pictures: 1, texts: 8, units: 8052, cost: '$0.81' });
    expect(summary.dueLater).toEqual({ messages: 2, pictures: 0, texts: 3, units: 2376, cost: '$0.24' });
    expect(summary.note).toContain('One message has no price from ClickSend yet');
    expect(summary.days).toHaveLength(20);
    expect(summary.days.filter((d) => d.messages > 0).map((d) => [d.date, d.messages, d.cost])).toEqual([
      ['2025-05-02', 2, '$0.24'],
      ['2025-05-03', 1, '$0.33'],
      ['2025-05-04', 2, '$0.16'],
      ['2025-05-05', 1, '$0.00'],
      ['2025-05-10', 1, '$0.08'],
    ]);
    expect(summary.months).toEqual([{ month: '2025-05', ...summary.totals }]);
    // Costliest first, titled by the one rule: the contact's name, else the number as people write it.
    expect(summary.conversations.map((c) => [c.title, c.phone, c.messages, c.texts, c.cost])).toEqual([
      ['Bo Chen', BO, 4, 4, '$0.49'],
      ['+61 422 222 222', ANA, 3, 4, '$0.32'],
    ]);
    expect(spendSummary(db, { range: 'last-month', zone: 'Australia/Sydney', now, currency: '$' })).toMatchObject({
      from: '2025-04-01',
      to: '2025-04-30',
      totals: { messages: 1, cost: '$0.08' },
    });
  });

  it('sums thousands of prices to exactly what they add up to (no floating-point drift)', () => {
    const now = at('2025-05-31T02:00:00Z');
    const prices: string[] = [];
    let state = 7;
    for (let i = 0; i < 3_000; i++) {
      state = (state * 48_271) % 2_147_483_647;
      prices.push(`0.${String(state % 10_000).padStart(4, '0')}`);
    }
    ingestMessages(db, prices.map((price, i) => sent({ to: i % 2 ? ANA : BO, createdAt: at('2025-05-10T00:00:00Z') + i * 1000, price })));
    // The expected sum from the strings' digits, as integers.
    const expected = prices.reduce((sum, p) => sum + Number(p.replace('.', '')), 0);
    const summary = spendSummary(db, { range: 'this-month', zone: 'UTC', now, currency: '$' });
    expect(summary.totals.units).toBe(expected);
    // The words say the same amount in whole cents, to the nearest.
    const [whole, fraction] = summary.totals.cost.slice(1).replaceAll(',', '').split('.') as [string, string];
    expect(Number(whole) * 100 + Number(fraction)).toBe(Math.floor((expected + 50) / 100));
    expect(summary.conversations.reduce((sum, c) => sum + c.units, 0)).toBe(expected);
    expect(summary.days.reduce((sum, d) => sum + d.units, 0)).toBe(expected);
  });

  it('puts each message on its day in the user’s zone, across daylight-saving changes both ways', () => {
    ingestMessages(db, [
      // Sydney, 6 April 2025: clocks go back at 03:00 (a 25-hour day). 23:30 that night is 13:30 UTC;
      // at the morning's offset (+11) it would look like 00:30 on the 7th.
      sent({ to: ANA, createdAt: at('2025-04-06T13:30:00Z'), price: '0.0001' }),
      // 00:10 on the 7th.
      sent({ to: ANA, createdAt: at('2025-04-06T14:10:00Z'), price: '0.0002' }),
      // 00:30 on the 6th, before the change (+11).
      sent({ to: ANA, createdAt: at('2025-04-05T13:30:00Z'), price: '0.0004' }),
    ]);
    const sydney = spendSummary(db, { range: 'this-month', zone: 'Australia/Sydney', now: at('2025-04-10T00:00:00Z'), currency: '$' });
    expect(sydney.days.filter((d) => d.units > 0).map((d) => [d.date, d.units])).toEqual([
      ['2025-04-06', 5],
      ['2025-04-07', 2],
    ]);

    ingestMessages(db, [
      // New York, 9 March 2025: clocks go forward at 02:00 (a 23-hour day). 23:50 EDT is 03:50 UTC on the 10th.
      sent({ to: BO, createdAt: at('2025-03-10T03:50:00Z'), price: '0.0010' }),
      // 00:05 EST on the 9th.
      sent({ to: BO, createdAt: at('2025-03-09T05:05:00Z'), price: '0.0020' }),
      // 23:55 EST on the 8th.
      sent({ to: BO, createdAt: at('2025-03-09T04:55:00Z'), price: '0.0040' }),
    ]);
    const newYork = spendSummary(db, { range: 'last-month', zone: 'America/New_York', now: at('2025-04-10T12:00:00Z'), currency: '$' });
    expect(newYork.days).toHaveLength(31);
    expect(newYork.days.filter((d) => d.units > 0).map((d) => [d.date, d.units])).toEqual([
      ['2025-03-08', 40],
      ['2025-03-09', 30],
    ]);
  });

  it('the last 90 days end today and span the months they touch', () => {
    ingestMessages(db, [
      sent({ to: ANA, createdAt: at('2025-03-01T12:00:00Z'), price: '0.0792' }), // day one of the 90
      sent({ to: ANA, createdAt: at('2025-02-28T12:00:00Z'), price: '0.0792' }), // the day before: out
      sent({ to: BO, createdAt: at('2025-05-29T12:00:00Z'), price: '0.1584' }),
    ]);
    const summary = spendSummary(db, { range: 'last-90-days', zone: 'UTC', now: at('2025-05-29T18:00:00Z'), currency: '€' });
    expect(summary).toMatchObject({ from: '2025-03-01', to: '2025-05-29' });
    expect(summary.days).toHaveLength(90);
    expect(summary.months.map((m) => [m.month, m.messages, m.cost])).toEqual([
      ['2025-03', 1, '€0.08'],
      ['2025-04', 0, '€0.00'],
      ['2025-05', 1, '€0.16'],
    ]);
  });

  it('exports one row per counted message, whose costs sum to the total; formulas stay text', () => {
    const now = at('2025-05-20T02:00:00Z');
    ingestMessages(db, [
      sent({ to: ANA, createdAt: at('2025-05-02T01:00:00Z'), price: '0.0792' }),
      sent({ to: BO, createdAt: at('2025-05-03T01:00:00Z'), price: '0.3300', picture: { subject: 'Photo', mediaUrl: 'https://example.com/a.jpg' } }),
      sent({ to: BO, createdAt: at('2025-05-03T02:00:00Z'), messageId: null, status: 'Failed', price: null }),
    ]);
    replaceContacts(db, [{ list_id: 1, list_name: 'Customers' }], [
      { contact_id: 10, list_id: 1, phone_number: BO, first_name: '=HYPERLINK("x")', last_name: null, email: null, custom_1: null, custom_2: null, custom_3: null, custom_4: null },
    ]);
    const query = { range: 'this-month', zone: 'Australia/Sydney', now, currency: '$' } as const;
    const { filename, csv } = spendCsv(db, query);
    expect(filename).toBe('spend-2025-05-01-to-2025-05-20.csv');
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows).toEqual([
      { Date: '2025-05-02', Time: '11:00', Conversation: '+61 422 222 222', Number: '+61 422 222 222', Type: 'SMS', Texts: '1', 'Cost ($)': '0.0792', Status: 'Delivered' },
      { Date: '2025-05-03', Time: '11:00', Conversation: `'=HYPERLINK("x")`, Number: '+61 433 333 333', Type: 'Picture', Texts: '1', 'Cost ($)': '0.3300', Status: 'Delivered' },
    ]);
    const sum = rows.reduce((n, r) => n + Number(r['Cost ($)']!.replace('.', '')), 0);
    expect(sum).toBe(spendSummary(db, query).totals.units);
  });

  it('writes conversation names a spreadsheet would run as text, numbers plain, after a byte-order mark', () => {
    const now = at('2025-05-20T02:00:00Z');
    ingestMessages(db, HOSTILE_CSV_PHONES.map((to, i) => sent({ to, createdAt: at('2025-05-02T01:00:00Z') + i * 60_000 })));
    storeHostileContacts(db);
    const { csv } = spendCsv(db, { range: 'this-month', zone: 'Australia/Sydney', now, currency: '$' });
    expect(csv.startsWith('\uFEFFDate,Time,Conversation,Number,Type,Texts,Cost ($),Status\r\n')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.Conversation, r.Number])).toEqual(HOSTILE_CSV_CELLS.map((cell, i) => [titleWritten(cell), `+61 422 222 22${i}`]));
  });
});
