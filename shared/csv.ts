// The one CSV writer every export uses (messages, Spend, contacts, opted-out
// numbers), so each file is written alike: commas, CRLF after every row,
// quotes where a cell needs them, formula-like cells kept as text, and a
// UTF-8 byte-order mark first.
import Papa from 'papaparse';

/** Without it Excel on Windows reads the file in the local code page: accents and emoji come out garbled. */
export const BYTE_ORDER_MARK = '\uFEFF';

/**
 * A cell a spreadsheet would run as a formula (a contact named
 * "=HYPERLINK(…)", "@SUM(1)", "+1+1", or one starting with a tab or CR) gets
 * a leading ' and stays text. A + or - followed only by digits, spaces and
 * brackets is left as it is: phone numbers ("+61411111111", "+61 422 222
 * 222") stay usable in the sheet, and such a cell is at most a number
 * ("-2"), never a formula that runs anything.
 */
const FORMULA = /^(?:[=@\t\r]|[+-](?![\d ()]+$))/;

export type CsvCell = string | number | null | undefined;

/**
 * Rows of CSV, each ending in CRLF: a later chunk of a file whose first chunk
 * came from csvFile. papaparse quotes a cell holding a comma, quote or line
 * break, or starting or ending with a space (some spreadsheets trim it).
 */
export function csvRows(rows: Iterable<readonly CsvCell[]>): string {
  const all = [...rows];
  return all.length ? `${Papa.unparse(all, { escapeFormulae: FORMULA, newline: '\r\n' })}\r\n` : '';
}

/** A whole file, or the first chunk of one: the byte-order mark, the header row, then the rows. */
export function csvFile(headers: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  return BYTE_ORDER_MARK + csvRows([headers]) + csvRows(rows);
}
