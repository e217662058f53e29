// Contact lists and contacts, mirrored from ClickSend. Numbers are stored as
// conversation keys (E.164), so a conversation finds its contact by equality.
import { conversationKey } from '../../../shared/phone-numbers';
import type { Contact as ApiContact, ContactList as ApiList } from '../clicksend/schemas';
import type { Db } from './database';

export interface CachedList {
  listId: number;
  name: string;
  contactsCount: number | null;
}

export interface CachedContact {
  contactId: number;
  listId: number;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  custom: [string | null, string | null, string | null, string | null];
}

/**
 * Makes the cache match ClickSend's lists and contacts exactly, in one
 * transaction: what ClickSend no longer has is removed here too.
 * Returns whether anything changed, so views refresh only when needed.
 */
export function replaceContacts(db: Db, lists: readonly ApiList[], contacts: readonly ApiContact[]): boolean {
  return db.transaction(() => {
    let changes = 0;
    const upsertList = db.prepare(
      `INSERT INTO contact_lists (list_id, name, contacts_count) VALUES (@list_id, @list_name, @count)
       ON CONFLICT (list_id) DO UPDATE SET name = excluded.name, contacts_count = excluded.contacts_count
       WHERE name IS NOT excluded.name OR contacts_count IS NOT excluded.contacts_count`,
    );
    for (const list of lists) {
      changes += upsertList.run({ list_id: list.list_id, list_name: list.list_name, count: list._contacts_count ?? null }).changes;
    }
    const upsertContact = db.prepare(
      `INSERT INTO contacts (contact_id, list_id, phone, first_name, last_name, email, custom_1, custom_2, custom_3, custom_4, updated_at)
       VALUES (@contact_id, @list_id, @phone, @first_name, @last_name, @email, @custom_1, @custom_2, @custom_3, @custom_4, @updated_at)
       ON CONFLICT (contact_id) DO UPDATE SET list_id = excluded.list_id, phone = excluded.phone,
         first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email,
         custom_1 = excluded.custom_1, custom_2 = excluded.custom_2, custom_3 = excluded.custom_3,
         custom_4 = excluded.custom_4, updated_at = excluded.updated_at
       WHERE (list_id, phone, first_name, last_name, email, custom_1, custom_2, custom_3, custom_4)
         IS NOT (excluded.list_id, excluded.phone, excluded.first_name, excluded.last_name, excluded.email,
                 excluded.custom_1, excluded.custom_2, excluded.custom_3, excluded.custom_4)`,
    );
    const listIds = new Set(lists.map((l) => l.list_id));
    for (const contact of contacts) {
      if (!listIds.has(contact.list_id)) continue;
      changes += upsertContact.run({
        contact_id: contact.contact_id,
        list_id: contact.list_id,
        phone: contact.phone_number ? conversationKey(contact.phone_number) : null,
        first_name: contact.first_name,
        last_name: contact.last_name,
        email: contact.email,
        custom_1: contact.custom_1,
        custom_2: contact.custom_2,
        custom_3: contact.custom_3,
        custom_4: contact.custom_4,
        updated_at: contact.date_updated ?? null,
      }).changes;
    }
    const kept = contacts.filter((c) => listIds.has(c.list_id)).map((c) => c.contact_id);
    changes += db.prepare('DELETE FROM contacts WHERE contact_id NOT IN (SELECT value FROM json_each(?))').run(JSON.stringify(kept)).changes;
    changes += db
      .prepare('DELETE FROM contact_lists WHERE list_id NOT IN (SELECT value FROM json_each(?))')
      .run(JSON.stringify([...listIds])).changes;
    return changes > 0;
  })();
}

export function listContactLists(db: Db): CachedList[] {
  return db
    .prepare<[], { list_id: number; name: string; contacts_count: number | null }>(
      'SELECT list_id, name, contacts_count FROM contact_lists ORDER BY name COLLATE NOCASE, list_id',
    )
    .all()
    .map((r) => ({ listId: r.list_id, name: r.name, contactsCount: r.contacts_count }));
}

interface ContactRow {
  contact_id: number;
  list_id: number;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  custom_1: string | null;
  custom_2: string | null;
  custom_3: string | null;
  custom_4: string | null;
}

export function contactsByPhone(db: Db, phone: string): CachedContact[] {
  return db
    .prepare<[string], ContactRow>('SELECT * FROM contacts WHERE phone = ? ORDER BY contact_id')
    .all(phone)
    .map((r) => ({
      contactId: r.contact_id,
      listId: r.list_id,
      phone: r.phone,
      firstName: r.first_name,
      lastName: r.last_name,
      email: r.email,
      custom: [r.custom_1, r.custom_2, r.custom_3, r.custom_4],
    }));
}
