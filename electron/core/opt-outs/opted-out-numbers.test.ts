// The opted-out export from a real cache: names and notes a spreadsheet would
// run stay text, numbers stay plain, and the file starts with a byte-order mark.
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOSTILE_CSV_CELLS } from '../../../test-support/hostile-csv-cells';
import { replaceContacts } from '../cache/contacts';
import { openCache, type Db } from '../cache/database';
import { recordOptOut } from '../cache/opt-outs';
import { optedOutCsv } from './opted-out-numbers';

describe('opted-out numbers as CSV', () => {
  let db: Db;
  beforeEach(() => {
    db = openCache(':memory:');
  });
  afterEach(() => db.close());

  it('writes names and notes a spreadsheet would run as text, numbers plain, after a byte-order mark', () => {
    const phones = HOSTILE_CSV_CELLS.map((_, i) => `+6142222222${i}`);
    const contact = { list_id: 1, last_name: null, email: null, custom_1: null, custom_2: null, custom_3: null, custom_4: null };
    replaceContacts(db, [{ list_id: 1, list_name: 'Customers' }], HOSTILE_CSV_CELLS.map(([raw], i) => ({ ...contact, contact_id: i + 1, phone_number: phones[i]!, first_name: raw })));
    // Oldest last: the export lists the newest first.
    HOSTILE_CSV_CELLS.forEach(([raw], i) =>
      recordOptOut(db, { phone: phones[i]!, optedOut: true, changedAt: Date.UTC(2026, 0, 1) - i * 60_000, how: 'by-hand', messageRowId: null, note: raw }),
    );
    const { filename, csv } = optedOutCsv(db);
    expect(filename).toBe('opted-out-numbers.csv');
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    // The title rule trims a name, so a tab or CR before it is gone there; the note keeps it.
    const nameWritten = ([raw, written]: readonly [string, string]) => (raw.trim() === raw ? written : raw.trim());
    expect(rows.map((r) => [r.Number, r.Name, r.Note])).toEqual(HOSTILE_CSV_CELLS.map((cell, i) => [phones[i], nameWritten(cell), cell[1]]));
    expect(rows[0]).toMatchObject({ 'Opted out at': '2026-01-01T00:00:00.000Z', How: 'By hand' });
    expect(csv.startsWith('\uFEFFNumber,Name,Opted out at,How,Note\r\n')).toBe(true);
  });
});
