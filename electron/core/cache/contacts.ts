// Contact lists and contacts, mirrored from ClickSend. Numbers are stored as
// conversation keys (E.164), so a conversation finds its contact by equality.
import type { Contact, ContactList } from '../../../shared/contract';
import { conversationKey, formatNumber } from '../../../shared/phone-numbers';
import type { Contact as ApiContact, ContactList as ApiList } from '../clicksend/schemas';
import { prepared, type Db } from './statements';

/** Writes a contact as ClickSend has it; a row that would not change is left alone (so `changes` means something). */
const UPSERT_CONTACT = `INSERT INTO contacts (contact_id, list_id, phone, first_name, last_name, email, custom_1, custom_2, custom_3, custom_4, updated_at)
  VALUES (@contact_id, @list_id, @phone, @first_name, @last_name, @email, @custom_1, @custom_2, @custom_3, @custom_4, @updated_at)
  ON CONFLICT (contact_id) DO UPDATE SET list_id = excluded.list_id, phone = excluded.phone,
    first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email,
    custom_1 = excluded.custom_1, custom_2 = excluded.custom_2, custom_3 = excluded.custom_3,
    custom_4 = excluded.custom_4, updated_at = excluded.updated_at
  WHERE (list_id, phone, first_name, last_name, email, custom_1, custom_2, custom_3, custom_4)
    IS NOT (excluded.list_id, excluded.phone, excluded.first_name, excluded.last_name, excluded.email,
            excluded.custom_1, excluded.custom_2, excluded.custom_3, excluded.custom_4)`;

function contactParams(contact: ApiContact) {
  return {
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
  };
}

/**
 * Makes the cache match ClickSend's lists and contacts exactly, in one
 * transaction: what ClickSend no longer has is removed here too.
 * Returns whether anything changed, so views refresh only when needed.
 */
export function replaceContacts(db: Db, lists: readonly ApiList[], contacts: readonly ApiContact[]): boolean {
  return db.transaction(() => {
    let changes = 0;
    const upsertList = prepared(
      db,
      `INSERT INTO contact_lists (list_id, name, contacts_count) VALUES (@list_id, @list_name, @count)
       ON CONFLICT (list_id) DO UPDATE SET name = excluded.name, contacts_count = excluded.contacts_count
       WHERE name IS NOT excluded.name OR contacts_count IS NOT excluded.contacts_count`,
    );
    for (const list of lists) {
      changes += upsertList.run({ list_id: list.list_id, list_name: list.list_name, count: list._contacts_count ?? null }).changes;
    }
    const upsert = prepared(db, UPSERT_CONTACT);
    const listIds = new Set(lists.map((l) => l.list_id));
    for (const contact of contacts) {
      if (!listIds.has(contact.list_id)) continue;
      changes += upsert.run(contactParams(contact)).changes;
    }
    const kept = contacts.filter((c) => listIds.has(c.list_id)).map((c) => c.contact_id);
    changes += prepared(db, 'DELETE FROM contacts WHERE contact_id NOT IN (SELECT value FROM json_each(?))').run(JSON.stringify(kept)).changes;
    changes += prepared(db, 'DELETE FROM contact_lists WHERE list_id NOT IN (SELECT value FROM json_each(?))').run(JSON.stringify([...listIds])).changes;
    return changes > 0;
  })();
}

export function listContactLists(db: Db): ContactList[] {
  const sql = 'SELECT list_id, name, contacts_count FROM contact_lists ORDER BY name COLLATE NOCASE, list_id';
  return prepared<[], { list_id: number; name: string; contacts_count: number | null }>(db, sql)
    .all()
    .map((r) => ({ listId: r.list_id, name: r.name, contactsCount: r.contacts_count }));
}

/** A row as stored: the columns contactParams writes. */
type ContactRow = ReturnType<typeof contactParams>;

function toContact(r: ContactRow): Contact {
  return {
    contactId: r.contact_id,
    listId: r.list_id,
    phone: r.phone,
    displayPhone: r.phone ? formatNumber(r.phone) : null,
    displayName: [r.first_name, r.last_name].map((n) => n?.trim()).filter(Boolean).join(' ') || (r.phone ? formatNumber(r.phone) : '(no name)'),
    firstName: r.first_name,
    lastName: r.last_name,
    email: r.email,
    custom1: r.custom_1,
    custom2: r.custom_2,
    custom3: r.custom_3,
    custom4: r.custom_4,
  };
}

