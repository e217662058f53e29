// Contact lists and contacts, edited at ClickSend and mirrored in the cache.
// Numbers are checked and stored as E.164. Offline edits are refused, like
// templates (see docs/architecture.md).
import { contactsToCsv } from '../../../shared/contacts-csv';
import type { Contact, ContactInput, ContactList, Result } from '../../../shared/contract';
import { normaliseNumber } from '../../../shared/phone-numbers';
import { requirePhoneNumber } from '../numbers/phone-input';
import type { ClickSendClient, ContactInput as ApiContactInput } from '../clicksend/client';
import { ClickSendError } from '../clicksend/errors';
import {
  allContactsInList,
  contactForPhone,
  deleteContactRow,
  deleteListRow,
  getContact,
  listContactLists,
  listContacts,
  refreshListCount,
  upsertContact,
  upsertList,
} from '../cache/contacts';
import type { Db } from '../cache/database';
import { deleteAtClickSend, editError, saveAtClickSend } from '../errors/edit-errors';
import { InboxError, inWords } from '../errors/inbox-error';

type ParsedContactInput = { [K in keyof ContactInput]-?: Exclude<ContactInput[K], undefined> };
export type ImportRow = ParsedContactInput & { line: number };

export type ImportResult = Result<'contacts.import'>;

export class Contacts {
  constructor(
    private readonly db: Db,
    private readonly client: ClickSendClient,
    private readonly changed: () => void,
    private readonly defaultCountry: () => string | undefined,
  ) {}

  lists(): ContactList[] {
    return listContactLists(this.db);
  }

  async saveList(listId: number | undefined, name: string): Promise<ContactList> {
    const request = listId === undefined ? this.client.createList(name) : this.client.updateList(listId, name);
    const saved = await saveAtClickSend(request, 'list', () => this.forget(() => deleteListRow(this.db, listId!)));
    upsertList(this.db, saved);
    this.changed();
    return this.lists().find((l) => l.listId === saved.list_id)!;
  }

  async deleteList(listId: number): Promise<void> {
    await deleteAtClickSend(this.client.deleteList(listId), 'list');
    this.forget(() => deleteListRow(this.db, listId));
  }

  list(listId: number, query: string, limit: number, offset: number) {
    return listContacts(this.db, listId, query, limit, offset);
  }

  forPhone(phone: string): Contact | null {
    const number = normaliseNumber(phone, this.defaultCountry());
    return number.ok ? contactForPhone(this.db, number.e164) : null;
  }

  async save(listId: number, contactId: number | undefined, input: ParsedContactInput): Promise<Contact> {
    const fields = this.toApi(input);
    const request = contactId === undefined ? this.client.createContact(listId, fields) : this.client.updateContact(listId, contactId, fields);
    const saved = await saveAtClickSend(request, 'contact', () => this.forget(() => deleteContactRow(this.db, contactId!)));
    upsertContact(this.db, saved);
    this.changed();
    return getContact(this.db, saved.contact_id)!;
  }

  async delete(listId: number, contactId: number): Promise<void> {
    await deleteAtClickSend(this.client.deleteContact(listId, contactId), 'contact');
    this.forget(() => deleteContactRow(this.db, contactId));
  }

  /**
   * One batch of an import. A number already in the list updates that
   * contact (values from the file win where they are not empty) instead of
   * adding a second one. A row ClickSend refuses is reported with its line.
   */
  async import(listId: number, rows: readonly ImportRow[]): Promise<ImportResult> {
    const result: ImportResult = { created: 0, updated: 0, failed: [] };
    const existing = new Map(allContactsInList(this.db, listId).map((c) => [c.phone, c]));
    try {
      for (const row of rows) {
        let fields: ApiContactInput;
        try {
          fields = this.toApi(row);
        } catch (error) {
          result.failed.push({ line: row.line, reason: error instanceof InboxError ? error.message : 'Not a valid contact.' });
          continue;
        }
        const known = existing.get(fields.phone_number!);
        try {
          const saved = known
            ? await this.client.updateContact(listId, known.contactId, mergeInto(known, fields))
            : await this.client.createContact(listId, fields);
          upsertContact(this.db, saved, { recount: false });
          existing.set(fields.phone_number!, getContact(this.db, saved.contact_id)!);
          if (known) result.updated++;
          else result.created++;
        } catch (error) {
          if (error instanceof ClickSendError && !error.isConnectivity && error.status !== 404) {
            result.failed.push({ line: row.line, reason: inWords(error.toUserError()) });
          } else {
            throw editError(error, 'list');
          }
        }
      }
    } finally {
      if (result.created + result.updated > 0) {
        refreshListCount(this.db, listId);
        this.changed();
      }
    }
    return result;
  }

  export(listId: number): { filename: string; csv: string } {
    const list = this.lists().find((l) => l.listId === listId);
    if (!list) throw new InboxError('NOT_FOUND', 'That list no longer exists.', null);
    const csv = contactsToCsv(allContactsInList(this.db, listId));
    return { filename: `${list.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'contacts'}.csv`, csv };
  }

  private toApi(input: ParsedContactInput): ApiContactInput {
    return {
      phone_number: requirePhoneNumber(input.phone, this.defaultCountry()),
      first_name: input.firstName ?? '',
      last_name: input.lastName ?? '',
      email: input.email ?? '',
      custom_1: input.custom1 ?? '',
      custom_2: input.custom2 ?? '',
      custom_3: input.custom3 ?? '',
      custom_4: input.custom4 ?? '',
    };
  }

  private forget(remove: () => void): void {
    remove();
    this.changed();
  }
}

/** Values from the file win where they are not empty; the rest stay as they were. */
function mergeInto(known: Contact, fields: ApiContactInput): ApiContactInput {
  const keep = (value: string | undefined, old: string | null) => (value ? value : (old ?? ''));
  return {
    phone_number: fields.phone_number,
    first_name: keep(fields.first_name, known.firstName),
    last_name: keep(fields.last_name, known.lastName),
    email: keep(fields.email, known.email),
    custom_1: keep(fields.custom_1, known.custom1),
    custom_2: keep(fields.custom_2, known.custom2),
    custom_3: keep(fields.custom_3, known.custom3),
    custom_4: keep(fields.custom_4, known.custom4),
  };
}
