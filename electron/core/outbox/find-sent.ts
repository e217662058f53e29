// A send whose answer was lost, looked for in ClickSend's history by its
// custom_string: SMS in /sms/history, picture messages in /mms/history. The
// search is a hint; the custom_string on the row is the proof.
import type { IncomingMessage } from '../cache/ingest';
import type { OutboxEntry } from '../cache/outbox';
import type { ClickSendClient } from '../clicksend/client';
import { fromHistory, fromPictureHistory } from '../messages/from-api';

export async function findSent(client: ClickSendClient, entry: OutboxEntry, since: number, signal?: AbortSignal): Promise<IncomingMessage | null> {
  const query = { q: `custom_string:${entry.customString}`, date_from: since };
  if (entry.picture) {
    for await (const rows of client.pictureHistory(query, signal)) {
      const row = rows.find((r) => r.custom_string === entry.customString);
      if (row) return fromPictureHistory(row);
    }
    return null;
  }
  for await (const rows of client.history(query, signal)) {
    const row = rows.find((r) => r.custom_string === entry.customString && r.direction === 'out');
    if (row) return fromHistory(row);
  }
  return null;
}