/** The first contact with this number that has a name, else the first with it. */
export function contactForPhone(db: Db, phone: string): Contact | null {
  const row = prepared<[string], ContactRow>(
    db,
    `SELECT * FROM contacts WHERE phone = ? ORDER BY (COALESCE(first_name, '') || COALESCE(last_name, '')) = '', contact_id LIMIT 1`,
  ).get(phone);
  return row ? toContact(row) : null;
}

export function getContact(db: Db, contactId: number): Contact | null {
  const row = prepared<[number], ContactRow>(db, 'SELECT * FROM contacts WHERE contact_id = ?').get(contactId);
  return row ? toContact(row) : null;
}

/** A page of a list, by name then number; the query matches names, numbers and emails. */
export function listContacts(db: Db, listId: number, query: string, limit: number, offset: number): { total: number; items: Contact[] } {
  const like = `%${query.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = `list_id = ? AND (? = '%%' OR first_name LIKE ? ESCAPE '\\' OR last_name LIKE ? ESCAPE '\\'
    OR (first_name || ' ' || last_name) LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\')`;
  const args = [listId, like, like, like, like, like, like] as const;
  const items = prepared<unknown[], ContactRow>(
    db,
    `SELECT * FROM contacts WHERE ${where}
     ORDER BY COALESCE(NULLIF(first_name, ''), NULLIF(last_name, ''), phone) COLLATE NOCASE, contact_id LIMIT ? OFFSET ?`,
  ).all(...args, limit, offset);
  const total = prepared<unknown[], number>(db, `SELECT COUNT(*) FROM contacts WHERE ${where}`, { value: true }).get(...args)!;
  return { total, items: items.map(toContact) };
}

export function allContactsInList(db: Db, listId: number): Contact[] {
  return prepared<[number], ContactRow>(db, 'SELECT * FROM contacts WHERE list_id = ? ORDER BY contact_id').all(listId).map(toContact);
}

/** `recount: false` for imports, which recount the list once at the end (refreshListCount). */
export function upsertContact(db: Db, contact: ApiContact, { recount = true } = {}): void {
  prepared(db, UPSERT_CONTACT).run(contactParams(contact));
  if (recount) refreshListCount(db, contact.list_id);
}

export function deleteContactRow(db: Db, contactId: number): void {
  const listId = prepared<[number], number>(db, 'SELECT list_id FROM contacts WHERE contact_id = ?', { value: true }).get(contactId);
  prepared(db, 'DELETE FROM contacts WHERE contact_id = ?').run(contactId);
  if (listId !== undefined) refreshListCount(db, listId);
}

export function upsertList(db: Db, list: ApiList): void {
  prepared(db, 'INSERT INTO contact_lists (list_id, name, contacts_count) VALUES (?, ?, ?) ON CONFLICT (list_id) DO UPDATE SET name = excluded.name').run(list.list_id, list.list_name, list._contacts_count ?? 0);
}

/** The list and, by cascade, its contacts. */
export function deleteListRow(db: Db, listId: number): void {
  prepared(db, 'DELETE FROM contact_lists WHERE list_id = ?').run(listId);
}

export function refreshListCount(db: Db, listId: number): void {
  prepared(db, 'UPDATE contact_lists SET contacts_count = (SELECT COUNT(*) FROM contacts WHERE list_id = ?) WHERE list_id = ?').run(listId, listId);
}

/** The list with this name (any case), the oldest when several share it. */
export function listIdNamed(db: Db, name: string): number | null {
  return prepared<[string], number>(db, 'SELECT list_id FROM contact_lists WHERE name = ? COLLATE NOCASE ORDER BY list_id LIMIT 1', { value: true }).get(name.trim()) ?? null;
}

/** A list's numbered entries, with when each last changed at ClickSend (unix seconds, when known). */
export function numbersInList(db: Db, listId: number): Array<{ contactId: number; phone: string; updatedAt: number | null }> {
  const sql = 'SELECT contact_id, phone, updated_at FROM contacts WHERE list_id = ? AND phone IS NOT NULL';
  return prepared<[number], { contact_id: number; phone: string; updated_at: number | null }>(db, sql)
    .all(listId)
    .map((r) => ({ contactId: r.contact_id, phone: r.phone, updatedAt: r.updated_at }));
}
