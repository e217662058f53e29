// A customer's reply as ingestion takes it, for cache tests: what ClickSend
// leaves empty on an inbound row is null, so a test names only what it is about.
import type { IncomingMessage } from '../electron/core/cache/ingest';

export function replyFrom(from: string, reply: Pick<IncomingMessage, 'messageId' | 'createdAt'> & Partial<IncomingMessage>): IncomingMessage {
  return {
    customString: null, direction: 'in', body: 'Hi', from, to: null, status: 'Received',
    statusCode: null, statusText: null, scheduledAt: null, parts: 1, price: null, unread: true,
    ...reply,
  };
}
