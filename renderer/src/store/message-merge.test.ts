import { describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/contract';
import { groupByConversation, mergeMessages } from './message-merge';

const m = (id: number, createdAt: number, extra: Partial<Message> = {}): Message => ({
  id,
  conversationId: 1,
  messageId: `M${id}`,
  picture: null,
  direction: 'out',
  body: `#${id}`,
  from: null,
  to: '+61422222222',
  status: 'Queued',
  statusText: null,
  createdAt,
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

describe('mergeMessages', () => {
  it('keeps one copy per message, newest first, with the latest state', () => {
    const merged = mergeMessages([m(1, 100), m(2, 200)], [m(2, 200, { status: 'Delivered' }), m(3, 150)]);
    expect(merged.map((x) => x.id)).toEqual([2, 3, 1]);
    expect(merged[0]!.status).toBe('Delivered');
  });

  it('orders messages with the same time by id', () => {
    expect(mergeMessages([], [m(5, 100), m(7, 100), m(6, 100)]).map((x) => x.id)).toEqual([7, 6, 5]);
  });

  it('groups by conversation', () => {
    const groups = groupByConversation([m(1, 1), m(2, 2, { conversationId: 9 }), m(3, 3)]);
    expect([...groups.keys()]).toEqual([1, 9]);
    expect(groups.get(1)!.map((x) => x.id)).toEqual([1, 3]);
  });
});
