// The money side end to end in the core: real HTTP to the simulator, real
// SQLite, the real keychain. The low-balance warning follows the balance
// ClickSend reports after sends, the setting and the account's own
// low-credit amount; Spend's figures are what the simulator charged.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Simulator } from '../../../simulator/server';
import { makePicture } from '../../../test-support/pictures';
import type { Account, Message, Price, Session, SpendSummary } from '../../../shared/contract';
import { attachPicture, clicksendAs, until, value } from '../../../test-support/core';
import { useInboxFixture } from '../../../test-support/inbox-fixture';
import type { Inbox } from '../inbox';
import { toUnits } from '../../../shared/money-amounts';

const ACCOUNT = { username: 'money-user', apiKey: `key-${randomUUID()}` };

describe('balance and spend against the simulator', () => {
  const fixture = useInboxFixture('inbox-money-');
  let simulator: Simulator;

  /** ClickSend as another client of the account sees it (the dashboard). */
  const clicksend = (method: string, path: string, body?: unknown) => clicksendAs(simulator, ACCOUNT)(method, path, body);

  const makeInbox = () => fixture.inbox({ apiUrl: simulator.url, syncIntervalMs: 60_000, clientTimeoutMs: 2000 });

  /** The account as each session.changed says it, newest last. */
  const accountsHeard = (inbox: Inbox): Account[] => {
    const heard: Account[] = [];
    inbox.onEvent((e) => {
      if (e.name === 'session.changed' && e.payload.state === 'signed-in') heard.push(e.payload.account);
    });
    return heard;
  };

  it('warns once the balance ClickSend reports after sends falls below the threshold; the setting and ClickSend’s own amount move it', async () => {
    simulator = await fixture.simulator({ accounts: [{ ...ACCOUNT, balance: 5.1 }] });
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
    simulator = await fixture.simulator({ accounts: [{ ...ACCOUNT, balance: 1 }] });
    await restarted.stop();
    const again = await makeInbox();
    value(await again.dispatch('session.signIn', ACCOUNT));
    expect(value<Account>(await again.dispatch('account.refresh', {}))).toMatchObject({ balance: '1.00', lowBalance: null });
  });

  it('out of credit: the price says so in words before sending, with the balance already read; any send attempt, and the window coming forward, read the balance again', async () => {
    simulator = await fixture.simulator({ accounts: [{ ...ACCOUNT, balance: 10 }] });
    const inbox = await makeInbox();
    value(await inbox.dispatch('session.signIn', ACCOUNT));
    const heard = accountsHeard(inbox);
    const price = async (body: string) => value<Price>(await inbox.dispatch('messages.price', { to: '+61422222222', body }));
    const accountReads = () => simulator.requests().filter((r) => r.path === '/account').length;
    // With credit: the price as money is shown everywhere, in whole cents.
    expect(await price('See you at 10')).toEqual({ parts: 1, total: '0.0792', currency: '$', cost: '$0.08', refusal: null });
    value(await inbox.dispatch('messages.send', { to: '+61422222222', body: 'See you at 10' }));
    await until(() => heard.at(-1)?.balance, (b) => b === '9.9208');

    // $0.05 left (spent elsewhere): ClickSend refuses the send, and the header hears the balance it has now.
    simulator.addAccount({ ...ACCOUNT, balance: 0.05 });
    const failed = value<Message>(await inbox.dispatch('messages.send', { to: '+61422222222', body: 'And bring the form' }));
    expect(failed).toMatchObject({ status: 'Failed', problem: expect.stringContaining('run out of credit') });
    const after = await until(() => heard.at(-1), (a) => a?.balance === '0.05');
    expect(after!.lowBalance?.warning).toBe('Balance low: $0.05. Top up at ClickSend before sends fail.');
    // Each quote (one per keystroke) words that balance: ClickSend is asked the price, not the balance again.
    const readsBeforeQuotes = accountReads();

    // The price ClickSend answers for it is 0 with INSUFFICIENT_CREDIT: said as such, with what a text here last cost.
    expect(await price('Are you still coming?')).toMatchObject({
      cost: null,
      refusal: 'Not enough credit: this message costs about $0.08 and the balance is $0.05. Top up in the ClickSend dashboard.',
    });
    expect((await price('x'.repeat(200))).refusal).toBe('Not enough credit: this message costs about $0.16 and the balance is $0.05. Top up in the ClickSend dashboard.');
    // To a country nothing was sent to yet: no guess at the cost.
    expect((await inbox.dispatch('messages.price', { to: '+14155550123', body: 'Hello' }))).toMatchObject({
      ok: true,
      value: { refusal: 'Not enough credit: the balance is $0.05. Top up in the ClickSend dashboard.' },
    });
    expect(accountReads()).toBe(readsBeforeQuotes);

    // Topped up in the dashboard: the window coming forward reads the balance again, at most every 30 seconds.
    simulator.addAccount({ ...ACCOUNT, balance: 20 });
    const before = accountReads();
    value(await inbox.dispatch('app.presence', { focused: false }));
    value(await inbox.dispatch('app.presence', { focused: true }));
    const topped = await until(() => heard.at(-1), (a) => a?.balance === '20.00');
    expect(topped!.lowBalance?.warning).toBeNull();
    expect(accountReads()).toBe(before + 1);
    value(await inbox.dispatch('app.presence', { focused: false }));
    value(await inbox.dispatch('app.presence', { focused: true }));
    await new Promise((r) => setTimeout(r, 200));
    expect(accountReads()).toBe(before + 1);
    expect(await price('Are you still coming?')).toMatchObject({ cost: '$0.08', refusal: null });
  });

  it('Spend hears of every charged message the sync stores, the first sync’s history too, and not of replies', async () => {
    simulator = await fixture.simulator({ accounts: [{ ...ACCOUNT, balance: 20 }] });
    // Sent from the dashboard before the app ever saw the account: the first sync walks them in.
    await clicksend('POST', '/sms/send', { messages: [{ to: '+61422222222', body: 'Sent before' }, { to: '+61433333333', body: 'Also before' }] });
    const inbox = await makeInbox();
    const spendHeard: number[] = [];
    inbox.onEvent((e) => {
      if (e.name === 'spend.changed') spendHeard.push(Date.now());
    });
    value(await inbox.dispatch('session.signIn', ACCOUNT));
    await until(() => spendHeard.length, (n) => n > 0);
    const zone = 'Australia/Sydney';
    expect(value<SpendSummary>(await inbox.dispatch('spend.summary', { range: 'this-month', zone })).totals).toMatchObject({ messages: 2, cost: '$0.16' });

    // A reply costs nothing: Spend is not told.
    const heardBefore = spendHeard.length;
    simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Thanks!' });
    value(await inbox.dispatch('sync.now', {}));
    expect(spendHeard).toHaveLength(heardBefore);
    // A send is.
    value(await inbox.dispatch('messages.send', { to: '+61422222222', body: 'You are welcome' }));
    expect(spendHeard.length).toBeGreaterThan(heardBefore);
  });

  it('spend matches what ClickSend charged: texts, pictures, scheduled and dashboard sends in; cancelled out; scheduled elsewhere due later', async () => {
    simulator = await fixture.simulator({ accounts: [{ ...ACCOUNT, balance: 20 }] });
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
    const picture = value<{ attachmentId: string }>(await attachPicture(inbox, 'shelf.jpg', await makePicture('jpeg', 40, 30)));
    value(await inbox.dispatch('messages.send', { to: '+61433333333', body: 'Just in', picture: { attachmentId: picture.attachmentId, subject: 'New stock' } }));
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
    expect(summary.totals).toMatchObject({ units: 8052, cost: '$0.81' }); // 0.0792 × 6 texts + 0.3300, shown in cents
    expect(summary.dueLater).toMatchObject({ messages: 1, cost: '$0.08' });
    expect(summary.conversations.map((c) => [c.title, c.messages, c.cost])).toEqual([
      ['+61 433 333 333', 3, '$0.49'],
      ['+61 422 222 222', 2, '$0.24'],
      ['+61 455 555 555', 1, '$0.08'],
    ]);
    expect(summary.days.filter((d) => d.messages > 0)).toHaveLength(1);

    const { csv } = value<{ csv: string }>(await inbox.dispatch('spend.export', { range: 'this-month', zone }));
    expect(csv.trim().split('\n')).toHaveLength(1 + 6);
    expect(await inbox.dispatch('spend.summary', { range: 'this-month', zone: 'Mars/Olympus' })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });
});
