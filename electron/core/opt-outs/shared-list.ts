// The account's opt-outs, shared through a ClickSend contact list (named in
// the settings, "Opt-outs" by default, created on first use), so the
// dashboard, other tools and a second copy of the app see them, and numbers
// put in that list elsewhere are honoured here. Reconciled after each
// directory refresh (the cache then mirrors the list) and after a local
// change; the newer side wins, by the list entry's time and the decision's.
import { conversationKey } from '../../../shared/phone-numbers';
import { deleteContactRow, listIdNamed, numbersInList, upsertContact, upsertList } from '../cache/contacts';
import type { Db } from '../cache/database';
import { allOptOutRecords, recordOptOut } from '../cache/opt-outs';
import type { ClickSendClient } from '../clicksend/client';

export interface Reconciled {
  /** Numbers whose opt-out changed here because of the list. */
  changedHere: string[];
  added: number;
  removed: number;
}

export async function reconcileOptOutList(db: Db, client: ClickSendClient, listName: string, now = Date.now()): Promise<Reconciled> {
  const result: Reconciled = { changedHere: [], added: 0, removed: 0 };
  let listId = listIdNamed(db, listName);
  const entries = (listId === null ? [] : numbersInList(db, listId)).map((e) => ({
    contactId: e.contactId,
    phone: conversationKey(e.phone),
    // Epoch ms the entry last changed at ClickSend, when known.
    at: e.updatedAt === null ? null : e.updatedAt * 1000,
  }));
  const inList = new Map(entries.map((e) => [e.phone, e]));
  const local = new Map(allOptOutRecords(db).map((r) => [r.phone, r]));

  // The list → here: an entry newer than what is known here opts the number out.
  for (const entry of inList.values()) {
    const known = local.get(entry.phone);
    if (known?.optedOut) continue;
    const listIsNewer = !known || known.how === 'clicksend-list' || (entry.at !== null && entry.at > known.changedAt);
    if (listIsNewer) {
      recordOptOut(db, { phone: entry.phone, optedOut: true, changedAt: Math.max(entry.at ?? now, known ? known.changedAt + 1 : 0), how: 'clicksend-list', messageRowId: null, note: null });
      result.changedHere.push(entry.phone);
    } else {
      // Opted back in here (START, or by hand) after it was listed: it leaves the list.
      await client.deleteContact(listId!, entry.contactId);
      deleteContactRow(db, entry.contactId);
      result.removed++;
    }
  }
  for (const record of local.values()) {
    if (inList.has(record.phone) || !record.optedOut) continue;
    if (record.how === 'clicksend-list') {
      // Taken out of the list elsewhere: that is an opt-in, on the list's word.
      recordOptOut(db, { phone: record.phone, optedOut: false, changedAt: now, how: 'clicksend-list', messageRowId: null, note: null });
      result.changedHere.push(record.phone);
      continue;
    }
    // Opted out here: the list gets it (made on first use).
    if (listId === null) {
      const list = await client.createList(listName.trim());
      upsertList(db, list);
      listId = list.list_id;
    }
    // Into the cache at once too, so the next reconcile does not add it twice.
    upsertContact(db, await client.createContact(listId, { phone_number: record.phone }));
    result.added++;
  }
  return result;
}
