// The export writer: what a spreadsheet would run stays text, phone numbers
// stay numbers, quoting survives a round trip, and the file starts with a BOM.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BYTE_ORDER_MARK, csvFile, csvRows } from './csv';
import { HOSTILE_CSV_CELLS } from '../test-support/hostile-csv-cells';

describe('CSV writer', () => {
  it('keeps formula-like cells as text with a leading quote, and leaves numbers and phone numbers plain', () => {
    const csv = csvFile(['Cell'], HOSTILE_CSV_CELLS.map(([raw]) => [raw]));
    const [header, ...rows] = Papa.parse<string[]>(csv).data;
    expect(header).toEqual(['Cell']);
    expect(rows.slice(0, HOSTILE_CSV_CELLS.length).map((r) => r[0])).toEqual(HOSTILE_CSV_CELLS.map(([, written]) => written));
    expect(csvRows([['+61411111111', '+61 422 222 222', '-1-1', '+1 (2)']])).toBe(`+61411111111,+61 422 222 222,"'-1-1",+1 (2)\r\n`);
  });

  it('starts with one byte-order mark, ends every row with CRLF and quotes what needs quoting', () => {
    const csv = csvFile(['A', 'B', 'C'], [['Lima, Ana', 'says "hi"', 'two\nlines'], [' padded', 3, null]]);
    expect(csv).toBe(`${BYTE_ORDER_MARK}A,B,C\r\n"Lima, Ana","says ""hi""","two\nlines"\r\n" padded",3,\r\n`);
    expect([...new TextEncoder().encode(csv).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csvRows([['later chunk']])).toBe('later chunk\r\n');
  });
});
