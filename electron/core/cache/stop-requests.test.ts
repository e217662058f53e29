// A reply that reads like a request to stop asks the owner once, in the list
// and on the reply, until it is decided. Real SQLite, rows as ingestion stores them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getConversation } from './conversations';
import { openCache, type Db } from './database';
import { accountCacheRules } from '../session/cache-rules';
import { replyFrom } from '../../../test-support/replies';
import { ingestMessages } from './ingest';
import { getMessage } from './messages';
import { recordOptOut } from './opt-outs';
import { dismissedStopRequests, dismissStopRequest, restoreDismissedStopRequests } from './stop-requests';

const CUSTOMER = '+61422222222';
const MINUTE = 60_000;
const T0 = Date.UTC(2026, 2, 1, 9);

const reply = (id: string, body: string, createdAt: number) => replyFrom(CUSTOMER, { messageId: id, body, createdAt });

describe('a reply that reads like a request to stop', () => {
  let db: Db;
  beforeEach(() => {
    db = openCache(':memory:', accountCacheRules);
  });
  afterEach(() => db.close());

  const store = (id: string, body: string, at: number) => ingestMessages(db, [reply(id, body, at)]);
  const conversation = (id: number) => getConversation(db, id)!;
  const byHand = (optedOut: boolean, at: number) =>
    recordOptOut(db, { phone: CUSTOMER, optedOut, changedAt: at, how: 'by-hand', messageRowId: null, note: null });

  it('flags its conversation and offers both answers on the reply, until the number is opted out; opting back in does not ask again', () => {
    const asked = store('a', 'Please stop texting me', T0).added[0]!;
    expect(asked.actions).toEqual(['confirmOptOut', 'dismissStopRequest']);
    expect(conversation(asked.conversationId).askedToStop).toEqual({ replyId: asked.id, at: T0 });
    // A later ordinary reply neither asks nor hides the question.
    const later = store('b', 'Thanks', T0 + MINUTE).added[0]!;
    expect(later.actions).toEqual([]);
    expect(conversation(asked.conversationId).askedToStop).toMatchObject({ replyId: asked.id });

    byHand(true, T0 + 2 * MINUTE);
    expect(conversation(asked.conversationId).askedToStop).toBeNull();
    expect(getMessage(db, asked.id)?.actions).toEqual([]);
    byHand(false, T0 + 3 * MINUTE);
    expect(conversation(asked.conversationId).askedToStop).toBeNull();
    expect(getMessage(db, asked.id)?.actions).toEqual([]);

    // Asked again after that: the question is back, on the new reply only.
    const again = store('c', 'I said stop messaging me', T0 + 4 * MINUTE);
    expect(again.added[0]!.actions).toEqual(['confirmOptOut', 'dismissStopRequest']);
    expect(again.changed.map((m) => [m.id, m.actions])).toEqual([[asked.id, []]]);
    expect(conversation(asked.conversationId).askedToStop).toMatchObject({ replyId: again.added[0]!.id });
  });

  it('a STOP or START from the customer decides it, and the reply that asked is handed back without its buttons', () => {
    const asked = store('a', 'can you stop sending these', T0).added[0]!;
    const stop = store('b', 'STOP', T0 + MINUTE);
    expect(stop.changed).toEqual([expect.objectContaining({ id: asked.id, actions: [] })]);
    expect(conversation(asked.conversationId).askedToStop).toBeNull();
    store('c', 'START', T0 + 2 * MINUTE);
    expect(conversation(asked.conversationId).askedToStop).toBeNull();
  });

  it('an opt-in made before the request does not answer it', () => {
    byHand(false, T0 - MINUTE);
    const asked = store('a', 'Please stop texting me', T0).added[0]!;
    expect(conversation(asked.conversationId).askedToStop).not.toBeNull();
  });

  it('"Not a stop request" dismisses it and any older one; a newer one still asks, and history arriving newest first changes nothing', () => {
    const older = store('a', 'stop by at 5? the end of the road', T0).added[0]!;
    const newer = store('b', 'Please stop texting me', T0 + MINUTE).added[0]!;
    // Dismissing the older reply leaves the newer question alone.
    expect(dismissStopRequest(db, older.id)).toBeNull();
    expect(conversation(newer.conversationId).askedToStop).toMatchObject({ replyId: newer.id });

    expect(dismissStopRequest(db, newer.id)).toBe(CUSTOMER);
    expect(conversation(newer.conversationId).askedToStop).toBeNull();
    expect(getMessage(db, newer.id)?.actions).toEqual([]);
    expect(dismissStopRequest(db, newer.id)).toBeNull();
    // An older request walked in later by the first sync does not ask.
    expect(store('c', 'stop texting please', T0 - MINUTE).added[0]!.actions).toEqual([]);
    expect(conversation(newer.conversationId).askedToStop).toBeNull();
  });

  it('a rebuilt cache keeps what the owner dismissed once history brings the reply back', () => {
    const asked = store('a', 'Please stop texting me', T0).added[0]!;
    dismissStopRequest(db, asked.id);
    const rebuilt = openCache(':memory:', accountCacheRules);
    try {
      restoreDismissedStopRequests(rebuilt, dismissedStopRequests(db));
      const [again] = ingestMessages(rebuilt, [reply('a', 'Please stop texting me', T0)]).added;
      expect(again!.actions).toEqual([]);
      expect(getConversation(rebuilt, again!.conversationId)?.askedToStop).toBeNull();
    } finally {
      rebuilt.close();
    }
  });
});
