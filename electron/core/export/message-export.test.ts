// An export pulled chunk by chunk is one CSV whose rows are the cache's
// messages, oldest first, with the app's words for each status; a date range
// is the user's calendar days; a cell that would be a spreadsheet formula
// stays text.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../shared/contract';
import { HOSTILE_CSV_CELLS, HOSTILE_CSV_PHONES } from '../../../test-support/hostile-csv-cells';
import { storeHostileContacts } from '../../../test-support/hostile-contacts';
import { startSimulator, type Simulator } from '../../../simulator/server';
import { openCache } from '../cache/database';
import { ingestMessages, type IncomingMessage } from '../cache/ingest';
import { createKeytarStore } from '../credentials/keychain';
import { Inbox } from '../inbox';
import { MessageExports } from './message-export';
import { accountCacheRules } from '../session/cache-rules';

const A = '+61422222222';
const B = '+61433333333';
const base = Date.UTC(2026, 10, 1, 0, 0, 0); // 1 Nov 2026 00:00 UTC = 11:00 in Sydney

function message(i: number, phone: string, extra: Partial<IncomingMessage> = {}): IncomingMessage {
  const out = i % 3 !== 0;
  return {
    messageId: `m-${phone}-${i}`, customString: null, direction: out ? 'out' : 'in', body: `Message ${i}`,
    from: out ? null : phone, to: out ? phone : null, status: out ? 'Delivered' : 'Received', statusCode: null, statusText: null,
    createdAt: base + i * 60_000, scheduledAt: null, parts: out ? 1 : null, price: out ? '0.0792' : null, unread: false, ...extra,
  };
}

function pull(exports: MessageExports, exportId: string): { csv: string; chunks: number } {
  let csv = '';
  let chunks = 0;
  for (;;) {
    const next = exports.next(exportId);
    csv += next.csv;
    chunks++;
    if (next.finished) return { csv, chunks };
  }
}

describe('message export', () => {
  it('one conversation in chunks: every message once, oldest first, as the cache has it', () => {
    const db = openCache(':memory:', accountCacheRules);
    ingestMessages(db, Array.from({ length: 4_500 }, (_, i) => message(i, A)));
    ingestMessages(db, [message(1, B, { body: '=HYPERLINK("http://x")' }), message(2, B, { status: 'Failed', messageId: 'm-b-failed' })]);
    const conversationA = db.prepare<[string], { id: number }>('SELECT id FROM conversations WHERE phone = ?').get(A)!.id;
    const exports = new MessageExports(db);
    const started = exports.start({ conversationId: conversationA }, 'Australia/Sydney', 'a.csv');
    expect(started.total).toBe(4_500);
    const { csv, chunks } = pull(exports, started.exportId);
    expect(chunks).toBe(3);
    // One byte-order mark, at the start of the first chunk only.
    expect([csv.indexOf('\uFEFF'), csv.lastIndexOf('\uFEFF')]).toEqual([0, 0]);
    const parsed = Papa.parse<string[]>(csv.trim(), { header: false });
    const [header, ...rows] = parsed.data;
    expect(header).toEqual(['Date', 'Direction', 'Number', 'Name', 'Text', 'Status', 'Parts', 'Price']);
    expect(rows).toHaveLength(4_500);
    expect(rows[0]).toEqual(['2026-11-01 11:00:00', 'Received', '+61 422 222 222', '', 'Message 0', 'Received', '', '']);
    expect(rows[1]).toEqual(['2026-11-01 11:01:00', 'Sent', '+61 422 222 222', '', 'Message 1', 'Delivered', '1', '0.0792']);
    expect(rows.map((r) => r[4])).toEqual(Array.from({ length: 4_500 }, (_, i) => `Message ${i}`));
    expect(() => exports.next(started.exportId)).toThrow(/stopped/);
  });

  it('every conversation between two dates of the user’s calendar; a formula stays text', () => {
    const db = openCache(':memory:', accountCacheRules);
    // 11:00 on 1 Nov in Sydney is 1 Nov; minute 780 (13:00 UTC) is 2 Nov 00:00 in Sydney.
    ingestMessages(db, [message(0, A), message(779, A), message(780, B, { body: '=HYPERLINK("http://x")' })]);
    const exports = new MessageExports(db);
    const sydney = { fromMs: Date.UTC(2026, 9, 31, 13), toMs: Date.UTC(2026, 10, 1, 13) };
    const firstDay = exports.start(sydney, 'Australia/Sydney', 'range.csv');
    expect(firstDay.total).toBe(2);
    const next = exports.start({ fromMs: sydney.toMs, toMs: sydney.toMs + 86_400_000 }, 'Australia/Sydney', 'next.csv');
    const rows = Papa.parse<string[]>(pull(exports, next.exportId).csv.trim()).data.slice(1);
    expect(rows).toEqual([['2026-11-02 00:00:00', 'Received', '+61 433 333 333', '', `'=HYPERLINK("http://x")`, 'Received', '', '']]);
  });

  it('writes texts and names a spreadsheet would run as text, and numbers plain', () => {
    const db = openCache(':memory:', accountCacheRules);
    ingestMessages(db, HOSTILE_CSV_CELLS.map(([raw], i) => message(3 * i, HOSTILE_CSV_PHONES[i]!, { body: raw, messageId: `h-${i}` })));
    storeHostileContacts(db);
    const exports = new MessageExports(db);
    const { csv } = pull(exports, exports.start({ fromMs: base - 86_400_000, toMs: base + 86_400_000 }, 'Australia/Sydney', 'all.csv').exportId);
    expect(csv.startsWith('\uFEFFDate,Direction,Number,Name,Text,Status,Parts,Price\r\n')).toBe(true);
    const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.slice(1);
    expect(rows.map((r) => [r[2], r[3], r[4]])).toEqual(HOSTILE_CSV_CELLS.map(([, written], i) => [`+61 422 222 22${i}`, written, written]));
  });
});

