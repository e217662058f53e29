// A conversation's place in the list and its preview come from what has
// happened (issue 16.7): a message scheduled for later, or cancelled, neither
// pins it to the top nor hides the reply that came before it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { filterCounts, getConversation, listConversations, markConversationRead, markConversationUnread, totalUnread } from './conversations';
import { openCache, type Db } from './database';
import { deleteLocalMessage } from './messages';
import { applyStatusReports, ingestMessages, type IncomingMessage } from './ingest';
import { accountCacheRules } from '../session/cache-rules';
import type { MessageStatus } from '../../../shared/contract';

/** A status set here, as cache/outbox.ts sets one when a send is retried or fails. */
function setLocalStatus(db: Db, id: number, status: MessageStatus, statusText: string | null): void {
  db.prepare('UPDATE messages SET status = ?, status_text = ? WHERE id = ?').run(status, statusText, id);
}

const HOUR = 3_600_000;
const now = Date.now();
let seq = 0;

function message(over: Partial<IncomingMessage> & Pick<IncomingMessage, 'direction' | 'createdAt'>): IncomingMessage {
  seq++;
  const other = over.direction === 'in' ? { from: '+61422222222', to: null } : { from: null, to: '+61422222222' };
  return {
    messageId: `M${seq}`,
    customString: null,
    body: `message ${seq}`,
    ...other,
    status: over.direction === 'in' ? 'Received' : 'Delivered',
    statusCode: null,
    statusText: null,
    scheduledAt: null,
    parts: 1,
    price: null,
    unread: false,
    ...over,
  };
}

const order = (db: Db) => listConversations(db, 10, 0).items.map((c) => [c.phone, c.lastBody]);

