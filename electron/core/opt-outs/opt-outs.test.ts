// A customer who texts STOP gets no more messages: recognised as the reply is
// stored, and every send path refuses before ClickSend is asked. Against the
// simulator with a real cache.
import { beforeEach, describe, expect, it } from 'vitest';
import { ingestMessages } from '../cache/ingest';
import { optedOut, recordOptOut } from '../cache/opt-outs';
import { reconcileOptOutList } from './shared-list';
import { getMessage } from '../cache/messages';
import { Outbox } from '../outbox/outbox';
import { ScheduledSends } from '../outbox/scheduled';
import { syncOnce } from '../../../test-support/sync-once';
import { useAccountFixture } from '../../../test-support/account-fixture';
import { accountCacheRules } from '../session/cache-rules';

const ACCOUNT = { username: 'optout-user', apiKey: 'optout-key', balance: 5 };
const CUSTOMER = '+61422222222';
const HOUR = 3600;

describe('opt-outs', () => {
  const fixture = useAccountFixture(ACCOUNT);
  let outbox: Outbox;
  /** `secondsAgo`: replies in one second cannot be ordered (a tie keeps the number blocked). */
  const reply = async (body: string, secondsAgo = 0) => {
    fixture.sim.injectInbound({ username: ACCOUNT.username, from: CUSTOMER, body, timestamp: fixture.sim.now() - secondsAgo });
    await syncOnce({ db: fixture.db, client: fixture.client, outbox });
  };

  beforeEach(() => {
    outbox = new Outbox({ db: fixture.db, client: fixture.client, changes: () => undefined, confirmWithinMs: 60_000, defaultCountry: () => 'AU' });
  });

  it('STOP (any case, with punctuation) blocks sending, retrying and scheduling before ClickSend is asked; START reopens', async () => {
    await outbox.send(CUSTOMER, 'Your order is ready');
    await reply('Stop.', 60);
    expect(optedOut(fixture.db, CUSTOMER)).toMatchObject({ how: 'reply', optedOut: true });
    const sentBefore = fixture.sim.sent().length;

    const refusal = { code: 'OPTED_OUT', message: expect.stringMatching(/^Replied STOP on .*Messages to this number are blocked\.$/) };
    await expect(outbox.send('0422 222 222', 'One more thing')).rejects.toMatchObject(refusal);
    await expect(outbox.send(CUSTOMER, 'Tomorrow then', Math.floor(Date.now() / 1000) + 2 * HOUR)).rejects.toMatchObject(refusal);
    expect(fixture.sim.sent()).toHaveLength(sentBefore);

    await reply('START');
    expect(optedOut(fixture.db, CUSTOMER)).toBeNull();
    await expect(outbox.send(CUSTOMER, 'Welcome back')).resolves.toMatchObject({ status: 'Queued' });
  });

  it('a message waiting for a connection is not sent once the number has opted out', async () => {
    const port = Number(new URL(fixture.sim.url).port);
    await fixture.sim.close();
    const waiting = await outbox.send(CUSTOMER, 'Written offline');
    expect(waiting.status).toBe('Pending');
    // The STOP reaches the cache (as from another pass) while the message waits.
    ingestMessages(fixture.db, [
      { messageId: 'in-stop', customString: null, direction: 'in', body: 'STOP', from: CUSTOMER, to: null, status: 'Received', statusCode: null, statusText: null, createdAt: Date.now(), scheduledAt: null, parts: 1, price: null, unread: true },
    ]);
    const { startSimulator } = await import('../../../simulator/server');
    const back = await startSimulator({ port, accounts: [ACCOUNT] });
    try {
      await outbox.flush();
      expect(back.sent()).toHaveLength(0);
      expect(getMessage(fixture.db, waiting.id)).toMatchObject({ status: 'Failed', statusText: expect.stringMatching(/Not sent: Replied STOP/) });
      await expect(outbox.retry(waiting.id)).rejects.toMatchObject({ code: 'OPTED_OUT' });
    } finally {
      await back.close();
    }
  });

  it('editing a message scheduled to an opted-out number is refused before it is cancelled', async () => {
    const scheduled = new ScheduledSends(fixture.db, fixture.client, outbox, () => undefined);
    const message = await outbox.send(CUSTOMER, 'See you Monday', Math.floor(Date.now() / 1000) + 2 * HOUR);
    await reply('unsubscribe');
    await expect(scheduled.reschedule(message.id, 'See you Tuesday', Math.floor(Date.now() / 1000) + 3 * HOUR)).rejects.toMatchObject({ code: 'OPTED_OUT' });
    expect(getMessage(fixture.db, message.id)?.status).toBe('Scheduled');
  });

  it('a cache rebuilt from nothing gets every opt-out back from history: the last STOP or START of each number', async () => {
    await reply('STOP', 60);
    const now = fixture.sim.now();
    fixture.sim.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'stop', timestamp: now - 60 });
    fixture.sim.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'Start', timestamp: now - 30 });
    // A STOP and a START in the same second: which came last cannot be known, so it stays blocked.
    fixture.sim.injectInbound({ username: ACCOUNT.username, from: '+61444444444', body: 'START', timestamp: now - 10 });
    fixture.sim.injectInbound({ username: ACCOUNT.username, from: '+61444444444', body: 'STOP', timestamp: now - 10 });
    await syncOnce({ db: fixture.db, client: fixture.client, outbox });
    const { openCache } = await import('../cache/database');
    const rebuilt = openCache(':memory:', accountCacheRules);
    try {
      // The first sync of an empty cache walks the whole history, newest first.
      await syncOnce({ db: rebuilt, client: fixture.client });
      expect(optedOut(rebuilt, CUSTOMER)).toMatchObject({ how: 'reply' });
      expect(optedOut(rebuilt, '+61433333333')).toBeNull();
      expect(optedOut(rebuilt, '+61444444444')).not.toBeNull();
    } finally {
      rebuilt.close();
    }
  });

  it('the latest decision wins, whatever order history arrives in; YES opts in only after an opt-out; a longer reply only flags', async () => {
    const at = (minutes: number) => Date.now() - minutes * 60_000;
    const inbound = (id: string, body: string, createdAt: number) => ({
      messageId: id, customString: null, direction: 'in' as const, body, from: CUSTOMER, to: null, status: 'Received' as const,
      statusCode: null, statusText: null, createdAt, scheduledAt: null, parts: 1, price: null, unread: false,
    });
    ingestMessages(fixture.db, [inbound('a', 'Yes', at(50))]);
    expect(optedOut(fixture.db, CUSTOMER)).toBeNull();
    // Walked newest first: the START of 10 minutes ago arrives before the STOP of 30.
    ingestMessages(fixture.db, [inbound('b', 'start', at(10))]);
    ingestMessages(fixture.db, [inbound('c', 'STOP', at(30))]);
    expect(optedOut(fixture.db, CUSTOMER)).toBeNull();
    ingestMessages(fixture.db, [inbound('d', 'please stop texting me', at(5))]);
    expect(optedOut(fixture.db, CUSTOMER)).toBeNull();
    const result = ingestMessages(fixture.db, [inbound('e', 'END', at(1))]);
    expect(result.optOuts).toEqual([expect.objectContaining({ phone: CUSTOMER, optedOut: true })]);
    ingestMessages(fixture.db, [inbound('f', 'yes!', at(0))]);
    expect(optedOut(fixture.db, CUSTOMER)).toBeNull();
  });
});

