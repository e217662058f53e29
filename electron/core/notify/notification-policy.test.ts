import { describe, expect, it } from 'vitest';
import { escapeMarkup, plainText } from '../../../shared/notification-text';
import { unreadLabel } from '../../../shared/unread-label';
import { decideNotifications, GROUP_FROM, pauseEnd, type NotificationContext, type Reply } from './notification-policy';

const now = Date.parse('2026-11-24T10:00:00Z');
const context: NotificationContext = { enabled: true, pausedUntil: null, now, backfilling: false, windowFocused: false, openConversationId: null };
const reply = (conversationId: number, body: string, title = `Customer ${conversationId}`, createdAt = now): Reply => ({ conversationId, title, body, createdAt });

describe('notification decisions', () => {
  it('notifies each reply with the contact’s name and a preview', () => {
    expect(decideNotifications([reply(1, 'Is my order ready?', 'Ana Lima')], context)).toEqual([
      { title: 'Ana Lima', body: 'Is my order ready?', conversationId: 1 },
    ]);
  });

  it('groups many replies from one sync pass into one summary that opens the newest', () => {
    const many = Array.from({ length: GROUP_FROM + 1 }, (_, i) => reply(i + 1, `Reply ${i}`, `Customer ${i + 1}`, now + i));
    expect(decideNotifications(many, context)).toEqual([
      { title: '5 new replies', body: 'From Customer 5, Customer 4 and 3 others', conversationId: 5 },
    ]);
    const fromTwo = [reply(1, 'a', 'Ana'), reply(2, 'b', 'Bo'), reply(1, 'c', 'Ana'), reply(2, 'd', 'Bo')];
    expect(decideNotifications(fromTwo, context)[0]!.body).toBe('From Ana and Bo');
  });

  it('stays quiet for the conversation open in the focused window, but not when the window is in the background', () => {
    const replies = [reply(1, 'Open one'), reply(2, 'Other one')];
    expect(decideNotifications(replies, { ...context, windowFocused: true, openConversationId: 1 }).map((n) => n.conversationId)).toEqual([2]);
    expect(decideNotifications(replies, { ...context, windowFocused: false, openConversationId: 1 })).toHaveLength(2);
  });

  it('stays quiet while paused, when turned off, and during the first backfill', () => {
    const replies = [reply(1, 'Hi')];
    expect(decideNotifications(replies, { ...context, pausedUntil: now + 1 })).toEqual([]);
    expect(decideNotifications(replies, { ...context, pausedUntil: now })).toHaveLength(1);
    expect(decideNotifications(replies, { ...context, enabled: false })).toEqual([]);
    expect(decideNotifications(replies, { ...context, backfilling: true })).toEqual([]);
  });

  it('pauses for an hour, until tomorrow 8:00 local time, indefinitely, or not at all', () => {
    expect(pauseEnd('hour', now)).toBe(now + 3_600_000);
    const tomorrow = new Date(pauseEnd('tomorrow', now)!);
    expect([tomorrow.getHours(), tomorrow.getMinutes(), tomorrow.getDate()]).toEqual([8, 0, new Date(now + 86_400_000).getDate()]);
    expect(pauseEnd('off', now)).toBeGreaterThan(now + 100 * 365 * 86_400_000);
    expect(pauseEnd('resume', now)).toBeNull();
  });

  it('keeps notification text plain: one line, no control or direction characters, shortened', () => {
    expect(plainText('Line one\nline two\u0000\u0007', 100)).toBe('Line one line two');
    expect(plainText('\u202Egnp.exe', 100)).toBe('gnp.exe');
    expect(plainText('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(plainText('👍'.repeat(5), 3)).toBe('👍👍…');
    expect(escapeMarkup('<b>free</b> & <a href="x">link</a>')).toBe('&lt;b&gt;free&lt;/b&gt; &amp; &lt;a href="x"&gt;link&lt;/a&gt;');
  });

  it('labels the tray and badge with the unread count', () => {
    expect(unreadLabel(0)).toEqual({ tooltip: 'ClickSend Inbox', badge: '', words: '' });
    expect(unreadLabel(1)).toEqual({ tooltip: 'ClickSend Inbox: 1 unread conversation', badge: '1', words: '1 unread conversation' });
    expect(unreadLabel(3)).toMatchObject({ tooltip: 'ClickSend Inbox: 3 unread conversations', words: '3 unread conversations' });
    expect(unreadLabel(250)).toMatchObject({ badge: '99+' });
  });
});
