import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCache, type Db } from './database';
import { listConversations, markConversationRead } from './conversations';
import { listMessages } from './messages';
import { countMessages } from '../../../test-support/account-fixture';
import { applyStatusReports, ingestMessages, type IncomingMessage } from './ingest';
import { accountCacheRules } from '../session/cache-rules';

function message(overrides: Partial<IncomingMessage>): IncomingMessage {
  return {
    messageId: 'M1',
    customString: null,
    direction: 'out',
    body: 'Hello',
    from: '+61411000000',
    to: '+61422222222',
    status: 'Queued',
    statusCode: null,
    statusText: null,
    createdAt: 1_700_000_000_000,
    scheduledAt: null,
    parts: 1,
    price: '0.0792',
    unread: false,
    ...overrides,
  };
}

describe('message cache', () => {
  let db: Db;
  beforeEach(() => {
    db = openCache(':memory:', accountCacheRules);
  });
  afterEach(() => db.close());

  it('stores a message once however often it is ingested', () => {
    const first = ingestMessages(db, [message({})]);
    const again = ingestMessages(db, [message({}), message({})]);
    expect(first.added).toHaveLength(1);
    expect(again.added).toHaveLength(0);
    expect(again.changed).toHaveLength(0);
    expect(countMessages(db)).toBe(1);
  });

  it('groups both directions by the other party, normalised to E.164', () => {
    ingestMessages(db, [
      message({ messageId: 'A', direction: 'out', to: '+61 422 222 222', createdAt: 1000 }),
      message({ messageId: 'B', direction: 'in', from: '+61422222222', to: '+61411000000', status: 'Received', createdAt: 2000, unread: true }),
      message({ messageId: 'C', direction: 'out', to: '+61433333333', createdAt: 1500 }),
    ]);
    const conversations = listConversations(db, 10, 0).items;
    expect(conversations.map((c) => c.phone)).toEqual(['+61422222222', '+61433333333']);
    expect(conversations[0]).toMatchObject({ lastBody: 'Hello', lastDirection: 'in', unreadCount: 1 });
    expect(markConversationRead(db, conversations[0]!.id)).toBe(true);
    expect(listConversations(db, 10, 0).items[0]!.unreadCount).toBe(0);
  });

  it('moves statuses forward only, whatever order reports arrive in', () => {
    ingestMessages(db, [message({ status: 'Queued' })]);
    applyStatusReports(db, [{ messageId: 'M1', status: 'Delivered', statusCode: '201', statusText: 'Delivered to handset' }]);
    const late = applyStatusReports(db, [{ messageId: 'M1', status: 'Sent', statusCode: null, statusText: null }]);
    const stale = ingestMessages(db, [message({ status: 'Queued' })]);
    expect(late.changed).toHaveLength(0);
    expect(stale.changed).toHaveLength(0);
    const [stored] = listMessages(db, listConversations(db, 1, 0).items[0]!.id, 10);
    expect(stored).toMatchObject({ status: 'Delivered', statusText: 'Delivered to handset' });
  });

  it('records when an outbound message left, once, and never for one still queued', () => {
    const sentAt = () => db.prepare("SELECT sent_at FROM messages WHERE message_id = 'M1'").pluck().get();
    ingestMessages(db, [message({ status: 'Queued' })]);
    expect(sentAt()).toBeNull();
    applyStatusReports(db, [{ messageId: 'M1', status: 'Sent', statusCode: null, statusText: null }]);
    const first = sentAt();
    expect(first).toEqual(expect.any(Number));
    applyStatusReports(db, [{ messageId: 'M1', status: 'Delivered', statusCode: '201', statusText: null }]);
    expect(sentAt()).toBe(first);
    ingestMessages(db, [message({ messageId: 'M2', status: 'Delivered', createdAt: 1_700_000_500_000 })]);
    expect(db.prepare("SELECT sent_at FROM messages WHERE message_id = 'M2'").pluck().get()).toBe(1_700_000_500_000);
  });

  it('completes a pending send when history shows it under its custom_string', () => {
    ingestMessages(db, [message({ messageId: null, customString: 'inbox-1', status: 'Pending' })]);
    const reconciled = ingestMessages(db, [message({ messageId: 'REAL-ID', customString: 'inbox-1', status: 'Sent' })]);
    expect(reconciled.added).toHaveLength(0);
    expect(reconciled.changed[0]).toMatchObject({ messageId: 'REAL-ID', status: 'Sent' });
    expect(countMessages(db)).toBe(1);
  });

  it('pages a conversation newest first and backwards from a message', () => {
    ingestMessages(
      db,
      Array.from({ length: 25 }, (_, i) => message({ messageId: `M${i}`, body: `#${i}`, createdAt: 1000 + i })),
    );
    const conversationId = listConversations(db, 1, 0).items[0]!.id;
    const newest = listMessages(db, conversationId, 10);
    const older = listMessages(db, conversationId, 10, { beforeId: newest[9]!.id });
    const oldest = listMessages(db, conversationId, 10, { beforeId: older[9]!.id });
    expect(newest.map((m) => m.body)).toEqual(Array.from({ length: 10 }, (_, i) => `#${24 - i}`));
    expect(older[0]!.body).toBe('#14');
    expect(oldest.map((m) => m.body)).toEqual(['#4', '#3', '#2', '#1', '#0']);
  });
});
