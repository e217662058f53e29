// A send whose answer was lost, looked for in its kind's history at ClickSend
// by its custom_string. The search is a hint; the custom_string on a row of
// ours (direction out) is the proof.
import type { IncomingMessage } from '../cache/ingest';
import type { OutboxEntry } from '../cache/outbox';
import type { ClickSendClient } from '../clicksend/client';
import { historyOf, kindOf, messageOf } from '../messages/kinds';

export async function findSent(client: ClickSendClient, entry: OutboxEntry, since: number, signal?: AbortSignal): Promise<IncomingMessage | null> {
  const kind = kindOf(entry);
  for await (const rows of historyOf(kind, client, { q: `custom_string:${entry.customString}`, date_from: since }, signal)) {
    const row = rows.find((r) => r.custom_string === entry.customString && r.direction === 'out');
    if (row) return messageOf(kind, row);
  }
  return null;
}
