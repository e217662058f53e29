// The money side end to end in the core: real HTTP to the simulator, real
// SQLite, the real keychain. The low-balance warning follows the balance
// ClickSend reports after sends, the setting and the account's own
// low-credit amount; Spend's figures are what the simulator charged.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../simulator/server';
import { makePicture } from '../../../simulator/test-pictures';
import type { Account, Reply, Session, SpendSummary } from '../../../shared/contract';
import { createKeytarStore } from '../credentials/keychain';
import { Inbox } from '../inbox';
import { consoleLogger } from '../log';
import { toUnits } from '../../../shared/money-amounts';

const ACCOUNT = { username: 'money-user', apiKey: `key-${randomUUID()}` };

function value<T>(reply: Reply<unknown>): T {
  if (!reply.ok) throw new Error(`expected success, got ${reply.error.code}: ${reply.error.message}`);
  return reply.value as T;
}

async function until<T>(probe: () => T | Promise<T>, ok: (v: T) => boolean, timeoutMs = 8000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`condition not met; last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('balance and spend against the simulator', () => {
  let simulator: Simulator;
  let inboxes: Inbox[];
  let dataDir: string;
  let service: string;

  /** ClickSend as another client of the account sees it (the dashboard). */
  const clicksend = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${simulator.url}${path}`, {
      method,
      headers: { Authorization: `Basic ${Buffer.from(`${ACCOUNT.username}:${ACCOUNT.apiKey}`).toString('base64')}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return ((await response.json()) as { data: Record<string, unknown> & { data?: Array<Record<string, string>> } }).data;
  };

  const makeInbox = async () => {
    const inbox = new Inbox({ config: { apiUrl: simulator.url, dataDir }, secrets: createKeytarStore(service), log: consoleLogger, syncIntervalMs: 60_000, clientTimeoutMs: 2000 });
    inboxes.push(inbox);
    await inbox.start();
    return inbox;
  };

  /** The account as each session.changed says it, newest last. */
  const accountsHeard = (inbox: Inbox): Account[] => {
    const heard: Account[] = [];
    inbox.onEvent((e) => {
      if (e.name === 'session.changed' && e.payload.state === 'signed-in') heard.push(e.payload.account);
    });
    return heard;
  };

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'inbox-money-'));
    service = `ClickSend Inbox test ${randomUUID()}`;
    inboxes = [];
  });

  afterEach(async () => {
    for (const inbox of inboxes) await inbox.stop();
    await simulator.close();
  });

  it('warns once the balance ClickSend reports after sends falls below the threshold; the setting and ClickSend’s own amount move it', async () => {
    simulator = await startSimulator({ accounts: [{ ...ACCOUNT, balance: 5.1 }] });
    const inbox = await makeInbox();
    const session = value<Session & { state: 'signed-in' }>(await inbox.dispatch('session.signIn', ACCOUNT));
    // The default threshold, 5.00, and the balance above it.
    expect(session.account.lowBalance).toEqual({ threshold: '$5.00', source: 'settings', rule: 'The header warns when the balance falls below $5.00.', warning: null });
    const heard = accountsHeard(inbox);

    for (const body of ['One', 'Two']) value(await inbox.dispatch('messages.send', { to: '+61422222222', body }));
    // 5.10 − 2 × 0.0792 = 4.9416, read again after the sends.
    const low = await until(() => heard.at(-1), (a) => a?.balance === '4.9416');
    expect(low!.lowBalance?.warning).toBe('Balance low: $4.94. Top up at ClickSend before sends fail.');

    value(await inbox.dispatch('settings.update', { lowBalanceWarning: 4 }));
    expect(heard.at(-1)!.lowBalance).toMatchObject({ threshold: '$4.00', warning: null });
    expect(await inbox.dispatch('settings.update', { lowBalanceWarning: 4.005 })).toMatchObject({ ok: false, error: { message: expect.stringContaining('whole cents') } });

    // The account's own low-credit amount at ClickSend wins, even over "off" here.
    simulator.addAccount({ ...ACCOUNT, lowCreditAmount: 10 });
    value(await inbox.dispatch('settings.update', { lowBalanceWarning: 0 }));
    expect(value<Account>(await inbox.dispatch('account.refresh', {})).lowBalance).toMatchObject({
      threshold: '$10.00',
      source: 'clicksend',
      warning: 'Balance low: $4.94. Top up at ClickSend before sends fail.',
    });

    // Restarted offline: the warning is decided from the cached account, before ClickSend is reached.
    await inbox.stop();
    await simulator.close();
    const restarted = await makeInbox();
    const cached = value<Session & { state: 'signed-in' }>(await restarted.dispatch('session.get', {}));
    expect(cached.account).toMatchObject({ balance: '4.9416', lowBalance: { source: 'clicksend', warning: 'Balance low: $4.94. Top up at ClickSend before sends fail.' } });

    // Neither ClickSend nor Settings has an amount: no warning at all.
    simulator = await startSimulator({ accounts: [{ ...ACCOUNT, balance: 1 }] });
    await restarted.stop();
    const again = await makeInbox();
    value(await again.dispatch('session.signIn', ACCOUNT));
    expect(value<Account>(await again.dispatch('account.refresh', {}))).toMatchObject({ balance: '1.00', lowBalance: null });
  });

  it('spend matches what ClickSend charged: texts, pictures, scheduled and dashboard sends in; cancelled out; scheduled elsewhere due later', async () => {
    simulator = await startSimulator({ accounts: [{ ...ACCOUNT, balance: 20 }] });
    const inbox = await makeInbox();
    value(await inbox.dispatch('session.signIn', ACCOUNT));
    const send = (to: string, body: string, schedule?: number) => inbox.dispatch('messages.send', { to, body, ...(schedule ? { schedule } : {}) });
    value(await send('+61422222222', 'Your order is ready'));
    value(await send('+61422222222', 'x'.repeat(200))); // two parts
    value(await send('+61433333333', 'Olá 😊 see you soon')); // Unicode, one part
    const later = Math.floor(Date.now() / 1000) + 3600;
    value(await send('+61433333333', 'Reminder for tomorrow', later)); // charged now, counted today
    const cancelled = value<{ id: number }>(await send('+61444444444', 'Never mind', later));
    value(await inbox.dispatch('messages.cancel', { id: cancelled.id })); // refunded
    const content = (await makePicture('jpeg', 40, 30)).toString('base64');
    const picture = value<{ attachmentId: string }>(await inbox.dispatch('pictures.prepare', { name: 'shelf.jpg', size: Math.ceil((content.length * 3) / 4), content }));
    value(await inbox.dispatch('pictures.send', { to: '+61433333333', subject: 'New stock', body: 'Just in', attachmentId: picture.attachmentId }));
    // Sent from the dashboard: the app learns of it from history.
    await clicksend('POST', '/sms/send', { messages: [{ to: '+61455555555', body: 'From the dashboard' }] });
    // Scheduled on the dashboard: charged now, dated by history when due.
    await clicksend('POST', '/sms/send', { messages: [{ to: '+61455555555', body: 'Due later', schedule: later }] });
    const zone = 'Australia/Sydney';
    const summary = await until(
      async () => {
        value(await inbox.dispatch('sync.now', {}));
        return value<SpendSummary>(await inbox.dispatch('spend.summary', { range: 'this-month', zone }));
      },
      (s) => s.conversations.length === 3 && s.dueLater.messages === 1,
    );
    // What ClickSend charged: the balance it reports now, against 20.00.
    const charged = 200_000 - toUnits(String((await clicksend('GET', '/account')).balance))!;
    expect(summary.totals.units + summary.dueLater.units).toBe(charged);
    // And message by message: ClickSend's own history, not cancelled, not due later.
    const history = [...((await clicksend('GET', '/sms/history?limit=100')).data ?? []), ...((await clicksend('GET', '/mms/history?limit=100')).data ?? [])];
    const counted = history.filter((row) => row.status !== 'Cancelled' && row.body !== 'Due later');
    expect(summary.totals).toMatchObject({ messages: 6, pictures: 1, texts: 7, units: counted.reduce((sum, row) => sum + toUnits(row.message_price)!, 0) });
    expect(summary.totals.cost).toBe('$0.8052'); // 0.0792 × 6 texts + 0.3300
    expect(summary.dueLater).toMatchObject({ messages: 1, cost: '$0.0792' });
    expect(summary.conversations.map((c) => [c.title, c.messages, c.cost])).toEqual([
      ['+61 433 333 333', 3, '$0.4884'],
      ['+61 422 222 222', 2, '$0.2376'],
      ['+61 455 555 555', 1, '$0.0792'],
    ]);
    expect(summary.days.filter((d) => d.messages > 0)).toHaveLength(1);

    const { csv } = value<{ csv: string }>(await inbox.dispatch('spend.export', { range: 'this-month', zone }));
    expect(csv.trim().split('\n')).toHaveLength(1 + 6);
    expect(await inbox.dispatch('spend.summary', { range: 'this-month', zone: 'Mars/Olympus' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });
});
