import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendHistory, HISTORY_COLUMNS, type HistoryRow } from './history';

const run = (commit: string, list: number): HistoryRow => ({
  ...(Object.fromEntries(HISTORY_COLUMNS.map((column) => [column, null])) as HistoryRow),
  date: '2026-12-03T19:00:00.000Z',
  commit,
  machine: 'linux x64, Node v22.23.5',
  list_p95_ms: list,
});

describe('bench history', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'bench-history-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the header once and a row for each run, readable as CSV (a machine name with a comma stays one cell)', () => {
    const file = join(dir, 'history.csv');
    appendHistory(file, run('7362986', 4.2));
    appendHistory(file, run('abc1234', 0.9));
    const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.meta.fields).toEqual([...HISTORY_COLUMNS]);
    expect(parsed.data.map((r) => [r.commit, r.machine, r.list_p95_ms, r.open_p95_ms])).toEqual([
      ['7362986', 'linux x64, Node v22.23.5', '4.2', ''],
      ['abc1234', 'linux x64, Node v22.23.5', '0.9', ''],
    ]);
  });
});
