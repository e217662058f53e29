// A row's menu says what each entry will do, from the conversation as the
// cache has it: Mark read or Mark unread (only with a reply to mark), Pin or
// Unpin, Mute or Unmute, Archive or Move to inbox, Export.
import { describe, expect, it } from 'vitest';
import { openCache } from '../cache/database';
import { setConversationFlags } from '../cache/conversation-flags';
import { listConversations, markConversationRead, markConversationUnread } from '../cache/conversations';
import { ingestMessages, type IncomingMessage } from '../cache/ingest';
import { replyFrom } from '../../../test-support/replies';
import { accountCacheRules } from '../session/cache-rules';

const PHONE = '+61422222222';
const reply = (messageId: string, createdAt: number) => replyFrom(PHONE, { messageId, createdAt });
const ours = (messageId: string, createdAt: number): IncomingMessage => ({
  messageId, customString: null, direction: 'out', body: 'Hello', from: null, to: PHONE, status: 'Delivered',
  statusCode: null, statusText: null, createdAt, scheduledAt: null, parts: 1, price: null, unread: false,
});

describe('a conversation’s menu', () => {
  it('names each toggle for what it will do, and offers Mark unread only where there is a reply', () => {
    const db = openCache(':memory:', accountCacheRules);
    const menu = (filter: 'all' | 'archived' = 'all') => listConversations(db, 10, 0, filter).items[0]!.actions.map((a) => `${a.action}:${a.label}`);

    ingestMessages(db, [ours('o1', 1_000)]);
    expect(menu()).toEqual(['pin:Pin', 'mute:Mute', 'archive:Archive', 'export:Export…']);

    ingestMessages(db, [reply('r1', 2_000)]);
    expect(menu()[0]).toBe('markRead:Mark read');
    const id = listConversations(db, 10, 0).items[0]!.id;
    markConversationRead(db, id);
    expect(menu()[0]).toBe('markUnread:Mark unread');
    markConversationUnread(db, id);
    expect(menu()[0]).toBe('markRead:Mark read');

    setConversationFlags(db, PHONE, { pinned: true, muted: true, archived: true }, 3_000);
    expect(menu('archived')).toEqual(['markRead:Mark read', 'unpin:Unpin', 'unmute:Unmute', 'unarchive:Move to inbox', 'export:Export…']);
  });
});
