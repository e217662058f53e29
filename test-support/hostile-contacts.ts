// For the export tests over a real cache: a contact named by each hostile
// cell (kept apart from hostile-csv-cells.ts, which the shared tests import
// and which must not bring the core's SQLite in with it).
import { replaceContacts } from '../electron/core/cache/contacts';
import type { Db } from '../electron/core/cache/database';
import { HOSTILE_CSV_CELLS, HOSTILE_CSV_PHONES } from './hostile-csv-cells';

/** One list holding a contact per cell, first-named by it, at HOSTILE_CSV_PHONES[i]. */
export function storeHostileContacts(db: Db): void {
  const contact = { list_id: 1, last_name: null, email: null, custom_1: null, custom_2: null, custom_3: null, custom_4: null };
  replaceContacts(
    db,
    [{ list_id: 1, list_name: 'Customers' }],
    HOSTILE_CSV_CELLS.map(([raw], i) => ({ ...contact, contact_id: i + 1, phone_number: HOSTILE_CSV_PHONES[i]!, first_name: raw })),
  );
}
