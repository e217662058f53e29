// Every full bench run's figures, a row each, in docs/bench/history.csv
// (issue 29): a regression shows as a row against the runs before it, which
// the README's tables only did when someone copied the figures there.
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { csvFile, csvRows } from '../shared/csv';

export const HISTORY_COLUMNS = [
  'date',
  'commit',
  'machine',
  'messages',
  'list_p95_ms',
  'open_p95_ms',
  'page_before_p95_ms',
  'search_common_p95_ms',
  'search_prefix_p95_ms',
  'find_p95_ms',
  'startup_ms',
  'core_rss_mb',
  'renderer_heap_mb',
  'idle_cpu_percent',
  'client_vs_sdk',
  'first_sync_20k_s',
  'pictures_reopen_p50_ms',
] as const;

export type HistoryRow = Record<(typeof HISTORY_COLUMNS)[number], string | number | null>;

/** Adds one run's row, writing the header first when the file is new. */
export function appendHistory(file: string, row: HistoryRow): void {
  const cells = [HISTORY_COLUMNS.map((column) => row[column])];
  if (existsSync(file)) appendFileSync(file, csvRows(cells));
  else writeFileSync(file, csvFile(HISTORY_COLUMNS, cells));
}
