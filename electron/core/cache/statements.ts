// The open cache's handle, and its statements compiled once. Apart from
// database.ts (which opens the file and runs migrations) so that the
// migrations and the queries they call need not import the opener.
import type BetterSqlite3 from 'better-sqlite3';

export type Db = BetterSqlite3.Database;

const compiled = new WeakMap<Db, Map<string, BetterSqlite3.Statement>>();

/**
 * A statement compiled once per database, for what runs on every poll or
 * every page of the list (compiling costs more than running most of them).
 * `value: true` answers the first column alone (better-sqlite3's pluck).
 */
export function prepared<P extends unknown[] = unknown[], R = unknown>(db: Db, sql: string, options: { value?: boolean } = {}): BetterSqlite3.Statement<P, R> {
  let byText = compiled.get(db);
  if (!byText) compiled.set(db, (byText = new Map()));
  let statement = byText.get(sql);
  if (!statement) byText.set(sql, (statement = db.prepare(sql)));
  if (statement.reader) statement.pluck(options.value ?? false);
  return statement as unknown as BetterSqlite3.Statement<P, R>;
}
