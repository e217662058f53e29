import { describe, expect, it } from 'vitest';
import type { Simulator } from './server';
import { apiFor, control, until, useSimulator, type Api, type Loose } from '../test-support/simulator-api';

let sim: Simulator;
let api: Api;
useSimulator((s, a) => ([sim, api] = [s, a]));

describe('control endpoints', () => {
  it('injects inbound messages and delivers receipts', async () => {
    const inbound = await control(sim, 'POST', '/inbound', { from: '+61400000001', body: 'Hi from e2e' });
    expect(inbound.status).toBe(200);
    expect(inbound.body).toMatchObject({ from: '+61400000001', body: 'Hi from e2e', _keyword: 'hi' });
    expect((await api('GET', '/sms/inbound')).body.data.data[0].message_id).toBe(inbound.body.message_id);

    const sent = (await api('POST', '/sms/send', { messages: [{ to: '+61400000001', body: 'x' }] })).body.data.messages[0];
    const receipt = await control(sim, 'POST', '/receipt', { messageId: sent.message_id, status: 'Undelivered' });
    expect(receipt.body).toMatchObject({ message_id: sent.message_id, status_code: '301' });
    expect((await control(sim, 'POST', '/receipt', { messageId: 'nope' })).status).toBe(404);
    expect((await control(sim, 'POST', '/receipt', { messageId: sent.message_id, status: 'Lost' })).status).toBe(400);
  });

  it('adds, lists and clears faults; count may be "Infinity"', async () => {
    expect((await control(sim, 'POST', '/faults', { kind: '500', path: '/account', count: 'Infinity' })).status).toBe(200);
    expect((await control(sim, 'GET', '/faults')).body).toEqual([expect.objectContaining({ kind: '500', count: 'Infinity' })]);
    expect((await api('GET', '/account')).status).toBe(500);
    expect((await api('GET', '/account')).status).toBe(500);
    expect((await control(sim, 'DELETE', '/faults')).status).toBe(200);
    expect((await api('GET', '/account')).status).toBe(200);
    expect((await control(sim, 'POST', '/faults', { kind: 'meltdown' })).status).toBe(400);
  });

  it('holds a request until POST /faults/release, and clearing the faults lets held requests go too', async () => {
    const arrived = (n: number) => until(() => sim.arrivals().length === n);
    const before = sim.arrivals().length;
    expect((await control(sim, 'POST', '/faults', { kind: 'hold', path: '/account', count: 2 })).status).toBe(200);
    const first = api('GET', '/account');
    await arrived(before + 1);
    expect((await control(sim, 'POST', '/faults/release')).body).toEqual({ ok: true, released: 1 });
    expect((await first).status).toBe(200);

    expect((await control(sim, 'POST', '/faults', { kind: 'hold', path: '/account' })).status).toBe(200);
    const second = api('GET', '/account');
    await arrived(before + 2);
    expect((await control(sim, 'DELETE', '/faults')).status).toBe(200);
    expect((await second).status).toBe(200);
  });

  it('reports sent messages and the request log', async () => {
    sim.addAccount({ username: 'b', apiKey: 'bk' });
    await api('POST', '/sms/send', { messages: [{ to: '+61400000001', body: 'a1' }] });
    await apiFor(sim, 'b', 'bk')('POST', '/sms/send', { messages: [{ to: '+61400000001', body: 'b1' }] });
    expect((await control(sim, 'GET', '/sent')).body.map((s: Loose) => s.body)).toEqual(['a1', 'b1']);
    expect((await control(sim, 'GET', '/sent?username=b')).body.map((s: Loose) => s.body)).toEqual(['b1']);
    const log = (await control(sim, 'GET', '/requests')).body;
    expect(log).toEqual([
      { method: 'POST', path: '/sms/send', status: 200, query: '' },
      { method: 'POST', path: '/sms/send', status: 200, query: '' },
    ]);
  });

  it('adds accounts, seeds data, moves the clock and resets', async () => {
    expect((await control(sim, 'POST', '/accounts', { username: 'e2e', apiKey: 'e2e-key', balance: 5 })).status).toBe(200);
    const e2e = apiFor(sim, 'e2e', 'e2e-key');
    expect((await e2e('GET', '/account')).body.data.balance).toBe('5.00');

    await control(sim, 'POST', '/seed-demo', { username: 'e2e' });
    expect((await e2e('GET', '/sms/templates')).body.data.total).toBe(4);
    await control(sim, 'POST', '/seed-history', { username: 'test-user', n: 120, conversations: 4 });
    expect((await api('GET', '/sms/history')).body.data.total).toBe(120);

    const before = sim.now();
    const clock = await control(sim, 'POST', '/clock', { advanceSeconds: 3600 });
    expect(clock.body.now).toBeGreaterThanOrEqual(before + 3600);
    expect(sim.now()).toBeGreaterThanOrEqual(before + 3600);

    expect((await control(sim, 'POST', '/reset')).status).toBe(200);
    expect((await e2e('GET', '/account')).status).toBe(401);
    expect((await api('GET', '/sms/history')).body.data.total).toBe(0);
    expect(sim.now()).toBeLessThan(before + 60);
    expect((await control(sim, 'GET', '/nothing-here')).status).toBe(404);
    expect((await control(sim, 'POST', '/seed-history', { n: 'lots' })).status).toBe(400);
  });
});
