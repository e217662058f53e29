import { describe, expect, it } from 'vitest';
import { describeMessage, type StoredMessage } from './rules';

const base: StoredMessage = {
  id: 1,
  conversationId: 1,
  messageId: 'M1',
  picture: null,
  direction: 'out',
  body: 'Hi',
  from: null,
  to: '+61422222222',
  status: 'Delivered',
  statusText: null,
  createdAt: 1_000,
  scheduledAt: null,
  parts: 1,
  price: '0.0792',
  outboxState: null,
  asksToStop: false,
};
const describe_ = (over: Partial<StoredMessage>) => describeMessage({ ...base, ...over });

describe('what a message means to the user', () => {
  it.each<[string, Partial<StoredMessage>, { statusLabel: string | null; tone: string; actions: string[] }]>([
    ['delivered', {}, { statusLabel: 'Delivered', tone: 'good', actions: [] }],
    ['a reply: none of our states, nothing to do', { direction: 'in', status: 'Received' }, { statusLabel: null, tone: 'neutral', actions: [] }],
    ['sending now', { messageId: null, status: 'Pending', outboxState: 'submitting' }, { statusLabel: 'Sending', tone: 'pending', actions: [] }],
    ['waiting for a connection', { messageId: null, status: 'Pending', outboxState: 'waiting' }, { statusLabel: 'Waiting to send', tone: 'pending', actions: ['delete'] }],
    ['answer lost, being checked', { messageId: null, status: 'Pending', outboxState: 'unknown' }, { statusLabel: 'Checking', tone: 'pending', actions: [] }],
    ['refused by ClickSend', { messageId: null, status: 'Failed' }, { statusLabel: 'Failed', tone: 'bad', actions: ['retry', 'delete'] }],
    ['taken, then failed on the network', { status: 'Failed' }, { statusLabel: 'Failed', tone: 'bad', actions: ['sendAgain'] }],
    ['taken, not delivered', { status: 'Undelivered' }, { statusLabel: 'Not delivered', tone: 'bad', actions: ['sendAgain'] }],
    ['scheduled at ClickSend', { status: 'Scheduled', scheduledAt: 9_000 }, { statusLabel: 'Scheduled', tone: 'pending', actions: ['cancel', 'edit'] }],
    ['scheduled, waiting in the outbox', { messageId: null, status: 'Pending', outboxState: 'waiting', scheduledAt: 9_000 }, { statusLabel: 'Waiting to send', tone: 'pending', actions: ['cancel', 'edit'] }],
    ['cancelled', { status: 'Cancelled', scheduledAt: 9_000 }, { statusLabel: 'Cancelled', tone: 'muted', actions: [] }],
  ])('%s', (_name, over, expected) => {
    expect(describe_(over)).toMatchObject(expected);
  });

  it('shows why a message failed or waits, and when it is scheduled for, only while it waits', () => {
    expect(describe_({ status: 'Undelivered', statusText: 'Handset out of coverage.' }).problem).toBe('Handset out of coverage.');
    expect(describe_({ statusText: 'Delivered to handset.' }).problem).toBeNull();
    expect(describe_({ status: 'Scheduled', scheduledAt: 9_000 }).waitingUntil).toBe(9_000);
    expect(describe_({ status: 'Cancelled', scheduledAt: 9_000 }).waitingUntil).toBeNull();
  });
});
