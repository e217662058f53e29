// The client over real HTTP against the simulator: every endpoint the app
// uses, and every class of failure.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../simulator/server';
import { ClickSendClient } from './client';
import { ClickSendError } from './errors';
import { recipientOutcomes } from './send-outcomes';
import { historyOf, receiptsOf, SMS } from '../messages/kinds';

const ACCOUNT = { username: 'client-user', apiKey: 'client-key' };

async function collect<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for await (const page of pages) rows.push(...page);
  return rows;
}

async function failure(promise: Promise<unknown>): Promise<ClickSendError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ClickSendError);
  return error as ClickSendError;
}

describe('ClickSendClient', () => {
  let sim: Simulator;
  let client: ClickSendClient;

  beforeEach(async () => {
    sim = await startSimulator({ accounts: [{ ...ACCOUNT, balance: 10 }] });
    client = new ClickSendClient({ baseUrl: sim.url, ...ACCOUNT, backoffMs: 10, timeoutMs: 1000 });
  });
  afterEach(() => sim.close());

  describe('endpoints', () => {
    it('reads the account', async () => {
      expect(await client.getAccount()).toMatchObject({ username: ACCOUNT.username, balance: '10.00' });
    });

    it('prices and sends, reporting each recipient on its own', async () => {
      const price = await client.priceSms([{ to: '+61411111111', body: 'x'.repeat(161) }]);
      expect(price.total_price).toBeCloseTo(0.1584);
      expect(sim.sent()).toHaveLength(0);

      const answer = await client.sendSms([
        { to: '+61411111111', body: 'Hello', custom_string: 'a' },
        { to: '12', body: 'Hello', custom_string: 'b' },
        { to: '+61422222222', body: ' ', custom_string: 'c' },
      ]);
      const outcomes = recipientOutcomes(answer);
      expect(outcomes.map((o) => [o.customString, o.error?.code ?? 'OK'])).toEqual([
        ['a', 'OK'],
        ['b', 'INVALID_RECIPIENT'],
        ['c', 'EMPTY_MESSAGE'],
      ]);
      expect(outcomes[1]!.error!.message).toMatch(/not valid/);
      expect(sim.sent()).toHaveLength(1);
    });

    it('reports running out of credit per recipient', async () => {
      const body = 'x'.repeat(1000);
      const outcomes = recipientOutcomes(
        await client.sendSms(Array.from({ length: 20 }, (_, i) => ({ to: '+61411111111', body, custom_string: `m${i}` }))),
      );
      expect(outcomes.some((o) => o.error?.code === 'INSUFFICIENT_CREDIT')).toBe(true);
      expect(outcomes.find((o) => o.error)!.error!.action).toMatch(/Top up/);
    });

    it('reads history with q, order_by and a date range, walking every page once', async () => {
      sim.seedHistory(ACCOUNT.username, 350, { conversations: 5 });
      const all = await collect(historyOf(SMS, client, { order_by: 'date:asc' }));
      expect(all).toHaveLength(350);
      expect(new Set(all.map((r) => r.message_id)).size).toBe(350);
      const dates = all.map((r) => r.date);
      expect(dates).toEqual([...dates].sort((a, b) => a - b));
      const middle = dates[175]!;
      const recent = await collect(historyOf(SMS, client, { date_from: middle }));
      expect(recent.every((r) => r.date >= middle)).toBe(true);
      const inbound = await collect(historyOf(SMS, client, { q: 'direction:in' }));
      expect(inbound.length).toBeGreaterThan(0);
      expect(inbound.every((r) => r.direction === 'in')).toBe(true);
      const page = await client.historyPage({ page: 1, limit: 500 });
      expect(page.per_page).toBe(100);
    });

    it('reads inbound replies and marks one, then all, read', async () => {
      const first = sim.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'one' });
      sim.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'two' });
      expect((await collect(client.inbound())).map((r) => r.body)).toEqual(['one', 'two']);
      await client.markInboundRead(first.message_id);
      expect((await collect(client.inbound())).map((r) => r.body)).toEqual(['two']);
      await client.markAllInboundRead();
      expect(await collect(client.inbound())).toEqual([]);
    });

    it('reads receipts and marks them read', async () => {
      const [sent] = recipientOutcomes(await client.sendSms([{ to: '+61411111111', body: 'hi', custom_string: 'r' }]));
      sim.deliverReceipt(sent!.messageId!);
      const receipts = await collect(receiptsOf(SMS, client));
      expect(receipts).toMatchObject([{ message_id: sent!.messageId, status_code: '201' }]);
      await client.markReceiptsRead('sms', receipts[0]!.timestamp + 1);
      expect(await collect(receiptsOf(SMS, client))).toEqual([]);
    });

    it('cancels one scheduled message, refuses a late cancel, and cancels all', async () => {
      const at = sim.now() + 3600;
      const outcomes = recipientOutcomes(
        await client.sendSms([
          { to: '+61411111111', body: 'later 1', custom_string: 's1', schedule: at },
          { to: '+61411111111', body: 'later 2', custom_string: 's2', schedule: at },
          { to: '+61411111111', body: 'later 3', custom_string: 's3', schedule: at },
        ]),
      );
      await client.cancelScheduled(outcomes[0]!.messageId!);
      const late = await failure(client.cancelScheduled(outcomes[0]!.messageId!));
      expect(late.status).toBe(400);
      expect((await client.cancelAllScheduled()).count).toBe(2);
      const unknown = await failure(client.cancelScheduled('NOPE-0000-0000'));
      expect(unknown.status).toBe(404);
    });

    it('creates, updates, lists and deletes templates', async () => {
      const created = await client.createTemplate({ template_name: 'Reminder', body: 'Hi {first_name}' });
      expect(await collect(client.templates())).toEqual([created]);
      await client.updateTemplate(created.template_id, { template_name: 'Reminder', body: 'Hello {first_name}' });
      expect((await collect(client.templates())).map((t) => t.body)).toEqual(['Hello {first_name}']);
      await client.deleteTemplate(created.template_id);
      expect(await collect(client.templates())).toEqual([]);
    });

    it('creates, updates, lists and deletes lists and contacts', async () => {
      const list = await client.createList('Customers');
      await client.updateList(list.list_id, 'Clients');
      expect((await collect(client.lists())).find((l) => l.list_id === list.list_id)?.list_name).toBe('Clients');
      const contact = await client.createContact(list.list_id, { phone_number: '+61411111111', first_name: 'Ada' });
      await client.updateContact(list.list_id, contact.contact_id, { first_name: 'Ada', last_name: 'Lovelace' });
      const contacts = await collect(client.contacts(list.list_id));
      expect(contacts).toHaveLength(1);
      expect(contacts[0]).toMatchObject({ contact_id: contact.contact_id, last_name: 'Lovelace', phone_number: '+61411111111' });
      await client.deleteContact(list.list_id, contact.contact_id);
      expect(await collect(client.contacts(list.list_id))).toHaveLength(0);
      await client.deleteList(list.list_id);
      expect((await collect(client.lists())).map((l) => l.list_id)).not.toContain(list.list_id);
    });
  });

  describe('failures', () => {
    it('401: wrong credentials, with ClickSend’s own message kept', async () => {
      const wrong = new ClickSendClient({ baseUrl: sim.url, username: ACCOUNT.username, apiKey: 'nope' });
      const error = await failure(wrong.getAccount());
      expect(error.isUnauthorized).toBe(true);
      expect(error.apiMessage).toBe('Your username or API key is incorrect.');
      expect(error.message).not.toContain('nope');
      expect(sim.requests()).toHaveLength(1); // a 401 is not retried
    });

    it('404 and 405 map to their own words', async () => {
      expect((await failure(client.deleteList(999_999))).toUserError().message).toMatch(/could not find/);
    });

    it('a burst of 500s is retried with back-off until it passes', async () => {
      sim.addFault({ kind: '500', path: '/account', count: 3 });
      expect((await client.getAccount()).username).toBe(ACCOUNT.username);
      expect(sim.requests().map((r) => r.status)).toEqual([500, 500, 500, 200]);
    });

    it('gives up after a bounded number of attempts', async () => {
      sim.addFault({ kind: '500', path: '/account', count: Infinity });
      const error = await failure(client.getAccount());
      expect(error.status).toBe(500);
      expect(sim.requests()).toHaveLength(4);
      expect(error.toUserError().message).toMatch(/internal error/);
    });

    it('429 waits as long as Retry-After says', async () => {
      sim.addFault({ kind: '429', path: '/account', count: 1, retryAfter: 1 });
      const started = Date.now();
      await client.getAccount();
      expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    });

    it('a Retry-After beyond the limit is reported instead of waited out', async () => {
      sim.addFault({ kind: '429', path: '/account', count: 1, retryAfter: 3600 });
      const error = await failure(client.getAccount());
      expect(error.status).toBe(429);
      expect(error.retryAfterMs).toBe(3_600_000);
    });

    it('a dropped connection is a network error, retried for reads', async () => {
      sim.addFault({ kind: 'drop', path: '/account', count: 1 });
      expect((await client.getAccount()).username).toBe(ACCOUNT.username);
      sim.addFault({ kind: 'drop', path: '/account', count: Infinity });
      const error = await failure(client.getAccount());
      expect(error.kind).toBe('network');
      expect(error.isConnectivity).toBe(true);
    });

    it('a stalled answer times out, once: the time-out is reported, not waited out again', async () => {
      sim.addFault({ kind: 'stall', path: '/account', count: Infinity });
      const quick = new ClickSendClient({ baseUrl: sim.url, ...ACCOUNT, timeoutMs: 200, maxAttempts: 3, backoffMs: 10 });
      const error = await failure(quick.getAccount());
      expect(error.kind).toBe('timeout');
      expect(sim.arrivals().filter((a) => a === 'GET /account')).toHaveLength(1);
    });

    it('malformed, truncated and wrong-shaped bodies are invalid responses naming the endpoint', async () => {
      const once = new ClickSendClient({ baseUrl: sim.url, ...ACCOUNT, maxAttempts: 1 });
      sim.addFault({ kind: 'malformed', path: '/account' });
      expect(await failure(once.getAccount())).toMatchObject({ kind: 'invalid-response', endpoint: 'GET /account' });
      sim.addFault({ kind: 'truncated', path: '/account' });
      expect(await failure(once.getAccount())).toMatchObject({ kind: 'invalid-response' });
      sim.addFault({ kind: 'wrong-shape', path: '/sms/history' });
      const shape = await failure(once.historyPage({}));
      expect(shape.kind).toBe('invalid-response');
      expect(shape.message).toMatch(/^GET \/sms\/history: data/);
    });

    it('names the field when a row lacks one the app depends on', async () => {
      const server = await import('node:http');
      const bad = server.createServer((_req, res) => {
        res.setHeader('Content-Type', 'application/json');
        res.end(
          JSON.stringify({
            http_code: 200,
            response_code: 'SUCCESS',
            response_msg: 'ok',
            data: { total: 1, per_page: 15, current_page: 1, last_page: 1, data: [{ date: 1, to: '+1', body: 'x', status: 'Sent' }] },
          }),
        );
      });
      await new Promise<void>((r) => bad.listen(0, '127.0.0.1', () => r()));
      const port = (bad.address() as { port: number }).port;
      const c = new ClickSendClient({ baseUrl: `http://127.0.0.1:${port}/v3`, ...ACCOUNT, maxAttempts: 1 });
      const error = await failure(c.historyPage({}));
      expect(error.message).toContain('data.data[0].message_id');
      bad.close();
    });

    it('never retries a send: a lost answer is reported, and the send happened once', async () => {
      sim.addFault({ kind: 'drop-after-apply', path: '/sms/send' });
      const error = await failure(client.sendSms([{ to: '+61411111111', body: 'once', custom_string: 'lost-1' }]));
      expect(error.isConnectivity).toBe(true);
      expect(sim.sent()).toHaveLength(1);
      expect(sim.requests().filter((r) => r.path === '/sms/send')).toHaveLength(1);
    });

    it('an unreachable API is a network error', async () => {
      const nowhere = new ClickSendClient({ baseUrl: 'http://127.0.0.1:9/v3', ...ACCOUNT, maxAttempts: 1 });
      expect((await failure(nowhere.getAccount())).kind).toBe('network');
    });

    it('can be cancelled with an AbortSignal', async () => {
      sim.addFault({ kind: 'slow', path: '/account', delayMs: 2000 });
      const controller = new AbortController();
      const pending = client.getAccount(controller.signal);
      setTimeout(() => controller.abort(), 50);
      expect((await failure(pending)).kind).toBe('aborted');
    });

    it('caps its request rate so a stuck loop cannot hammer the API', async () => {
      const capped = new ClickSendClient({ baseUrl: sim.url, ...ACCOUNT, requestsPerSecond: 5 });
      const started = Date.now();
      await Promise.all(Array.from({ length: 15 }, () => capped.getAccount()));
      // A burst of 10 goes at once; the other 5 wait for tokens at 5 per second.
      expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    });
  });
});
