// /lists and /lists/{list_id}/contacts CRUD.
import { randomBytes } from 'node:crypto';
import { ApiError, missingFields, notFound, ok } from './envelope';
import { paginateArray, pageUrlFor, parsePage } from './pagination';
import { normalizePhone } from './phone';
import { parseOrder, parseSearch, searchAndSort } from './query';
import type { AccountState, Contact, ContactList, Handler, Sim } from './types';

const LIST_FIELDS = ['list_id', 'list_name'] as const;
const CONTACT_TEXT_FIELDS = [
  'first_name', 'last_name', 'email', 'fax_number', 'organization_name', 'address_line_1', 'address_line_2',
  'address_city', 'address_state', 'address_postal_code', 'address_country', 'custom_1', 'custom_2', 'custom_3',
  'custom_4',
] as const;
const CONTACT_SEARCH_FIELDS = ['contact_id', 'phone_number', ...CONTACT_TEXT_FIELDS] as const;
const CONTACT_ORDER_FIELDS = ['contact_id', 'phone_number', 'first_name', 'last_name', 'email', 'date_added', 'date_updated'] as const;

const idParam = (raw: string | undefined): number | null => (/^\d+$/.test(raw ?? '') ? Number(raw) : null);

function findList(account: AccountState, raw: string | undefined): ContactList {
  const id = idParam(raw);
  const list = id === null ? undefined : account.lists.get(id);
  if (!list) throw notFound('List not found.');
  return list;
}

function findContact(account: AccountState, list: ContactList, raw: string | undefined): Contact {
  const id = idParam(raw);
  const c = id === null ? undefined : account.contacts.get(id);
  if (!c || c.list_id !== list.list_id) throw notFound('Contact not found.');
  return c;
}

function listView(account: AccountState, list: ContactList): Record<string, unknown> {
  let count = 0;
  for (const c of account.contacts.values()) if (c.list_id === list.list_id) count++;
  return { ...list, _contacts_count: count };
}

export function addList(sim: Sim, account: AccountState, name: string): ContactList {
  const list: ContactList = {
    list_id: sim.nextId('list'),
    list_name: name,
    list_email_id: randomBytes(4).toString('hex').toUpperCase(),
  };
  account.lists.set(list.list_id, list);
  return list;
}

const text = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;

// An unusable phone_number is a 400 with INVALID_RECIPIENT, the code ClickSend uses for bad numbers.
function applyFields(c: Contact, body: Record<string, unknown>): void {
  if (body.phone_number !== undefined && body.phone_number !== null && body.phone_number !== '') {
    const phone = normalizePhone(body.phone_number);
    if (!phone) {
      throw new ApiError(400, 'INVALID_RECIPIENT', 'phone_number is not a valid phone number. Use international format, e.g. +61411111111.');
    }
    c.phone_number = phone;
  }
  for (const f of CONTACT_TEXT_FIELDS) if (body[f] !== undefined) c[f] = text(body[f]);
}

export function addContact(sim: Sim, account: AccountState, list: ContactList, body: Record<string, unknown>): Contact {
  const has = (v: unknown): boolean => v !== undefined && v !== null && v !== '';
  if (!has(body.phone_number) && !has(body.email) && !has(body.fax_number)) {
    throw missingFields('One of phone_number, email or fax_number is required.');
  }
  const now = sim.now();
  const c: Contact = {
    contact_id: 0, list_id: list.list_id, phone_number: null, first_name: null, last_name: null, email: null,
    fax_number: null, organization_name: null, address_line_1: null, address_line_2: null, address_city: null,
    address_state: null, address_postal_code: null, address_country: null, custom_1: null, custom_2: null,
    custom_3: null, custom_4: null, date_added: now, date_updated: now,
  };
  applyFields(c, body);
  c.contact_id = sim.nextId('contact');
  account.contacts.set(c.contact_id, c);
  return c;
}

export const listLists: Handler = ({ account, query, base, path }) => {
  const rows = searchAndSort(
    [...account.lists.values()],
    parseSearch(query, LIST_FIELDS),
    parseOrder(query, LIST_FIELDS, { field: 'list_id', desc: false }),
  ).map((l) => listView(account, l));
  return ok(paginateArray(rows, parsePage(query), pageUrlFor(base + path, query)), 'Here are your contact lists.');
};

export const createList: Handler = ({ sim, account, body }) => {
  const name = text(body.list_name);
  if (!name || name.trim() === '') throw missingFields('list_name is required.');
  return ok(listView(account, addList(sim, account, name)), 'New list has been created.');
};

export const getList: Handler = ({ account, params }) =>
  ok(listView(account, findList(account, params.list_id)), 'Here is your contact list.');

export const updateList: Handler = ({ account, params, body }) => {
  const list = findList(account, params.list_id);
  const name = text(body.list_name);
  if (!name || name.trim() === '') throw missingFields('list_name is required.');
  list.list_name = name;
  return ok(listView(account, list), 'Your list has been updated.');
};

export const deleteList: Handler = ({ account, params }) => {
  const list = findList(account, params.list_id);
  account.lists.delete(list.list_id);
  for (const [id, c] of account.contacts) if (c.list_id === list.list_id) account.contacts.delete(id);
  return ok(null, `List #${list.list_id} has been deleted.`);
};

export const listContacts: Handler = ({ account, params, query, base, path }) => {
  const list = findList(account, params.list_id);
  const after = Number(query.get('updated_after') ?? '');
  const inList = [...account.contacts.values()].filter(
    (c) => c.list_id === list.list_id && (!Number.isFinite(after) || after <= 0 || c.date_updated > after),
  );
  const rows = searchAndSort(
    inList,
    parseSearch(query, CONTACT_SEARCH_FIELDS),
    parseOrder(query, CONTACT_ORDER_FIELDS, { field: 'contact_id', desc: false }),
  ).map((c) => ({ ...c }));
  return ok(paginateArray(rows, parsePage(query), pageUrlFor(base + path, query)), 'Here are your contacts.');
};

export const createContact: Handler = ({ sim, account, params, body }) => {
  const list = findList(account, params.list_id);
  return ok({ ...addContact(sim, account, list, body) }, 'New contact has been created.');
};

export const getContact: Handler = ({ account, params }) => {
  const list = findList(account, params.list_id);
  return ok({ ...findContact(account, list, params.contact_id) }, 'Here is your contact.');
};

export const updateContact: Handler = ({ sim, account, params, body }) => {
  const list = findList(account, params.list_id);
  const c = findContact(account, list, params.contact_id);
  const draft = { ...c };
  applyFields(draft, body);
  Object.assign(c, draft, { date_updated: sim.now() });
  return ok({ ...c }, `Contact #${c.contact_id} has been updated.`);
};

export const deleteContact: Handler = ({ account, params }) => {
  const list = findList(account, params.list_id);
  const c = findContact(account, list, params.contact_id);
  account.contacts.delete(c.contact_id);
  return ok(null, `Contact #${c.contact_id} has been deleted.`);
};
