// Sends against the simulator with the real cache: a lost answer is settled
// from history, never by sending again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../simulator/server';
import { ClickSendClient } from '../clicksend/client';
import { openCache, type Db } from '../cache/database';
import { countMessages, listUnconfirmedSends } from '../cache/messages';
import { Outbox } from './outbox';

const ACCOUNT = { username: 'outbox-user', apiKey: 'outbox-key' };

describe('Outbox', () => {
  let sim: Simulator;
  let db: Db;
  let outbox: Outbox;
  let clock: number;

  beforeEach(async () => {
    sim = await startSimulator({ accounts: [{ ...ACCOUNT, balance: 5 }] });
    db = openCache(':memory:');
    clock = Date.now();
    outbox = new Outbox({
      db,
      client: new ClickSendClient({ baseUrl: sim.url, ...ACCOUNT, backoffMs: 5, timeoutMs: 1000 }),
      changes: () => undefined,
      confirmWithinMs: 60_000,
      now: () => clock,
    });
  });
  afterEach(async () => {
    db.close();
    await sim.close();
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
    expect(listUnconfirmedSends(db)).toHaveLength(1);

    await outbox.reconcile();
    expect(sim.sent()).toHaveLength(1);
    expect(listUnconfirmedSends(db)).toHaveLength(0);
    expect(countMessages(db)).toBe(1);
  });

  it('a send lost before ClickSend got it becomes Failed once history has had time, and Retry sends it once', async () => {
    sim.addFault({ kind: 'drop', path: '/sms/send' });
    const message = await outbox.send('+61411111111', 'Lost on the way');
    expect(message.status).toBe('Pending');

    await outbox.reconcile(); // too early to conclude anything
    expect(listUnconfirmedSends(db)).toHaveLength(1);

    clock += 61_000;
    await outbox.reconcile();
    expect(sim.sent()).toHaveLength(0);
    expect(listUnconfirmedSends(db)).toHaveLength(0);

    const retried = await outbox.retry(message.id);
    expect(retried).toMatchObject({ id: message.id, status: 'Queued' });
    expect(sim.sent().map((s) => s.body)).toEqual(['Lost on the way']);
    await expect(outbox.retry(message.id)).rejects.toMatchObject({ code: 'NOT_RETRYABLE' });
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
});
