import { describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/contract';
import { newestWindow, windowAround, withEvent, withNewer, withOlder } from './thread-window';

const m = (id: number, extra: Partial<Message> = {}): Message => ({
  id,
  conversationId: 1,
  messageId: `M${id}`,
  picture: null,
  direction: 'in',
  body: `#${id}`,
  from: '+61422222222',
  to: null,
  status: 'Received',
  statusText: null,
  createdAt: id * 1000,
  scheduledAt: null,
  parts: 1,
  price: null,
  outboxState: null,
  statusLabel: null,
  tone: 'neutral',
  problem: null,
  actions: [],
  waitingUntil: null,
  ...extra,
});
const ids = (messages: Message[]) => messages.map((x) => x.id);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => m(to - i));

describe('thread window', () => {
  it('opens on the newest page and knows whether there is more', () => {
    expect(newestWindow(range(51, 100), 50)).toMatchObject({ hasOlder: true, hasNewer: false });
    expect(newestWindow(range(1, 10), 50)).toMatchObject({ hasOlder: false });
  });

  it('grows backwards without repeating a message', () => {
    const window = withOlder(newestWindow(range(51, 100), 50), range(1, 50), 50);
    expect(ids(window.messages)).toEqual(ids(range(1, 100)));
    expect(window.hasOlder).toBe(true); // a full page: there may be more
    const overlapping = withOlder(newestWindow(range(51, 100), 50), range(41, 55), 50);
    expect(ids(overlapping.messages)).toEqual(ids(range(41, 100)));
    expect(overlapping.hasOlder).toBe(false);
  });

  it('opens around a search result, with more either side when the page was full', () => {
    const window = windowAround(range(26, 76), 51, 50);
    expect(window).toMatchObject({ focusId: 51, hasNewer: true, hasOlder: true });
    const atTheEnd = windowAround(range(76, 100), 90, 50);
    expect(atTheEnd).toMatchObject({ hasNewer: false, hasOlder: false });
  });

  it('keeps live messages out of a window that does not reach the newest, but applies status changes', () => {
    const old = windowAround(range(26, 76), 51, 50);
    const updated = withEvent(old, [m(200), m(60, { body: 'changed' })]);
    expect(ids(updated.messages)).not.toContain(200);
    expect(updated.messages.find((x) => x.id === 60)?.body).toBe('changed');

    const caughtUp = withNewer(updated, range(77, 100), 50);
    expect(caughtUp.hasNewer).toBe(false);
    expect(ids(withEvent(caughtUp, [m(200)]).messages)[0]).toBe(200);
  });
});
