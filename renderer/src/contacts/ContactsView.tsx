// The contacts view: lists, their contacts (filterable), and a form to create,
// edit and delete; import from and export to CSV; message a contact.
import { askForText, confirmAction, DeleteButton } from '../app/dialogs';
import { download } from '../app/download';
import { ListOrNote } from '../app/ListOrNote';
import { ErrorBanner } from '../app/ErrorBanner';
import { useEffect, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CONTACT_FIELDS, FIELD_LABELS, type ContactField } from '../../../shared/contacts-csv';
import type { Contact, UserError } from '../../../shared/contract';
import { call, describeError } from '../bridge/inbox-client';
import { useConversations } from '../conversations/conversations-store';
import { useInbox } from '../store/inbox-store';
import { useContacts } from './contacts-store';
import { ImportDialog } from './ImportDialog';
import { OptedOutNumbers } from './OptedOutNumbers';
import { CustomerText } from '../app/CustomerText';

export function ContactsView() {
  const { lists, listId, contacts, total, query, error, prefillPhone } = useContacts(
    useShallow((s) => ({ lists: s.lists, listId: s.listId, contacts: s.contacts, total: s.total, query: s.query, error: s.error, prefillPhone: s.prefillPhone })),
  );
  const { load, selectList, setQuery } = useContacts.getState();
  const [editing, setEditing] = useState<Contact | 'new' | null>(prefillPhone ? 'new' : null);
  const [importing, setImporting] = useState(false);
  const [savedId, setSavedId] = useState<number | null>(null);
  const [listError, setListError] = useState<UserError | null>(null);
  const [showingOptOuts, setShowingOptOuts] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  const list = lists?.find((l) => l.listId === listId) ?? null;

  const newList = async () => {
    const name = await askForText({ title: 'New list', label: 'Name of the list', confirmLabel: 'Create list', dismissLabel: 'Cancel' });
    if (name) setListError(await useContacts.getState().saveList(undefined, name));
  };
  const renameList = async () => {
    if (!list) return;
    const name = await askForText({ title: `Rename “${list.name}”`, label: 'New name', initial: list.name, confirmLabel: 'Rename', dismissLabel: 'Cancel' });
    if (name && name !== list.name) setListError(await useContacts.getState().saveList(list.listId, name));
  };
  const deleteList = async () => {
    if (!list) return;
    const count = list.contactsCount ?? 0;
    const yes = await confirmAction({
      title: `Delete the list “${list.name}”?`,
      message: `Its ${count === 1 ? 'contact is' : `${count.toLocaleString()} contacts are`} deleted too, here and in ClickSend. Conversations and messages stay.`,
      confirmLabel: 'Delete list',
      dismissLabel: 'Keep it',
      danger: true,
    });
    if (yes) setListError(await useContacts.getState().removeList(list.listId));
  };
  const exportList = async () => {
    if (!list) return;
    try {
      const { filename, csv } = await call('contacts.export', { listId: list.listId });
      download(filename, csv);
    } catch (e) {
      setListError(describeError(e));
    }
  };

  return (
    <div className="contacts-view">
      <section className="lists" aria-label="Contact lists">
        <div className="sidebar-top">
          <strong>Lists</strong>
          <button type="button" onClick={() => void newList()}>
            New list
          </button>
        </div>
        <ListOrNote items={lists} error={error} loading="Loading lists…" empty="No lists yet. Contacts live in lists: create one to start.">
          {(items) =>
            items.map((l) => (
              <li key={l.listId}>
                <button
                  type="button"
                  className={l.listId === listId && !showingOptOuts ? 'conversation selected' : 'conversation'}
                  onClick={() => {
                    setShowingOptOuts(false);
                    void selectList(l.listId);
                  }}
                >
                  <span className="title">{l.name}</span>
                  <span className="muted">{(l.contactsCount ?? 0) === 1 ? '1 contact' : `${(l.contactsCount ?? 0).toLocaleString()} contacts`}</span>
                </button>
              </li>
            ))
          }
        </ListOrNote>
        <button type="button" className={showingOptOuts ? 'conversation selected' : 'conversation'} onClick={() => setShowingOptOuts(true)}>
          <span className="title">Opted-out numbers</span>
          <span className="muted">Never texted</span>
        </button>
      </section>
      {showingOptOuts ? (
        <OptedOutNumbers />
      ) : (
        <>
      <section className="contacts" aria-label="Contacts in list">
        {list && (
          <div className="sidebar-top wrap">
            <input type="search" aria-label="Filter contacts" placeholder="Filter contacts" value={query} onChange={(e) => void setQuery(e.target.value)} />
            <button type="button" onClick={() => setEditing('new')}>
              New contact
            </button>
            <button type="button" className="secondary" onClick={() => setImporting(true)}>
              Import CSV
            </button>
            <button type="button" className="secondary" onClick={() => void exportList()}>
              Export CSV
            </button>
            <button type="button" className="secondary" onClick={() => void renameList()}>
              Rename list
            </button>
            <button type="button" className="secondary danger" onClick={() => void deleteList()}>
              Delete list
            </button>
          </div>
        )}
        <ErrorBanner error={listError} />
        {list && contacts.length === 0 && <p className="empty muted">{query ? 'No contact matches.' : 'No contacts in this list yet.'}</p>}
        <ul className="plain-list">
          {contacts.map((c) => (
            <li key={c.contactId}>
              <button type="button" className={editing !== 'new' && editing?.contactId === c.contactId ? 'conversation selected' : 'conversation'} onClick={() => setEditing(c)}>
                <CustomerText className="title" text={c.displayName} />
                <span className="preview muted">{c.displayPhone}</span>
              </button>
            </li>
          ))}
        </ul>
        {total > contacts.length && <p className="muted empty">Showing {contacts.length} of {total.toLocaleString()}: filter to find the rest.</p>}
      </section>
      <section className="editor" aria-label="Contact">
        {editing === null ? (
          <p className="empty muted">Choose a contact to edit it, or add a new one.</p>
        ) : (
          <ContactForm
            key={editing === 'new' ? `new-${prefillPhone}` : editing.contactId}
            contact={editing === 'new' ? null : editing}
            prefillPhone={editing === 'new' ? prefillPhone : null}
            saved={editing !== 'new' && editing.contactId === savedId}
            onEdit={() => setSavedId(null)}
            onDone={(c, saved) => {
              useContacts.getState().clearPrefill();
              setEditing(c);
              // Said in the form that shows the saved contact (a new one's form is replaced by it).
              setSavedId(saved && c ? c.contactId : null);
            }}
          />
        )}
      </section>
        </>
      )}
      {importing && list && <ImportDialog list={list} onClose={() => setImporting(false)} />}
    </div>
  );
}

