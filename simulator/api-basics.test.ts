import { beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from './server';
import { apiFor, control, officialExample, useSimulator, type Api } from '../test-support/simulator-api';

let sim: Simulator;
let api: Api;
useSimulator((s, a) => ([sim, api] = [s, a]));

describe('envelope, auth and routing', () => {
  it('serves on loopback with the documented urls', () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v3$/);
    expect(sim.controlUrl).toBe(sim.url.replace(/\/v3$/, '/_sim'));
  });

  it('rejects missing and wrong credentials with the INVALID_CREDENTIALS envelope', async () => {
    const expected = {
      http_code: 401,
      response_code: 'INVALID_CREDENTIALS',
      response_msg: 'Your username or API key is incorrect.',
      data: null,
    };
    const none = await fetch(`${sim.url}/account`);
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toBe('application/json');
    expect(await none.json()).toEqual(expected);
    const wrong = await apiFor(sim, 'test-user', 'nope')('GET', '/account');
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(expected);
    expect(sim.requests().map((r) => [r.path, r.status])).toEqual([['/account', 401], ['/account', 401]]);
  });

  it('answers 404 for unknown paths and 405 for a wrong method', async () => {
    const missing = await api('GET', '/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ http_code: 404, response_code: 'NOT_FOUND', data: null });
    const wrong = await api('DELETE', '/sms/send');
    expect(wrong.status).toBe(405);
    expect(wrong.body.response_code).toBe('METHOD_NOT_ALLOWED');
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it('answers 400 BAD_REQUEST for a body that is not JSON', async () => {
    const res = await fetch(`${sim.url}/sms/send`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from('test-user:test-key').toString('base64')}`, 'Content-Type': 'application/json' },
      body: '{"messages": [',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ http_code: 400, response_code: 'BAD_REQUEST' });
    expect(sim.sent()).toHaveLength(0);
  });

  it('answers CORS preflights', async () => {
    const res = await fetch(`${sim.url}/account`, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toContain('Authorization');
  });
});

describe('GET /account', () => {
  it('returns the account with balance as a string and AUD currency', async () => {
    const res = await api('GET', '/account');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ http_code: 200, response_code: 'SUCCESS' });
    expect(res.body.data).toMatchObject({
      username: 'test-user',
      balance: '100.00',
      country: 'AU',
      _currency: {
        currency_name_short: 'AUD',
        currency_prefix_d: '$',
        currency_prefix_c: 'c',
        currency_name_long: 'Australian Dollars',
      },
    });
    for (const f of ['user_id', 'user_email', 'user_first_name', 'user_last_name', 'account_name']) {
      expect(res.body.data[f], f).toBeTruthy();
    }
  });

  it('keeps accounts apart and honours a custom balance', async () => {
    sim.addAccount({ username: 'other', apiKey: 'k2', balance: 2.5 });
    const res = await apiFor(sim, 'other', 'k2')('GET', '/account');
    expect(res.body.data.balance).toBe('2.50');
    expect(res.body.data.user_id).not.toBe((await api('GET', '/account')).body.data.user_id);
  });

  it('answers low_credit_amount in the official shape: "0.00" when not set, the amount once set (also over /_sim/accounts)', async () => {
    const official = officialExample('account_get.json').data.low_credit_amount;
    const before = (await api('GET', '/account')).body.data.low_credit_amount;
    expect(typeof before).toBe(typeof official);
    expect(before).toBe('0.00');
    sim.addAccount({ username: 'test-user', apiKey: 'test-key', lowCreditAmount: 7.5 });
    expect((await api('GET', '/account')).body.data.low_credit_amount).toBe('7.50');
    // Re-adding without it keeps it, as it keeps the balance.
    expect((await control(sim, 'POST', '/accounts', { username: 'test-user', apiKey: 'test-key', balance: 3 })).status).toBe(200);
    expect((await api('GET', '/account')).body.data).toMatchObject({ balance: '3.00', low_credit_amount: '7.50' });
    expect((await control(sim, 'POST', '/accounts', { username: 'test-user', apiKey: 'test-key', lowCreditAmount: 0 })).status).toBe(200);
    expect((await api('GET', '/account')).body.data.low_credit_amount).toBe('0.00');
  });
});

describe('pagination', () => {
  beforeEach(async () => {
    for (let i = 1; i <= 40; i++) await api('POST', '/sms/templates', { template_name: `T${i}`, body: `Body ${i}` });
  });

  it('defaults to page 1 of 15 with full urls', async () => {
    const { data } = (await api('GET', '/sms/templates')).body;
    expect(data).toMatchObject({ total: 40, per_page: 15, current_page: 1, last_page: 3, from: 1, to: 15, prev_page_url: null });
    expect(data.next_page_url).toBe(`${sim.url}/sms/templates?page=2`);
    expect(data.data).toHaveLength(15);
    expect(data.data[0].template_name).toBe('T1');
  });

  it('clamps limit to 15..100 and keeps other parameters in page urls', async () => {
    const low = (await api('GET', '/sms/templates?limit=5&page=2')).body.data;
    expect(low).toMatchObject({ per_page: 15, current_page: 2, from: 16, to: 30, last_page: 3 });
    expect(low.prev_page_url).toBe(`${sim.url}/sms/templates?limit=5&page=1`);
    expect(low.next_page_url).toBe(`${sim.url}/sms/templates?limit=5&page=3`);
    const high = (await api('GET', '/sms/templates?limit=500')).body.data;
    expect(high).toMatchObject({ per_page: 100, last_page: 1, from: 1, to: 40, next_page_url: null });
    expect(high.data).toHaveLength(40);
  });

  it('returns the partial last page and an empty list past the end', async () => {
    const last = (await api('GET', '/sms/templates?page=3')).body.data;
    expect(last).toMatchObject({ from: 31, to: 40, next_page_url: null });
    expect(last.data).toHaveLength(10);
    const beyond = (await api('GET', '/sms/templates?page=9')).body.data;
    expect(beyond).toMatchObject({ total: 40, current_page: 9, last_page: 3, from: null, to: null, data: [], next_page_url: null });
  });

  it('treats page 0 and garbage as page 1, and an empty list has last_page 1', async () => {
    expect((await api('GET', '/sms/templates?page=0')).body.data.current_page).toBe(1);
    expect((await api('GET', '/sms/templates?page=abc&limit=xyz')).body.data).toMatchObject({ current_page: 1, per_page: 15 });
    const empty = (await api('GET', '/lists')).body.data;
    expect(empty).toMatchObject({ total: 0, last_page: 1, current_page: 1, data: [], next_page_url: null, prev_page_url: null });
  });
});
