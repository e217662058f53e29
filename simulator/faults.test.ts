import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './server';
import { apiFor, until, type Api } from '../test-support/simulator-api';

let sim: Simulator;
let api: Api;
const auth = { Authorization: `Basic ${Buffer.from('test-user:test-key').toString('base64')}` };
const sendBody = JSON.stringify({ messages: [{ to: '+61411111111', body: 'hi' }] });
const rawSend = () => fetch(`${sim.url}/sms/send`, { method: 'POST', headers: { ...auth, 'Content-Type': 'application/json' }, body: sendBody });
const rawGet = (path: string, signal?: AbortSignal) => fetch(sim.url + path, { headers: auth, signal });

beforeAll(async () => {
  sim = await startSimulator();
  api = apiFor(sim);
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('faults', () => {
  it('hold keeps a request unanswered until released, then answers it as usual; a release before the request drops the hold', async () => {
    sim.addFault({ kind: 'hold', method: 'GET', path: '/account' });
    const before = sim.arrivals().length;
    let answered = false;
    const held = api('GET', '/account').then((res) => ((answered = true), res));
    await until(() => sim.arrivals().length === before + 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(answered).toBe(false);
    expect(sim.releaseHeld()).toBe(1);
    expect((await held).status).toBe(200);
    expect(sim.requests().map((r) => [r.path, r.status, r.fault])).toEqual([['/account', 200, undefined]]);

    // Released before any request met it: nothing is held afterwards.
    sim.addFault({ kind: 'hold', path: '/account' });
    expect(sim.releaseHeld()).toBe(0);
    expect((await api('GET', '/account')).status).toBe(200);
    expect(() => sim.addFault({ kind: 'hold', path: '/_media/' })).toThrow(/hold fault is for API requests/);
  });

  it('500 answers INTERNAL_ERROR once, then the API works again', async () => {
    sim.addFault({ kind: '500', path: '/account' });
    const res = await api('GET', '/account');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ http_code: 500, response_code: 'INTERNAL_ERROR', response_msg: 'Internal error.', data: null });
    expect((await api('GET', '/account')).status).toBe(200);
    expect(sim.requests().map((r) => [r.status, r.fault])).toEqual([[500, '500'], [200, undefined]]);
  });

  it('429 sends Retry-After and TOO_MANY_REQUESTS, only for the matching method', async () => {
    sim.addFault({ kind: '429', method: 'post', path: '/sms/send', retryAfter: 7, count: 2 });
    expect((await api('GET', '/account')).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const res = await rawSend();
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('7');
      expect(((await res.json()) as { response_code: string }).response_code).toBe('TOO_MANY_REQUESTS');
    }
    expect((await rawSend()).status).toBe(200);
    expect(sim.sent()).toHaveLength(1);
  });

  it('matches paths by regex and counts Infinity until cleared', async () => {
    sim.addFault({ kind: '500', path: '/^\\/sms\\/(inbound|receipts)$/', count: Infinity });
    expect((await api('GET', '/sms/inbound')).status).toBe(500);
    expect((await api('GET', '/sms/receipts')).status).toBe(500);
    expect((await api('GET', '/sms/receipts')).status).toBe(500);
    expect((await api('GET', '/sms/history')).status).toBe(200);
    sim.clearFaults();
    expect((await api('GET', '/sms/inbound')).status).toBe(200);
  });

  it('with param, hits only requests that carry that query parameter', async () => {
    sim.addFault({ kind: '500', path: '/sms/history', param: 'date_from', count: Infinity });
    expect((await api('GET', '/sms/history?q=message_id%3Ax')).status).toBe(200);
    expect((await api('GET', '/sms/history?date_from=1')).status).toBe(500);
    expect((await api('GET', '/sms/history?date_from=2')).status).toBe(500);
  });

  it('403 with a username refuses that account’s picture endpoints only, without applying, until cleared', async () => {
    sim.addAccount({ username: 'no-mms', apiKey: 'no-mms-key' });
    const refused = apiFor(sim, 'no-mms', 'no-mms-key');
    sim.addFault({ kind: '403', path: '/^\\/(mms\\/|uploads)/', username: 'no-mms', count: Infinity });
    const upload = { content: Buffer.from('GIF89a').toString('base64') };
    for (const [method, path, body] of [['GET', '/mms/receipts'], ['GET', '/mms/history'], ['POST', '/uploads?convert=mms', upload]] as const) {
      const res = await refused(method, path, body);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ http_code: 403, response_code: 'FORBIDDEN', data: null });
    }
    expect(sim.uploads('no-mms')).toHaveLength(0);
    expect((await refused('GET', '/sms/history')).status).toBe(200);
    // Another account's pictures are untouched.
    expect((await api('GET', '/mms/receipts')).status).toBe(200);
    expect(sim.requests().filter((r) => r.fault === '403')).toHaveLength(3);
    sim.clearFaults();
    expect((await refused('GET', '/mms/receipts')).status).toBe(200);
  });

  it('slow waits delayMs and then answers normally', async () => {
    sim.addFault({ kind: 'slow', path: '/account', delayMs: 250 });
    const t = performance.now();
    const res = await api('GET', '/account');
    expect(performance.now() - t).toBeGreaterThanOrEqual(240);
    expect(res.body.data.username).toBe('test-user');
  });

  it('stall never answers until the client gives up', async () => {
    sim.addFault({ kind: 'stall', path: '/account' });
    await expect(rawGet('/account', AbortSignal.timeout(200))).rejects.toThrow();
    expect((await api('GET', '/account')).status).toBe(200);
    expect(sim.requests()[0]).toMatchObject({ path: '/account', status: 0, fault: 'stall' });
  });

  it('drop cuts the connection mid-body without applying the request', async () => {
    sim.addFault({ kind: 'drop', path: '/sms/send' });
    await expect(rawSend().then((r) => r.text())).rejects.toThrow();
    expect(sim.sent()).toHaveLength(0);
    expect((await api('GET', '/sms/history')).body.data.total).toBe(0);
  });

  it('drop-after-apply accepts the send but loses the response', async () => {
    sim.addFault({ kind: 'drop-after-apply', path: '/sms/send' });
    await expect(rawSend()).rejects.toThrow();
    expect(sim.sent()).toHaveLength(1);
    const hist = (await api('GET', '/sms/history')).body.data.data;
    expect(hist.map((r: { message_id: string }) => r.message_id)).toEqual([sim.sent()[0]?.message_id]);
  });

  it('malformed answers 200 with a body that is not JSON, without applying', async () => {
    sim.addFault({ kind: 'malformed', path: '/sms/send' });
    const res = await rawSend();
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(sim.sent()).toHaveLength(0);
  });

  it('truncated applies the request and answers half of the JSON', async () => {
    sim.addFault({ kind: 'truncated', path: '/sms/send' });
    const res = await rawSend();
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.startsWith('{"http_code":200')).toBe(true);
    expect(() => JSON.parse(text)).toThrow();
    expect(sim.sent()).toHaveLength(1);
  });

  it('wrong-shape answers a SUCCESS envelope whose data is a list', async () => {
    sim.addFault({ kind: 'wrong-shape', path: '/account' });
    const res = await api('GET', '/account');
    expect(res.status).toBe(200);
    expect(res.body.response_code).toBe('SUCCESS');
    expect(Array.isArray(res.body.data)).toBe(true);
  });

  it('close() ends stalled requests promptly', async () => {
    const own = await startSimulator();
    own.addFault({ kind: 'stall' });
    const pending = fetch(`${own.url}/account`).then(() => 'answered', () => 'failed');
    await new Promise((r) => setTimeout(r, 50));
    const t = performance.now();
    await own.close();
    expect(await pending).toBe('failed');
    expect(performance.now() - t).toBeLessThan(500);
  });
});