const fieldOf: Record<ContactField, keyof Contact> = {
  phone: 'phone',
  firstName: 'firstName',
  lastName: 'lastName',
  email: 'email',
  custom1: 'custom1',
  custom2: 'custom2',
  custom3: 'custom3',
  custom4: 'custom4',
};

interface ContactFormProps {
  contact: Contact | null;
  prefillPhone: string | null;
  /** Just saved: say so until the next edit. */
  saved: boolean;
  onEdit: () => void;
  onDone: (c: Contact | null, saved: boolean) => void;
}

function ContactForm({ contact, prefillPhone, saved, onEdit, onDone }: ContactFormProps) {
  const [values, setValues] = useState<Record<ContactField, string>>(() => {
    const initial = Object.fromEntries(CONTACT_FIELDS.map((f) => [f, String(contact?.[fieldOf[f]] ?? '')])) as Record<ContactField, string>;
    if (!contact && prefillPhone) initial.phone = prefillPhone;
    return initial;
  });
  const [contactId, setContactId] = useState(contact?.contactId);
  const [error, setError] = useState<UserError | null>(null);
  const [busy, setBusy] = useState(false);
  const lists = useContacts((s) => s.lists);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    onEdit();
    const input = Object.fromEntries(CONTACT_FIELDS.map((f) => [f, values[f].trim() === '' ? null : values[f].trim()])) as Record<ContactField, string | null>;
    const result = await useContacts.getState().save(contactId, { ...input, phone: input.phone ?? '' });
    setBusy(false);
    setError(result.error);
    if (result.error?.code === 'DELETED_ELSEWHERE') setContactId(undefined);
    if (result.saved) onDone(result.saved, true);
  };

  const message = async () => {
    const failure = await useConversations.getState().openNumber(values.phone);
    if (failure) setError(failure);
    else useInbox.getState().setView('conversations');
  };

  if (!lists?.length) return <p className="empty muted">Create a list first.</p>;
  return (
    <form className="form" onSubmit={(e) => void submit(e)}>
      <h2>{contactId === undefined ? 'New contact' : 'Edit contact'}</h2>
      {CONTACT_FIELDS.map((f) => (
        <label key={f}>
          {FIELD_LABELS[f]}
          <input
            value={values[f]}
            onChange={(e) => {
              setValues((v) => ({ ...v, [f]: e.target.value }));
              onEdit();
            }}
            type={f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text'}
            required={f === 'phone'}
            maxLength={f === 'phone' ? 40 : 200}
          />
        </label>
      ))}
      <ErrorBanner error={error} />
      {saved && <p role="status">Saved, here and in ClickSend.</p>}
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          Save
        </button>
        {contactId !== undefined && (
          <>
            <button type="button" className="secondary" onClick={() => void message()}>
              Message
            </button>
            <DeleteButton
              what="contact"
              title="Delete this contact?"
              message="It is deleted here and in ClickSend. Conversations with the number stay."
              disabled={busy}
              remove={() => useContacts.getState().remove(contactId)}
              onError={setError}
              onDone={() => onDone(null, false)}
            />
          </>
        )}
      </div>
    </form>
  );
}
