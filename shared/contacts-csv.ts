// Contacts in and out of CSV files as spreadsheets write them: a header row,
// commas or semicolons (or tabs), quoted fields with commas and new lines
// inside, an optional byte-order mark. Parsing is papaparse's, writing is
// shared/csv.ts's (as for every export); deciding what a row means (which
// column is the phone, which rows are invalid or the same person twice) is
// here, shared by the renderer's preview and the core.
import Papa from 'papaparse';
import { EmailAddress } from './contract';
import { csvFile } from './csv';
import { normaliseNumber } from './phone-numbers';

export const CONTACT_FIELDS = ['phone', 'firstName', 'lastName', 'email', 'custom1', 'custom2', 'custom3', 'custom4'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export const FIELD_LABELS: Record<ContactField, string> = {
  phone: 'Phone number',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  custom1: 'Custom 1',
  custom2: 'Custom 2',
  custom3: 'Custom 3',
  custom4: 'Custom 4',
};

/** Columns the import can read: the contact's fields, and a full name split into first and last. */
export const IMPORT_COLUMNS = ['phone', 'fullName', 'firstName', 'lastName', 'email', 'custom1', 'custom2', 'custom3', 'custom4'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const COLUMN_LABELS: Record<ImportColumn, string> = { ...FIELD_LABELS, fullName: 'Full name' };

export type ContactValues = Record<ContactField, string | null>;
export interface CsvContact extends ContactValues {
  /** Row in the spreadsheet (1 is the header; a quoted line break does not start a row), for messages about it. */
  line: number;
}

export interface ParsedCsv {
  headers: string[];
  rows: string[][];
}

export const MAX_CSV_BYTES = 20 * 1024 * 1024;
export const MAX_CSV_ROWS = 50_000;
const MAX_FIELD_LENGTH = 200;

export class CsvError extends Error {}

export function parseCsv(text: string): ParsedCsv {
  const clean = text.replace(/^\uFEFF/, '');
  if (clean.trim() === '') throw new CsvError('The file is empty.');
  if (clean.includes('\u0000')) throw new CsvError('This is not a CSV file (it contains binary data). Export the sheet as CSV and try again.');
  const result = Papa.parse<string[]>(clean, { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] });
  const [headers, ...rows] = result.data;
  if (!headers || headers.every((h) => h.trim() === '')) throw new CsvError('The file has no header row.');
  if (rows.length === 0) throw new CsvError('The file has a header row but no contacts.');
  if (rows.length > MAX_CSV_ROWS) throw new CsvError(`The file has ${rows.length.toLocaleString()} rows; import at most ${MAX_CSV_ROWS.toLocaleString()} at a time.`);
  return { headers: headers.map((h) => h.trim()), rows };
}

const headerHints: Record<ImportColumn, RegExp> = {
  phone: /^(phone|phone ?number|mobile|mobile ?number|cell|cell ?phone|number|tel|telephone|msisdn)$/i,
  fullName: /^(name|full ?name|contact ?name|customer|customer ?name|client|client ?name)$/i,
  firstName: /^(first ?name|given ?name|first|forename)$/i,
  lastName: /^(last ?name|surname|family ?name|last)$/i,
  email: /^(e-?mail|e-?mail ?address)$/i,
  custom1: /^custom ?_?1$/i,
  custom2: /^custom ?_?2$/i,
  custom3: /^custom ?_?3$/i,
  custom4: /^custom ?_?4$/i,
};

export type Mapping = Record<ImportColumn, number | null>;

/** A first guess of which column holds which field, from the header names. */
export function guessMapping(headers: readonly string[]): Mapping {
  const mapping = Object.fromEntries(IMPORT_COLUMNS.map((f) => [f, null])) as Mapping;
  headers.forEach((header, index) => {
    const name = header.replace(/[_.]/g, ' ').trim();
    for (const field of IMPORT_COLUMNS) {
      if (mapping[field] === null && headerHints[field].test(name)) {
        mapping[field] = index;
        break;
      }
    }
  });
  return mapping;
}

/** "Mary Ann Lee" → first "Mary Ann", last "Lee"; one word is a first name. */
export function splitFullName(full: string): { firstName: string | null; lastName: string | null } {
  const words = full.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { firstName: null, lastName: null };
  if (words.length === 1) return { firstName: words[0]!, lastName: null };
  return { firstName: words.slice(0, -1).join(' '), lastName: words.at(-1)! };
}

export function mapRows(parsed: ParsedCsv, mapping: Mapping): CsvContact[] {
  const cell = (row: string[], column: number | null) => {
    const value = column === null ? '' : (row[column] ?? '').trim();
    return value === '' ? null : value;
  };
  return parsed.rows.map((row, i) => {
    const contact = { line: i + 2 } as CsvContact;
    for (const field of CONTACT_FIELDS) contact[field] = cell(row, mapping[field]);
    // A full name fills the first and last name where their own columns are not mapped or empty.
    const full = cell(row, mapping.fullName);
    if (full) {
      const split = splitFullName(full);
      contact.firstName ??= split.firstName;
      contact.lastName ??= split.lastName;
    }
    return contact;
  });
}

export interface PreparedImport {
  /** One per phone number, fields merged, phone in E.164. */
  contacts: CsvContact[];
  invalid: Array<{ line: number; reason: string }>;
  /** Rows folded into an earlier row with the same number. */
  merged: number;
  /** Rows whose number opted out: imported as contacts, and still never texted. */
  optedOut: Array<{ line: number; phone: string }>;
}

/** Validates numbers and merges rows for the same number (later non-empty values win). */
/** `optedOut`: numbers (E.164) that may not be texted, to be marked in the preview. */
export function prepareImport(rows: readonly CsvContact[], defaultCountry?: string, optedOut: ReadonlySet<string> = new Set()): PreparedImport {
  const byPhone = new Map<string, CsvContact>();
  const invalid: PreparedImport['invalid'] = [];
  const marked: PreparedImport['optedOut'] = [];
  let merged = 0;
  for (const row of rows) {
    if (!row.phone) {
      invalid.push({ line: row.line, reason: 'No phone number.' });
      continue;
    }
    const number = normaliseNumber(row.phone, defaultCountry);
    if (!number.ok) {
      invalid.push({ line: row.line, reason: number.reason });
      continue;
    }
    const tooLong = CONTACT_FIELDS.find((f) => (row[f]?.length ?? 0) > MAX_FIELD_LENGTH);
    if (tooLong) {
      invalid.push({ line: row.line, reason: `${FIELD_LABELS[tooLong]} is longer than ${MAX_FIELD_LENGTH} characters.` });
      continue;
    }
    // The contract's own check: a row the core would refuse is never counted as importable.
    if (row.email && !EmailAddress.safeParse(row.email).success) {
      invalid.push({ line: row.line, reason: `${row.email} is not an email address.` });
      continue;
    }
    if (optedOut.has(number.e164)) marked.push({ line: row.line, phone: number.e164 });
    const existing = byPhone.get(number.e164);
    if (existing) {
      merged++;
      for (const field of CONTACT_FIELDS) if (row[field] && field !== 'phone') existing[field] = row[field];
    } else {
      byPhone.set(number.e164, { ...row, phone: number.e164 });
    }
  }
  return { contacts: [...byPhone.values()], invalid, merged, optedOut: marked };
}

/** A list as CSV, with the same headers the import recognises. */
export function contactsToCsv(contacts: ReadonlyArray<ContactValues>): string {
  return csvFile(
    CONTACT_FIELDS.map((f) => FIELD_LABELS[f]),
    contacts.map((c) => CONTACT_FIELDS.map((f) => c[f])),
  );
}