describe('opt-outs shared through the ClickSend list', () => {
  const fixture = useAccountFixture(ACCOUNT);
  const LIST = 'Opt-outs';
  const listed = async () => {
    const lists = [];
    for await (const rows of fixture.client.lists()) lists.push(...rows);
    const list = lists.find((l) => l.list_name === LIST);
    if (!list) return null;
    const phones: string[] = [];
    for await (const rows of fixture.client.contacts(list.list_id)) phones.push(...rows.map((c) => c.phone_number ?? ''));
    return { listId: list.list_id, phones };
  };
  const refreshAndReconcile = async (db = fixture.db) => {
    await syncOnce({ db, client: fixture.client });
    return reconcileOptOutList(db, fixture.client, LIST);
  };

  it('a local opt-out goes into the list (made on first use); START takes it out again', async () => {
    recordOptOut(fixture.db, { phone: CUSTOMER, optedOut: true, changedAt: Date.now(), how: 'by-hand', messageRowId: null, note: 'phone call' });
    expect(await listed()).toBeNull();
    await refreshAndReconcile();
    expect((await listed())?.phones).toEqual([CUSTOMER]);
    // Another reconcile adds nothing twice.
    await reconcileOptOutList(fixture.db, fixture.client, LIST);
    expect((await listed())?.phones).toEqual([CUSTOMER]);

    recordOptOut(fixture.db, { phone: CUSTOMER, optedOut: false, changedAt: Date.now() + 1_000, how: 'reply', messageRowId: null, note: null });
    await refreshAndReconcile();
    expect((await listed())?.phones).toEqual([]);
  });

  it('a number put in the list elsewhere is honoured, and taken out elsewhere is opted back in; a second copy agrees', async () => {
    await refreshAndReconcile();
    const list = await fixture.client.createList(LIST);
    const contact = await fixture.client.createContact(list.list_id, { phone_number: '+61433333333' });
    const result = await refreshAndReconcile();
    expect(result.changedHere).toEqual(['+61433333333']);
    expect(optedOut(fixture.db, '+61433333333')).toMatchObject({ how: 'clicksend-list' });
    const outbox = new Outbox({ db: fixture.db, client: fixture.client, changes: () => undefined });
    await expect(outbox.send('+61433333333', 'Hello?')).rejects.toMatchObject({ code: 'OPTED_OUT', message: expect.stringMatching(/In the ClickSend opt-out list since/) });

    // A second copy of the app, with its own cache, on the same account.
    const { openCache } = await import('../cache/database');
    const second = openCache(':memory:', accountCacheRules);
    try {
      await refreshAndReconcile(second);
      expect(optedOut(second, '+61433333333')).not.toBeNull();
    } finally {
      second.close();
    }

    await fixture.client.deleteContact(list.list_id, contact.contact_id);
    await refreshAndReconcile();
    expect(optedOut(fixture.db, '+61433333333')).toBeNull();
  });
});
