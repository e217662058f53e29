import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { HOSTILE_CSV_CELLS } from '../test-support/hostile-csv-cells';
import { contactsToCsv, guessMapping, mapRows, parseCsv, prepareImport, splitFullName } from './contacts-csv';
import { requests } from './contract';

const load = (text: string, country = 'AU') => {
  const parsed = parseCsv(text);
  return prepareImport(mapRows(parsed, guessMapping(parsed.headers)), country);
};

describe('contacts CSV', () => {
  it('reads a plain comma-separated export and maps the usual headers', () => {
    const parsed = parseCsv('First Name,Last Name,Mobile,Email\nAna,Lima,0422 222 222,ana@example.com\n');
    expect(guessMapping(parsed.headers)).toMatchObject({ firstName: 0, lastName: 1, phone: 2, email: 3, custom1: null });
    expect(load('First Name,Last Name,Mobile\nAna,Lima,0422 222 222').contacts).toEqual([
      expect.objectContaining({ line: 2, firstName: 'Ana', lastName: 'Lima', phone: '+61422222222' }),
    ]);
  });

  it('keeps commas, quotes and new lines inside quoted fields', () => {
    const { contacts } = load('phone,first_name,custom_1\n+61422222222,"Lima, Ana","Line one\nline ""two"""\n');
    expect(contacts[0]).toMatchObject({ firstName: 'Lima, Ana', custom1: 'Line one\nline "two"' });
  });

  it('ignores a byte-order mark and reads semicolon- and tab-separated files', () => {
    expect(parseCsv('\uFEFFphone;first name\n+61422222222;Ana').headers).toEqual(['phone', 'first name']);
    expect(load('\uFEFFphone;first name\n+61422222222;Ana').contacts[0]).toMatchObject({ firstName: 'Ana' });
    expect(load('phone\tfirst name\n+61422222222\tAna').contacts[0]).toMatchObject({ firstName: 'Ana' });
  });

  it('lists invalid rows with their line and reason, and skips them', () => {
    const { contacts, invalid } = load(`phone,first name,email\nnot a number,Bo,\n,Cy,\n0422222222,Di,di@\n0433333333,Ed,ed@example.com\n0444444444,${'F'.repeat(201)},`);
    expect(contacts.map((c) => c.firstName)).toEqual(['Ed']);
    expect(invalid).toEqual([
      { line: 2, reason: expect.stringMatching(/phone number/) },
      { line: 3, reason: 'No phone number.' },
      { line: 4, reason: 'di@ is not an email address.' },
      { line: 6, reason: 'First name is longer than 200 characters.' },
    ]);
  });

  it('merges rows with the same number however it is written, later values winning', () => {
    const { contacts, merged } = load('phone,first name,last name\n0422 222 222,Ana,\n+61422222222,,Lima\n61422222222,Anna,');
    expect(merged).toBe(2);
    expect(contacts).toEqual([expect.objectContaining({ phone: '+61422222222', firstName: 'Anna', lastName: 'Lima' })]);
  });

  it('treats short and long rows as missing and extra cells', () => {
    const { contacts } = load('phone,first name,last name\n+61422222222,Ana\n+61433333333,Bo,Cy,extra');
    expect(contacts.map((c) => [c.firstName, c.lastName])).toEqual([['Ana', null], ['Bo', 'Cy']]);
  });

  it('refuses empty, header-only and binary files with plain words', () => {
    expect(() => parseCsv('')).toThrow('The file is empty.');
    expect(() => parseCsv('\uFEFF  \n')).toThrow('The file is empty.');
    expect(() => parseCsv('phone,name\n')).toThrow('header row but no contacts');
    expect(() => parseCsv('PK\u0003\u0004\u0000\u0000binary')).toThrow(/not a CSV file/);
  });

  it('imports 10,000 rows', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `+614${String(10_000_000 + i).slice(-8)},Name ${i}`);
    const { contacts, invalid } = load(`phone,first name\n${lines.join('\n')}`);
    expect(contacts).toHaveLength(10_000);
    expect(invalid).toEqual([]);
    expect(contacts[9_999]).toMatchObject({ line: 10_001, firstName: 'Name 9999' });
  });

  it('exports what it imports', () => {
    const csv = contactsToCsv([
      { phone: '+61422222222', firstName: 'Lima, Ana', lastName: null, email: null, custom1: 'two\nlines', custom2: null, custom3: null, custom4: null },
    ]);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFPhone number,First name,Last name,Email,Custom 1,Custom 2,Custom 3,Custom 4');
    expect(load(csv).contacts[0]).toMatchObject({ phone: '+61422222222', firstName: 'Lima, Ana', custom1: 'two\nlines' });
  });

  it('exports a cell a spreadsheet would run as text, numbers plain, after a byte-order mark; reads its own export back', () => {
    const blank = { lastName: null, email: null, custom1: null, custom2: null, custom3: null, custom4: null };
    const csv = contactsToCsv(HOSTILE_CSV_CELLS.map(([raw], i) => ({ ...blank, phone: `+6142222222${i}`, firstName: raw, custom4: raw })));
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r['Phone number'], r['First name'], r['Custom 4']])).toEqual(
      HOSTILE_CSV_CELLS.map(([, written], i) => [`+6142222222${i}`, written, written]),
    );
    expect(csv.startsWith('\uFEFFPhone number,')).toBe(true);
    // Accents and emoji survive export then import, byte-order mark and all.
    const people = [
      { ...blank, phone: '+61422222222', firstName: 'Zoë 😊', lastName: 'Ångström' },
      { ...blank, phone: '+61433333333', firstName: 'José', lastName: 'Nguyễn 👩🏽‍💻' },
    ];
    expect(load(contactsToCsv(people)).contacts.map((c) => [c.phone, c.firstName, c.lastName])).toEqual(people.map((p) => [p.phone, p.firstName, p.lastName]));
  });

  it('maps a "Name" column to the full name, split into first and last', () => {
    const parsed = parseCsv('Name,Mobile\nMary Ann Lee,0422 222 222\nCher,0433 333 333\n');
    expect(guessMapping(parsed.headers)).toMatchObject({ fullName: 0, phone: 1, firstName: null, lastName: null });
    expect(load('Name,Mobile\nMary Ann Lee,0422 222 222\nCher,0433 333 333\n').contacts).toEqual([
      expect.objectContaining({ firstName: 'Mary Ann', lastName: 'Lee' }),
      expect.objectContaining({ firstName: 'Cher', lastName: null }),
    ]);
    // Its own first and last name columns win where they have a value.
    expect(load('Full name,First name,Phone\nMary Ann Lee,Molly,0422222222').contacts[0]).toMatchObject({ firstName: 'Molly', lastName: 'Lee' });
    expect(splitFullName('  ')).toEqual({ firstName: null, lastName: null });
  });

  it('never counts as importable a row the core would refuse', () => {
    // The old preview's looser check let this through; the import request then refused the whole batch.
    const { contacts, invalid } = load('phone,email\n0422222222,ana@example.c\n0433333333,bo@example.com');
    expect(invalid).toEqual([{ line: 2, reason: 'ana@example.c is not an email address.' }]);
    const rows = contacts.map((c) => ({ ...c, phone: c.phone! }));
    expect(requests['contacts.import'].params.safeParse({ listId: 1, rows }).success).toBe(true);
  });
});

describe('opted-out numbers in an import', () => {
  it('are marked by row, in any format the file writes them, and still imported as contacts', () => {
    const rows = mapRows(parseCsv('Name,Mobile\nAna Lima,0422 222 222\nBo Ng,+61 433 333 333\n'), { ...guessMapping(['Name', 'Mobile']) });
    const prepared = prepareImport(rows, 'AU', new Set(['+61422222222']));
    expect(prepared.optedOut).toEqual([{ line: 2, phone: '+61422222222' }]);
    expect(prepared.contacts.map((c) => c.phone)).toEqual(['+61422222222', '+61433333333']);
  });
});
