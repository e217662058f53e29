// Sends against the simulator with the real cache: a lost answer is settled
// from history, never by sending again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { startSimulator, type Simulator } from '../../../simulator/server';
import { ClickSendClient } from '../clicksend/client';
import { openCache, type Db } from '../cache/database';
import { getMessage } from '../cache/messages';
import { listOutbox, markSubmitting } from '../cache/outbox';
import { setConversationFlags } from '../cache/conversation-flags';
import { conversationIdForPhone, getConversation } from '../cache/conversations';
import { ingestMessages } from '../cache/ingest';
import { salvageLocalWork } from '../cache/salvage';
import { replyFrom } from '../../../test-support/replies';
import { countMessages, useAccountFixture } from '../../../test-support/account-fixture';
import { Outbox } from './outbox';
import { accountCacheRules } from '../session/cache-rules';

const ACCOUNT = { username: 'outbox-user', apiKey: 'outbox-key' };

describe('Outbox', () => {
  const fixture = useAccountFixture({ ...ACCOUNT, balance: 5 });
  let sim: Simulator;
  let db: Db;
  let outbox: Outbox;
  let clock: number;

  beforeEach(() => {
    ({ sim, db } = fixture);
    clock = Date.now();
    outbox = new Outbox({ db, client: fixture.client, changes: () => undefined, confirmWithinMs: 60_000, now: () => clock });
  });

  it('sends and records ClickSend’s id, parts and price', async () => {
    const message = await outbox.send('+61 411 111 111', 'Hello there');
    expect(message).toMatchObject({ status: 'Queued', to: '+61411111111', parts: 1, price: '0.0792' });
    expect(message.messageId).toBe(sim.sent()[0]!.message_id);
  });

  it('refuses bad input before any request', async () => {
    await expect(outbox.send('12ab', 'x')).rejects.toMatchObject({ code: 'INVALID_NUMBER' });
    await expect(outbox.send('+61411111111', '   ')).rejects.toMatchObject({ code: 'EMPTY_MESSAGE' });
    expect(sim.requests()).toHaveLength(0);
    expect(countMessages(db)).toBe(0);
  });

  it('shows a per-recipient refusal as Failed with the reason', async () => {
    sim.addAccount({ ...ACCOUNT, balance: 0 });
    const message = await outbox.send('+61411111111', 'Hello');
    expect(message.status).toBe('Failed');
    expect(message.statusText).toMatch(/run out of credit/);
    expect(sim.sent()).toHaveLength(0);
  });

  it('a send whose answer is lost stays Pending, then is completed from history, never sent twice', async () => {
    sim.addFault({ kind: 'drop-after-apply', path: '/sms/send' });
    const message = await outbox.send('+61411111111', 'Did this arrive?');
    expect(message.status).toBe('Pending');
    expect(listOutbox(db)).toHaveLength(1);

    await outbox.flush();
    expect(sim.sent()).toHaveLength(1);
    expect(listOutbox(db)).toHaveLength(0);
    expect(countMessages(db)).toBe(1);
  });

  it('a send lost before ClickSend got it goes again once history shows it absent, and only then', async () => {
    sim.addFault({ kind: 'drop', path: '/sms/send' });
    const message = await outbox.send('+61411111111', 'Lost on the way');
    expect(message.status).toBe('Pending');

    await outbox.flush(); // too early to conclude anything: ClickSend may still show it
    expect(listOutbox(db).map((e) => e.state)).toEqual(['unknown']);
    expect(sim.requests().filter((r) => r.path === '/sms/send')).toHaveLength(1);

    clock += 61_000;
    await outbox.flush();
    expect(sim.sent().map((s) => s.body)).toEqual(['Lost on the way']);
    expect(getMessage(db, message.id)).toMatchObject({ status: 'Queued', messageId: sim.sent()[0]!.message_id });
  });

  it('after three lost submissions it is Failed, and Retry sends it once', async () => {
    sim.addFault({ kind: 'drop', path: '/sms/send', count: 3 });
    const message = await outbox.send('+61411111111', 'Lost three times');
    for (let i = 0; i < 3; i++) {
      clock += 61_000;
      await outbox.flush();
    }
    expect(getMessage(db, message.id)).toMatchObject({ status: 'Failed', statusText: expect.stringMatching(/no record/) });
    expect(sim.sent()).toHaveLength(0);

    const retried = await outbox.retry(message.id);
    expect(retried).toMatchObject({ id: message.id, status: 'Queued' });
    expect(sim.sent().map((s) => s.body)).toEqual(['Lost three times']);
    await expect(outbox.retry(message.id)).rejects.toMatchObject({ code: 'NOT_RETRYABLE' });
  });

  it('a reply written in an archived conversation brings it back to the inbox; its pin and mute stay', async () => {
    const phone = '+61411111111';
    ingestMessages(db, [replyFrom(phone, { messageId: 'r1', createdAt: clock - 60_000, unread: false })]);
    setConversationFlags(db, phone, { archived: true, pinned: true, muted: true }, clock - 30_000);
    const conversation = () => getConversation(db, conversationIdForPhone(db, phone)!);
    expect(conversation()).toMatchObject({ archived: true });
    await outbox.send(phone, 'Following up on your question');
    expect(conversation()).toMatchObject({ archived: false, pinned: true, muted: true });

    // A scheduled reply too: the owner is back in the conversation now, not at its time.
    setConversationFlags(db, phone, { archived: true }, clock);
    await outbox.send(phone, 'See you tomorrow', Math.floor(clock / 1000) + 3600);
    expect(conversation()).toMatchObject({ archived: false });
  });

  it('deletes a failed message and refuses to delete a sent one', async () => {
    sim.addAccount({ ...ACCOUNT, balance: 0 });
    const failed = await outbox.send('+61411111111', 'Nope');
    sim.addAccount({ ...ACCOUNT, balance: 5 });
    const sent = await outbox.send('+61411111111', 'Yes');
    expect(() => outbox.discard(sent.id)).toThrow(/not sent/);
    outbox.discard(failed.id);
    expect(countMessages(db)).toBe(1);
  });

  it('a send made while ClickSend cannot be reached waits, then goes out by itself, once and in order', async () => {
    const port = Number(new URL(sim.url).port);
    await sim.close();
    const first = await outbox.send('+61411111111', 'First, written offline');
    const second = await outbox.send('+61411111111', 'Second, written offline');
    expect(first).toMatchObject({ status: 'Pending', statusText: expect.stringMatching(/Waiting for a connection/) });
    expect(listOutbox(db).map((e) => e.state)).toEqual(['waiting', 'waiting']);

    sim = await startSimulator({ port, accounts: [{ ...ACCOUNT, balance: 5 }] });
    onTestFinished(() => sim.close());
    await outbox.flush();
    await outbox.flush();
    expect(sim.sent().map((s) => s.body)).toEqual(['First, written offline', 'Second, written offline']);
    expect(getMessage(db, second.id)).toMatchObject({ status: 'Queued', messageId: sim.sent()[1]!.message_id });
    expect(listOutbox(db)).toEqual([]);
  });

  it('a waiting send can be deleted before it goes out', async () => {
    const port = Number(new URL(sim.url).port);
    await sim.close();
    const waiting = await outbox.send('+61411111111', 'Never mind');
    outbox.discard(waiting.id);
    sim = await startSimulator({ port, accounts: [{ ...ACCOUNT, balance: 5 }] });
    onTestFinished(() => sim.close());
    await outbox.flush();
    expect(sim.sent()).toHaveLength(0);
    expect(countMessages(db)).toBe(0);
  });

  it('a send cut off by a crash is looked for in history on restart, not sent again', async () => {
    // What a crash leaves behind: the entry marked submitting, the request applied at ClickSend.
    sim.addFault({ kind: 'drop-after-apply', path: '/sms/send' });
    const message = await outbox.send('+61411111111', 'Sent just before the crash');
    db.prepare("UPDATE outbox SET state = 'waiting'").run();
    markSubmitting(db, message.id, clock);

    const restarted = new Outbox({
      db,
      client: new ClickSendClient({ baseUrl: sim.url, ...ACCOUNT, backoffMs: 5, timeoutMs: 1000 }),
      changes: () => undefined,
      confirmWithinMs: 60_000,
      now: () => clock,
    });
    expect(listOutbox(db).map((e) => e.state)).toEqual(['unknown']);
    await restarted.flush();
    expect(sim.sent()).toHaveLength(1);
    expect(getMessage(db, message.id)).toMatchObject({ status: 'Queued', messageId: sim.sent()[0]!.message_id });
  });

  it('a send whose answer could not be read is never submitted again, even from a salvaged cache: absent from history, it fails in words', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'inbox-outbox-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const damagedFile = join(dir, 'cache.sqlite');
    const damaged = openCache(damagedFile, accountCacheRules);
    sim.addFault({ kind: 'malformed', path: '/sms/send', count: Infinity });
    const before = new Outbox({ db: damaged, client: fixture.client, changes: () => undefined, now: () => clock });
    expect(await before.send('+61411111111', 'Answered unreadably')).toMatchObject({ status: 'Pending', outboxState: 'unknown' });
    damaged.close();

    // The cache set aside: its send is copied into the rebuilt one, to be looked for in history.
    expect(salvageLocalWork(damagedFile, db).sends).toBe(1);
    const [salvaged] = listOutbox(db);
    expect(salvaged).toMatchObject({ state: 'unknown' });
    clock += 61_000;
    await outbox.flush();
    expect(getMessage(db, salvaged!.id)).toMatchObject({
      status: 'Failed',
      statusText: 'ClickSend answered in a way this app does not understand. ClickSend has no record of this message, so it was not sent. Retry or delete it.',
    });
    expect(sim.requests().filter((r) => r.path === '/sms/send')).toHaveLength(1);
  });

  it('a 500 on send is an unknown outcome: reconciled, never resubmitted', async () => {
    sim.addFault({ kind: '500', path: '/sms/send', count: 1 });
    const message = await outbox.send('+61411111111', 'Server trouble');
    expect(message.status).toBe('Pending');
    expect(listOutbox(db).map((e) => e.state)).toEqual(['unknown']);
    await outbox.flush();
    expect(sim.requests().filter((r) => r.path.endsWith('/sms/send'))).toHaveLength(1);
  });

  it('the balance is read again only once ClickSend answered a send, accepted or refused; not while it cannot be reached', async () => {
    let answered = 0;
    const counting = new Outbox({ db, client: fixture.client, changes: () => undefined, attempted: () => answered++, now: () => clock });
    const port = Number(new URL(sim.url).port);
    await sim.close();
    expect(await counting.send('+61411111111', 'Written offline')).toMatchObject({ status: 'Pending' });
    await counting.flush();
    expect(answered).toBe(0);

    sim = await startSimulator({ port, accounts: [{ ...ACCOUNT, balance: 5 }] });
    onTestFinished(() => sim.close());
    await counting.flush();
    expect(sim.sent().map((s) => s.body)).toEqual(['Written offline']);
    expect(answered).toBe(1);

    // Refused for want of credit: the balance is why, so it is read too.
    sim.addAccount({ ...ACCOUNT, balance: 0 });
    expect(await counting.send('+61411111111', 'No credit left')).toMatchObject({ status: 'Failed' });
    expect(answered).toBe(2);
  });

  it('a key refused while sending keeps the message waiting for the next sign-in', async () => {
    const wrong = new Outbox({
      db,
      client: new ClickSendClient({ baseUrl: sim.url, username: ACCOUNT.username, apiKey: 'rotated', backoffMs: 5 }),
      changes: () => undefined,
      now: () => clock,
    });
    const message = await wrong.send('+61411111111', 'After the key changed');
    expect(message).toMatchObject({ status: 'Pending', statusText: expect.stringMatching(/sign in again/) });
    await outbox.flush();
    expect(sim.sent().map((s) => s.body)).toEqual(['After the key changed']);
  });
});
