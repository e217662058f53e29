// Templates and contacts, copied from ClickSend every few minutes (or when
// asked): the cache's copy lets conversation titles and search work offline.
import { replaceContacts } from '../cache/contacts';
import { readCursor, writeCursor } from '../cache/sync-state';
import { replaceTemplates } from '../cache/templates';
import { ClickSendError } from '../clicksend/errors';
import type { Contact } from '../clicksend/schemas';
import { DIRECTORY_EVERY_MS } from './cadence';
import type { PullContext } from './pulls';

/**
 * What changed, when it was due and read; 'denied' for an account without
 * access to lists or templates (its messages still sync).
 */
export async function refreshDirectory(
  sync: PullContext,
  signal: AbortSignal,
  due: boolean,
): Promise<{ templates: boolean; contacts: boolean } | 'not due' | 'denied'> {
  const last = readCursor(sync.db, 'directoryAt') ?? 0;
  if (!due && sync.now() - last < DIRECTORY_EVERY_MS) return 'not due';
  try {
    const templates = [];
    for await (const rows of sync.client.templates(signal)) templates.push(...rows);
    const lists = [];
    const contacts: Contact[] = [];
    for await (const rows of sync.client.lists(signal)) lists.push(...rows);
    for (const list of lists) {
      for await (const rows of sync.client.contacts(list.list_id, signal)) contacts.push(...rows);
    }
    const changed = { templates: replaceTemplates(sync.db, templates), contacts: replaceContacts(sync.db, lists, contacts) };
    writeCursor(sync.db, 'directoryAt', sync.now());
    return changed;
  } catch (error) {
    if (!(error instanceof ClickSendError) || error.isConnectivity || error.isUnauthorized || error.kind === 'aborted') throw error;
    writeCursor(sync.db, 'directoryAt', sync.now());
    return 'denied';
  }
}
