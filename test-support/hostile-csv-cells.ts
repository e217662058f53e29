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
