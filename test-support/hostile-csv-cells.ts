// For the export tests: cells a spreadsheet would run or misread, each with
// what the CSV writer (shared/csv.ts) must write for it.
export const HOSTILE_CSV_CELLS: ReadonlyArray<readonly [raw: string, written: string]> = [
  ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
  ['+1+1', "'+1+1"],
  ['@SUM(1)', "'@SUM(1)"],
  ['\tx', "'\tx"],
  ['\rx', "'\rx"],
  // A number, not a formula: left as it is, like a phone number.
  ['-2', '-2'],
  ['Zoë Ångström 😊', 'Zoë Ångström 😊'],
];

/** A phone number for each cell, in order (+61422222220, +61422222221…), for a contact or a conversation named by it. */
export const HOSTILE_CSV_PHONES: readonly string[] = HOSTILE_CSV_CELLS.map((_, i) => `+6142222222${i}`);

/** What a conversation's title makes of a contact named by the cell: the title rule trims a name, so a tab or CR before it is gone. */
export function titleWritten([raw, written]: readonly [string, string]): string {
  return raw.trim() === raw ? written : raw.trim();
}
