// Templates and contacts, copied from ClickSend every few minutes (or when
// asked): the cache's copy lets conversation titles and search work offline.
// Each is its own pull: templates refused or failing still let contacts come.
import { replaceContacts } from '../cache/contacts';
import { readCursor, writeCursor } from '../cache/sync-state';
import { replaceTemplates } from '../cache/templates';
import { ClickSendError } from '../clicksend/errors';
import type { Contact } from '../clicksend/schemas';
import { DIRECTORY_EVERY_MS } from './cadence';
import type { PullSteps } from './pull-steps';
import type { PullContext } from './pulls';

/** What changed, when it was due and read. */
export async function refreshDirectory(
  sync: PullContext,
  signal: AbortSignal,
  due: boolean,
  steps: PullSteps,
): Promise<{ templates: boolean; contacts: boolean } | 'not due'> {
  const last = readCursor(sync.db, 'directoryAt') ?? 0;
  if (!due && sync.now() - last < DIRECTORY_EVERY_MS) return 'not due';
  const templates = await steps.run('templates', () => mayBeDenied(readTemplates(sync, signal)));
  const contacts = await steps.run('contacts', () => mayBeDenied(readContacts(sync, signal)));
  writeCursor(sync.db, 'directoryAt', sync.now());
  return { templates: templates === true, contacts: contacts === true };
}

async function readTemplates(sync: PullContext, signal: AbortSignal): Promise<boolean> {
  const templates = [];
  for await (const rows of sync.client.templates(signal)) templates.push(...rows);
  return replaceTemplates(sync.db, templates);
}

async function readContacts(sync: PullContext, signal: AbortSignal): Promise<boolean> {
  const lists = [];
  const contacts: Contact[] = [];
  for await (const rows of sync.client.lists(signal)) lists.push(...rows);
  for (const list of lists) {
    for await (const rows of sync.client.contacts(list.list_id, signal)) contacts.push(...rows);
  }
  return replaceContacts(sync.db, lists, contacts);
}

/** An account that may not read them (403) still syncs its messages: nothing to say. */
function mayBeDenied(read: Promise<boolean>): Promise<boolean | 'denied'> {
  return read.catch((error: unknown) => {
    if (error instanceof ClickSendError && error.status === 403) return 'denied' as const;
    throw error;
  });
}