describe('the conversation list', () => {
  let db: Db;
  beforeEach(() => {
    db = openCache(':memory:', accountCacheRules);
  });
  afterEach(() => db.close());

  it('is not led by a message scheduled for later, nor by one cancelled', () => {
    ingestMessages(db, [
      message({ direction: 'in', from: '+61422222222', body: 'Can we book Friday?', createdAt: now - 3 * HOUR }),
      message({ direction: 'in', from: '+61433333333', body: 'Thanks!', createdAt: now - HOUR }),
      // Scheduled on the dashboard for two days from now: history dates it at its schedule.
      message({ direction: 'out', to: '+61422222222', body: 'Reminder: Friday 10am', status: 'Scheduled', createdAt: now + 48 * HOUR, scheduledAt: now + 48 * HOUR }),
    ]);
    expect(order(db)).toEqual([
      ['+61433333333', 'Thanks!'],
      ['+61422222222', 'Can we book Friday?'],
    ]);

    applyStatusReports(db, [{ messageId: `M${seq}`, status: 'Cancelled', statusCode: null, statusText: 'Cancelled from the app.' }]);
    expect(order(db)).toEqual([
      ['+61433333333', 'Thanks!'],
      ['+61422222222', 'Can we book Friday?'],
    ]);
  });

  it('moves a conversation up when its scheduled message goes', () => {
    ingestMessages(db, [
      message({ direction: 'in', from: '+61422222222', body: 'Book me in', createdAt: now - 3 * HOUR }),
      message({ direction: 'out', to: '+61422222222', body: 'Reminder', status: 'Scheduled', createdAt: now - 10 * 60_000, scheduledAt: now - 10 * 60_000 }),
      message({ direction: 'in', from: '+61433333333', body: 'Thanks!', createdAt: now - HOUR }),
    ]);
    expect(order(db)[0]).toEqual(['+61433333333', 'Thanks!']);
    applyStatusReports(db, [{ messageId: 'M' + (seq - 1), status: 'Delivered', statusCode: null, statusText: null }]);
    expect(order(db)[0]).toEqual(['+61422222222', 'Reminder']);
  });

  it('places a conversation holding only a scheduled message when it was seen, never in the future', () => {
    ingestMessages(db, [message({ direction: 'in', from: '+61433333333', body: 'Thanks!', createdAt: now - HOUR })]);
    ingestMessages(db, [
      message({ direction: 'out', to: '+61422222222', body: 'Next week', status: 'Scheduled', createdAt: now + 7 * 24 * HOUR, scheduledAt: now + 7 * 24 * HOUR }),
    ]);
    const [first] = listConversations(db, 10, 0).items;
    expect(first).toMatchObject({ phone: '+61422222222', lastBody: 'Next week', lastStatusLabel: 'Scheduled', lastTone: 'pending' });
    expect(first!.lastMessageAt).toBeLessThanOrEqual(Date.now());
  });

  it('counts what each filter holds; Failed is a conversation whose newest message of ours did not get through', () => {
    ingestMessages(db, [
      message({ direction: 'out', to: '+61422222222', status: 'Failed', createdAt: now - 3 * HOUR }),
      message({ direction: 'out', to: '+61433333333', status: 'Undelivered', createdAt: now - 3 * HOUR }),
      message({ direction: 'in', from: '+61444444444', unread: true, createdAt: now - HOUR }),
    ]);
    expect(filterCounts(db)).toEqual({ unread: 1, failed: 2, scheduled: 0, optedOut: 0, archived: 0 });
    // Followed up with a message that went: no longer waiting for attention.
    ingestMessages(db, [message({ direction: 'out', to: '+61422222222', status: 'Delivered', createdAt: now - HOUR })]);
    expect(filterCounts(db)).toEqual({ unread: 1, failed: 1, scheduled: 0, optedOut: 0, archived: 0 });
    expect(listConversations(db, 10, 0, 'failed').items.map((c) => [c.phone, c.lastStatusLabel])).toEqual([['+61433333333', 'Not delivered']]);
  });

  it('the unread count (badge, title, tray) counts conversations with unread replies, as the Unread filter does', () => {
    ingestMessages(db, [
      message({ direction: 'in', from: '+61422222222', unread: true, createdAt: now - 2 * HOUR }),
      message({ direction: 'in', from: '+61422222222', unread: true, createdAt: now - HOUR }),
      message({ direction: 'in', from: '+61433333333', unread: true, createdAt: now - HOUR }),
    ]);
    expect(totalUnread(db)).toBe(2);
    expect(totalUnread(db)).toBe(filterCounts(db).unread);
    expect(listConversations(db, 10, 0, 'unread').total).toBe(2);
    // The row still says how many replies wait in it.
    expect(listConversations(db, 10, 0).items.find((c) => c.phone === '+61422222222')?.unreadCount).toBe(2);
  });

  it('keeps "our newest message" right through every change: a retry, a delete, a scheduled one going', () => {
    const failedOf = () => listConversations(db, 10, 0, 'failed').items.map((c) => c.phone);
    ingestMessages(db, [message({ direction: 'out', to: '+61422222222', status: 'Delivered', createdAt: now - 3 * HOUR })]);
    const [refused] = ingestMessages(db, [message({ direction: 'out', to: '+61422222222', messageId: null, status: 'Failed', createdAt: now - 2 * HOUR })]).added;
    expect(failedOf()).toEqual(['+61422222222']);
    // Retried: waiting to go again, so not a failure to follow up.
    setLocalStatus(db, refused!.id, 'Pending', null);
    expect(failedOf()).toEqual([]);
    setLocalStatus(db, refused!.id, 'Failed', 'No credit.');
    expect(failedOf()).toEqual(['+61422222222']);
    // Deleted: the one before it (delivered) is ours newest again.
    deleteLocalMessage(db, refused!.id);
    expect(failedOf()).toEqual([]);
    // A scheduled one that then fails to deliver becomes the newest once it has gone.
    ingestMessages(db, [message({ direction: 'out', to: '+61422222222', status: 'Scheduled', createdAt: now - HOUR, scheduledAt: now - HOUR })]);
    expect(failedOf()).toEqual([]);
    applyStatusReports(db, [{ messageId: `M${seq}`, status: 'Undelivered', statusCode: null, statusText: 'Handset off.' }]);
    expect(failedOf()).toEqual(['+61422222222']);
  });

  it('Mark unread makes the newest reply unread again, whatever order replies arrived in and however many of ours came after; with no reply there is none to mark', () => {
    const actions = (id: number) => getConversation(db, id)!.actions.map((a) => a.action);
    const unreadBodies = () => db.prepare<[], string>('SELECT body FROM messages WHERE unread = 1').pluck().all();
    ingestMessages(db, [message({ direction: 'out', to: '+61422222222', createdAt: now - 4 * HOUR })]);
    const id = listConversations(db, 10, 0).items[0]!.id;
    expect(actions(id)).not.toContain('markUnread');
    expect(markConversationUnread(db, id)).toBe(false);

    // The newer reply first, an older one after (history catching up), then ours, one of them scheduled and gone.
    ingestMessages(db, [message({ direction: 'in', body: 'Newer reply', createdAt: now - 2 * HOUR })]);
    ingestMessages(db, [message({ direction: 'in', body: 'Older reply', createdAt: now - 3 * HOUR })]);
    ingestMessages(db, [
      message({ direction: 'out', to: '+61422222222', createdAt: now - HOUR }),
      message({ direction: 'out', to: '+61422222222', status: 'Scheduled', createdAt: now - 30 * 60_000, scheduledAt: now - 30 * 60_000 }),
    ]);
    applyStatusReports(db, [{ messageId: `M${seq}`, status: 'Delivered', statusCode: null, statusText: null }]);
    markConversationRead(db, id);
    expect(actions(id)).toContain('markUnread');
    expect(markConversationUnread(db, id)).toBe(true);
    expect(unreadBodies()).toEqual(['Newer reply']);
    expect(getConversation(db, id)).toMatchObject({ unreadCount: 1 });
  });
});
