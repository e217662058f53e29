// The opted-out export from a real cache: names and notes a spreadsheet would
// run stay text, numbers stay plain, and the file starts with a byte-order mark.
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOSTILE_CSV_CELLS, HOSTILE_CSV_PHONES, titleWritten } from '../../../test-support/hostile-csv-cells';
import { storeHostileContacts } from '../../../test-support/hostile-contacts';
import { openCache, type Db } from '../cache/database';
import { recordOptOut } from '../cache/opt-outs';
import { optedOutCsv } from './opted-out-numbers';
import { accountCacheRules } from '../session/cache-rules';

describe('opted-out numbers as CSV', () => {
  let db: Db;
  beforeEach(() => {
    db = openCache(':memory:', accountCacheRules);
  });
  afterEach(() => db.close());

  it('writes names and notes a spreadsheet would run as text, numbers plain, after a byte-order mark', () => {
    storeHostileContacts(db);
    // Oldest last: the export lists the newest first.
    HOSTILE_CSV_CELLS.forEach(([raw], i) =>
      recordOptOut(db, { phone: HOSTILE_CSV_PHONES[i]!, optedOut: true, changedAt: Date.UTC(2026, 0, 1) - i * 60_000, how: 'by-hand', messageRowId: null, note: raw }),
    );
    const { filename, csv } = optedOutCsv(db);
    expect(filename).toBe('opted-out-numbers.csv');
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    // The name follows the title rule (trimmed); the note keeps a tab or CR before it.
    expect(rows.map((r) => [r.Number, r.Name, r.Note])).toEqual(HOSTILE_CSV_CELLS.map((cell, i) => [HOSTILE_CSV_PHONES[i], titleWritten(cell), cell[1]]));
    expect(rows[0]).toMatchObject({ 'Opted out at': '2026-01-01T00:00:00.000Z', How: 'By hand' });
    expect(csv.startsWith('\uFEFFNumber,Name,Opted out at,How,Note\r\n')).toBe(true);
  });
});