describe('export.start over the contract', () => {
  const ACCOUNT = { username: 'export-user', apiKey: `key-${randomUUID()}` };
  const service = `ClickSend Inbox test ${randomUUID()}`;
  const silent = { error() {}, warn() {}, info() {} };
  let simulator: Simulator;
  let inbox: Inbox;

  beforeAll(async () => {
    simulator = await startSimulator({ accounts: [ACCOUNT] });
    inbox = new Inbox({ config: { apiUrl: simulator.url, dataDir: mkdtempSync(join(tmpdir(), 'inbox-export-')) }, secrets: createKeytarStore(service), log: silent, syncIntervalMs: 600_000 });
    await inbox.start();
    expect((await inbox.dispatch('session.signIn', ACCOUNT)).ok).toBe(true);
  });
  afterAll(async () => {
    await inbox.stop();
    await simulator.close();
    await createKeytarStore(service).delete(ACCOUNT.username);
  });

  const between = (from: string, to: string): Promise<Reply<unknown>> =>
    inbox.dispatch('export.start', { scope: { from, to }, zone: 'Australia/Sydney' });

  it('refuses a day that is not on the calendar in words, and takes 29 February of a leap year', async () => {
    expect(await between('2026-13-45', '2027-01-31')).toEqual({ ok: false, error: { code: 'INVALID_REQUEST', message: '2026-13-45 is not a date: there is no month 13.', action: null } });
    expect(await between('2026-02-01', '2026-02-30')).toEqual({ ok: false, error: { code: 'INVALID_REQUEST', message: '2026-02-30 is not a date: February 2026 has 28 days.', action: null } });
    expect(await between('2026-04-31', '2026-05-01')).toMatchObject({ ok: false, error: { message: '2026-04-31 is not a date: April 2026 has 30 days.' } });
    expect(await between('2026-01-00', '2026-01-01')).toMatchObject({ ok: false, error: { message: '2026-01-00 is not a date: January 2026 has 31 days.' } });
    expect(await between('2100-02-29', '2100-03-01')).toMatchObject({ ok: false, error: { message: '2100-02-29 is not a date: February 2100 has 28 days.' } });
    expect(await between('30/11/2026', '2026-12-01')).toMatchObject({ ok: false, error: { message: 'Use a date such as 2026-11-30.' } });
    expect(await between('2028-02-29', '2028-02-29')).toMatchObject({ ok: true, value: { filename: 'messages-2028-02-29-to-2028-02-29.csv', total: 0 } });
    expect(await between('2000-02-29', '2000-03-01')).toMatchObject({ ok: true });
  });
});
