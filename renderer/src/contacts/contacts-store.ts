// Lists and the contacts of the selected list, as the core has them cached.
import { create } from 'zustand';
import type { Contact, ContactInput, ContactList, UserError } from '../../../shared/contract';
import { call } from '../bridge/inbox-client';
import { attempt } from '../store/attempt';
import { latestRequest } from '../store/latest-request';
import { reloadSoon } from '../store/reload-soon';

const PAGE = 500;

interface ContactsState {
  lists: ContactList[] | null;
  listId: number | null;
  query: string;
  contacts: Contact[];
  total: number;
  error: UserError | null;
  /** A contact to create with this number (from "Add to contacts"). */
  prefillPhone: string | null;

  load(): Promise<void>;
  /** The sync (or an import) brought changes: read again if read at all, keeping the list, the filter and what is on screen. */
  refresh(): void;
  selectList(listId: number | null): Promise<void>;
  setQuery(query: string): Promise<void>;
  saveList(listId: number | undefined, name: string): Promise<UserError | null>;
  removeList(listId: number): Promise<UserError | null>;
  save(contactId: number | undefined, input: ContactInput): Promise<{ saved: Contact | null; error: UserError | null }>;
  remove(contactId: number): Promise<UserError | null>;
  addFromConversation(phone: string): void;
  clearPrefill(): void;
}

const contactRequests = latestRequest();

/** Once for a burst of changes (an import says so per contact). */
const refreshSoon = reloadSoon(async () => {
  const { lists, load } = useContacts.getState();
  if (lists !== null) await load();
}, 250);

export const useContacts = create<ContactsState>()((set, get) => {
  const loadContacts = async () => {
    const { listId, query } = get();
    const isLatest = contactRequests.start();
    if (listId === null) return set({ contacts: [], total: 0 });
    const error = await attempt(async () => {
      const page = await call('contacts.list', { listId, query, limit: PAGE, offset: 0 });
      if (isLatest()) set({ contacts: page.items, total: page.total });
    });
    if (error) set({ error });
  };

  return {
    lists: null,
    listId: null,
    query: '',
    contacts: [],
    total: 0,
    error: null,
    prefillPhone: null,

    async load() {
      const error = await attempt(async () => {
        const lists = await call('lists.list', {});
        const listId = lists.some((l) => l.listId === get().listId) ? get().listId : (lists[0]?.listId ?? null);
        set({ lists, listId, error: null });
        await loadContacts();
      });
      if (error) set({ error });
    },
    refresh: () => refreshSoon(),
    async selectList(listId) {
      set({ listId, query: '' });
      await loadContacts();
    },
    async setQuery(query) {
      set({ query });
      await loadContacts();
    },
    async saveList(listId, name) {
      const error = await attempt(async () => {
        const saved = await call('lists.save', { ...(listId === undefined ? {} : { listId }), name });
        set({ listId: saved.listId });
      });
      await get().load();
      return error;
    },
    removeList: (listId) =>
      attempt(async () => {
        await call('lists.delete', { listId });
        set({ listId: null });
        await get().load();
      }),
    async save(contactId, contact) {
      const listId = get().listId;
      if (listId === null) return { saved: null, error: { code: 'NO_LIST', message: 'Create a list first.', action: null } };
      let saved: Contact | null = null;
      const error = await attempt(async () => {
        saved = await call('contacts.save', { listId, ...(contactId === undefined ? {} : { contactId }), contact });
      });
      await get().load();
      return { saved, error };
    },
    async remove(contactId) {
      const listId = get().listId;
      if (listId === null) return null;
      return attempt(async () => {
        await call('contacts.delete', { listId, contactId });
        await get().load();
      });
    },
    addFromConversation(phone) {
      set({ prefillPhone: phone });
    },
    clearPrefill() {
      set({ prefillPhone: null });
    },
  };
});
