import { beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from './server';
import { useSimulator, type Api, type Loose } from '../test-support/simulator-api';

let sim: Simulator;
let api: Api;
useSimulator((s, a) => ([sim, api] = [s, a]));

const rows = async (query: string): Promise<Loose[]> => (await api('GET', `/sms/history${query}`)).body.data.data;

describe('GET /sms/history', () => {
  let t0: number;
  beforeEach(async () => {
    t0 = sim.now() - 1000;
    sim.injectInbound({ from: '+61400000001', body: 'first in', timestamp: t0 });
    await api('POST', '/sms/send', {
      messages: [
        { to: '+61400000001', body: 'reply one', custom_string: 'A' },
        { to: '+61400000002', body: 'hello two', custom_string: 'B' },
        { to: '+61400000003', body: 'hello three', from: 'ShopName', custom_string: 'a' },
      ],
    });
    sim.injectInbound({ from: '+61400000002', body: 'thanks', timestamp: t0 + 500 });
  });

  it('returns both directions with every documented field', async () => {
    const all = await rows('');
    expect(all.map((r) => [r.direction, r.body])).toEqual([
      ['in', 'first in'], ['in', 'thanks'], ['out', 'reply one'], ['out', 'hello two'], ['out', 'hello three'],
    ]);
    const fields = [
      'direction', 'date', 'to', 'body', 'status', 'from', 'schedule', 'status_code', 'status_text', 'message_id',
      'message_parts', 'message_price', 'from_email', 'list_id', 'custom_string', 'contact_id', 'user_id',
      'subaccount_id', 'country', 'carrier', 'first_name', 'last_name', '_api_username',
    ];
    for (const r of all) expect(Object.keys(r).sort()).toEqual([...fields].sort());
    expect(all[0]).toMatchObject({ status: 'Received', from: '+61400000001', to: '+61411000000', date: t0, _api_username: 'test-user' });
  });

  it('filters with q, case-insensitively, with AND by default and OR on request', async () => {
    expect((await rows('?q=direction:IN')).map((r) => r.body)).toEqual(['first in', 'thanks']);
    expect((await rows('?q=status:queued')).length).toBe(3);
    expect((await rows(`?q=to:${encodeURIComponent('+61400000002')}`)).map((r) => r.body)).toEqual(['hello two']);
    expect((await rows(`?q=from:${encodeURIComponent('+61400000002')}`)).map((r) => r.body)).toEqual(['thanks']);
    expect((await rows('?q=from:shopname')).map((r) => r.body)).toEqual(['hello three']);
    expect((await rows('?q=custom_string:a')).map((r) => r.body)).toEqual(['reply one', 'hello three']);
    expect((await rows('?q=custom_string:a,direction:out')).length).toBe(2);
    expect((await rows('?q=custom_string:b,direction:in&operator=OR')).map((r) => r.body)).toEqual(['first in', 'thanks', 'hello two']);
    const id = (await rows(''))[3].message_id;
    expect((await rows(`?q=message_id:${id.toLowerCase()}`)).map((r) => r.body)).toEqual(['hello two']);
    expect((await rows('?q=subaccount_id:1')).length).toBe(0);
  });

  it('orders by the requested field with stable ties', async () => {
    expect((await rows('?order_by=date:desc')).map((r) => r.body)).toEqual(['hello three', 'hello two', 'reply one', 'thanks', 'first in']);
    expect((await rows('?order_by=body:asc')).map((r) => r.body)).toEqual(['first in', 'hello three', 'hello two', 'reply one', 'thanks']);
    expect((await rows('?order_by=to:asc')).map((r) => r.body)).toEqual(['reply one', 'hello two', 'hello three', 'first in', 'thanks']);
    expect((await rows('?order_by=nonsense:desc')).map((r) => r.body)[0]).toBe('first in');
  });

  it('limits by date_from and date_to inclusively', async () => {
    expect((await rows(`?date_from=${t0}&date_to=${t0 + 500}`)).map((r) => r.body)).toEqual(['first in', 'thanks']);
    expect((await rows(`?date_from=${t0 + 1}`)).length).toBe(4);
    expect((await rows(`?date_to=${t0}`)).length).toBe(1);
    expect((await api('GET', '/sms/history?date_from=yesterday')).status).toBe(400);
  });

  it('pages stably through rows sharing one timestamp', async () => {
    sim.reset();
    const messages = Array.from({ length: 40 }, (_, i) => ({ to: '+61400000009', body: `m${i}` }));
    await api('POST', '/sms/send', { messages });
    const seen: string[] = [];
    for (let p = 1; p <= 3; p++) seen.push(...(await rows(`?page=${p}`)).map((r) => r.body));
    expect(seen).toEqual(messages.map((m) => m.body));
    const desc: string[] = [];
    for (let p = 1; p <= 3; p++) desc.push(...(await rows(`?page=${p}&order_by=date:desc`)).map((r) => r.body));
    expect(desc).toEqual(messages.map((m) => m.body).reverse());
  });

  it('reflects status changes between pages of the same query', async () => {
    const [out] = await rows('?q=direction:out');
    sim.deliverReceipt(out.message_id);
    expect((await rows('?q=status:delivered')).map((r) => r.message_id)).toEqual([out.message_id]);
    expect((await rows('?q=direction:out'))[0]).toMatchObject({ status: 'Delivered', status_code: '201' });
  });
});

describe('seedHistory', () => {
  it('seeds a million rows fast and pages through them cheaply', async () => {
    const start = sim.now() - 1_000_000;
    const t = performance.now();
    sim.seedHistory('test-user', 1_000_000, { conversations: 500, startTimestamp: start });
    expect(performance.now() - t).toBeLessThan(50);

    const first = await api('GET', '/sms/history?limit=100');
    expect(first.body.data).toMatchObject({ total: 1_000_000, last_page: 10_000, per_page: 100 });
    expect(first.body.data.data[0].date).toBe(start);
    const t2 = performance.now();
    for (const p of [2, 5000, 10_000]) {
      const page = (await api('GET', `/sms/history?limit=100&page=${p}`)).body.data;
      expect(page.data).toHaveLength(100);
      expect(page.from).toBe((p - 1) * 100 + 1);
    }
    expect(performance.now() - t2).toBeLessThan(500);
    const last = (await api('GET', '/sms/history?limit=100&page=10000')).body.data.data;
    const dates = last.map((r: Loose) => r.date);
    expect([...dates].sort((a, b) => a - b)).toEqual(dates);

    const window = (await api('GET', `/sms/history?date_from=${start + 500_000}&date_to=${start + 500_099}&limit=100`)).body.data;
    expect(window.total).toBe(100);
    expect(window.data.every((r: Loose) => r.date >= start + 500_000 && r.date <= start + 500_099)).toBe(true);
  });

  it('spreads rows over the requested conversations, both directions, and can deliver one', async () => {
    sim.seedHistory('test-user', 300, { conversations: 12 });
    sim.injectInbound({ from: '+61499999999', body: 'live one' });
    const all: Loose[] = [];
    for (let p = 1; p <= 4; p++) all.push(...(await rows(`?limit=100&page=${p}`)));
    expect(all).toHaveLength(301);
    const generated = all.slice(0, 300);
    const numbers = new Set(generated.map((r) => (r.direction === 'out' ? r.to : r.from)));
    expect(numbers.size).toBe(12);
    const dirs = generated.map((r) => r.direction);
    expect(dirs.filter((d) => d === 'in').length).toBeGreaterThan(50);
    expect(dirs.filter((d) => d === 'out').length).toBeGreaterThan(150);
    expect(new Set(generated.map((r) => r.message_id)).size).toBe(300);
    expect(all[300].body).toBe('live one');
    expect(generated.every((r) => r.date <= sim.now())).toBe(true);

    const byFrom = (await rows('?order_by=from:desc&limit=100&q=direction:in')).map((r) => r.from);
    expect(byFrom.length).toBeGreaterThan(50);
    expect(byFrom).toEqual([...byFrom].sort().reverse());

    const out = generated.find((r) => r.direction === 'out');
    sim.deliverReceipt(out.message_id, { status: 'Undelivered' });
    expect((await rows(`?q=message_id:${out.message_id}`))[0]).toMatchObject({ status: 'Undelivered', status_code: '301' });
    expect((await api('GET', '/sms/receipts')).body.data.data[0].message_id).toBe(out.message_id);
  });
});
