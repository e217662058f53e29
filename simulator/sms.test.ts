import { describe, expect, it } from 'vitest';
import type { Simulator } from './server';
import { apiFor, useSimulator, type Api, type Loose } from '../test-support/simulator-api';

let sim: Simulator;
let api: Api;
useSimulator((s, a) => ([sim, api] = [s, a]));

const send = (messages: unknown[]) => api('POST', '/sms/send', { messages });
const one = async (m: Record<string, unknown>): Promise<Loose> => (await send([m])).body.data.messages[0];

describe('POST /sms/send', () => {
  it('queues a message, charges the balance and records it', async () => {
    const res = await send([{ to: '+61411111111', body: 'Hello there', custom_string: 'ref-1', source: 'test' }]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ http_code: 200, response_code: 'SUCCESS', response_msg: 'Messages queued for delivery.' });
    const data = res.body.data;
    expect(data).toMatchObject({ total_price: 0.0792, total_count: 1, queued_count: 1, blocked_count: 0 });
    expect(data._currency.currency_name_short).toBe('AUD');
    const m = data.messages[0];
    expect(m).toMatchObject({
      to: '+61411111111', body: 'Hello there', from: '+61411000000', schedule: '', message_parts: 1,
      message_price: '0.0792', custom_string: 'ref-1', country: 'AU', carrier: 'Telstra', status: 'SUCCESS',
    });
    expect(m.message_id).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(Math.abs(m.date - sim.now())).toBeLessThanOrEqual(1);
    expect((await api('GET', '/account')).body.data.balance).toBe('99.9208');
    expect(sim.sent()).toEqual([expect.objectContaining({ message_id: m.message_id, to: '+61411111111', custom_string: 'ref-1', source: 'test', username: 'test-user' })]);
    const hist = (await api('GET', '/sms/history')).body.data.data;
    expect(hist).toEqual([expect.objectContaining({ direction: 'out', message_id: m.message_id, status: 'Queued', status_code: null })]);
  });

  it('reports each application code per message', async () => {
    const res = await send([
      { to: 'banana', body: 'x' },
      { to: '+6141', body: 'x' },
      { to: '+99912345678', body: 'x' },
      { to: '+61411111111', body: '   ' },
      { to: '+61411111111', body: 'x', schedule: 'tomorrow' },
      { to: '+61411111111', body: 'x', from: 'MyBusinessName' },
      { to: '+61411111111', body: 'x', from: 'My Shop' },
      { to: '+61411111111', body: 'x', from: 'MyShop' },
      { to: '61422222222', body: 'digits only' },
    ]);
    expect(res.body.response_code).toBe('SUCCESS');
    expect(res.body.data.messages.map((m: Loose) => m.status)).toEqual([
      'INVALID_RECIPIENT', 'INVALID_RECIPIENT', 'COUNTRY_NOT_ENABLED', 'EMPTY_MESSAGE', 'INVALID_SCHEDULE',
      'INVALID_SENDER_ID', 'INVALID_SENDER_ID', 'SUCCESS', 'SUCCESS',
    ]);
    expect(res.body.data.messages[8].to).toBe('+61422222222');
    expect(res.body.data).toMatchObject({ total_count: 9, queued_count: 2, total_price: 0.1584 });
    expect(sim.sent().map((s) => s.to)).toEqual(['+61411111111', '+61422222222']);
  });

  it('stops at INSUFFICIENT_CREDIT once the balance runs out', async () => {
    sim.addAccount({ username: 'poor', apiKey: 'pk', balance: 0.16 });
    const res = await apiFor(sim, 'poor', 'pk')('POST', '/sms/send', {
      messages: [1, 2, 3].map((i) => ({ to: '+61411111111', body: `m${i}` })),
    });
    expect(res.body.data.messages.map((m: Loose) => m.status)).toEqual(['SUCCESS', 'SUCCESS', 'INSUFFICIENT_CREDIT']);
    expect((await apiFor(sim, 'poor', 'pk')('GET', '/account')).body.data.balance).toBe('0.0016');
  });

  it('keeps a 200 SUCCESS envelope when every message fails', async () => {
    const res = await send([{ to: 'x', body: 'y' }]);
    expect(res.status).toBe(200);
    expect(res.body.response_code).toBe('SUCCESS');
    expect(res.body.data).toMatchObject({ queued_count: 0, total_price: 0 });
    expect(res.body.data.messages[0]).toMatchObject({ status: 'INVALID_RECIPIENT', message_price: '0.0000' });
    expect(sim.sent()).toHaveLength(0);
  });

  it('rejects an empty request and more than 1000 messages as a whole', async () => {
    const empty = await send([]);
    expect(empty.status).toBe(400);
    expect(empty.body.response_code).toBe('MISSING_REQUIRED_FIELDS');
    const missing = await api('POST', '/sms/send', {});
    expect(missing.body.response_code).toBe('MISSING_REQUIRED_FIELDS');
    const many = await send(Array.from({ length: 1001 }, () => ({ to: '+61411111111', body: 'x' })));
    expect(many.status).toBe(400);
    expect(many.body).toMatchObject({ response_code: 'TOO_MANY_RECIPIENTS', data: null });
    expect(sim.sent()).toHaveLength(0);
    const max = await send(Array.from({ length: 1000 }, () => ({ to: '+61411111111', body: 'x' })));
    expect(max.body.data.queued_count).toBe(1000);
  });

  it('counts parts for GSM-7, its extended characters and UCS-2', async () => {
    const cases: Array<[string, number, string]> = [
      ['a'.repeat(160), 1, '0.0792'],
      ['a'.repeat(161), 2, '0.1584'],
      ['a'.repeat(306), 2, '0.1584'],
      ['a'.repeat(307), 3, '0.2376'],
      ['{'.repeat(80), 1, '0.0792'],
      ['€'.repeat(81), 2, '0.1584'],
      ['é'.repeat(160), 1, '0.0792'],
      ['ā'.repeat(70), 1, '0.0792'],
      ['ā'.repeat(71), 2, '0.1584'],
      ['😀'.repeat(35), 1, '0.0792'],
      ['😀'.repeat(36), 2, '0.1584'],
      ['ā'.repeat(135), 3, '0.2376'],
    ];
    const res = await send(cases.map(([body]) => ({ to: '+61411111111', body })));
    expect(res.body.data.messages.map((m: Loose) => [m.message_parts, m.message_price])).toEqual(
      cases.map(([, parts, price]) => [parts, price]),
    );
  });

  it('sends to a whole list with personalised bodies', async () => {
    const list = (await api('POST', '/lists', { list_name: 'Customers' })).body.data;
    await api('POST', `/lists/${list.list_id}/contacts`, { phone_number: '+61400000001', first_name: 'Ann' });
    await api('POST', `/lists/${list.list_id}/contacts`, { phone_number: '+61400000002', first_name: 'Bob' });
    await api('POST', `/lists/${list.list_id}/contacts`, { email: 'nophone@example.com' });
    const res = await send([{ list_id: list.list_id, body: 'Hi {first_name}!' }, { list_id: 999, body: 'x' }]);
    expect(res.body.data.messages.map((m: Loose) => [m.to, m.body, m.status])).toEqual([
      ['+61400000001', 'Hi Ann!', 'SUCCESS'],
      ['+61400000002', 'Hi Bob!', 'SUCCESS'],
      ['', 'x', 'NOT_ENOUGH_PERMISSION_TO_LIST_ID'],
    ]);
    const hist = (await api('GET', '/sms/history')).body.data.data;
    expect(hist[0]).toMatchObject({ list_id: list.list_id, first_name: 'Ann' });
  });

  it('schedules future messages and sends past schedules at once', async () => {
    const future = sim.now() + 3600;
    const res = await send([
      { to: '+61411111111', body: 'later', schedule: future },
      { to: '+61411111111', body: 'past', schedule: String(sim.now() - 10) },
    ]);
    expect(res.body.data.messages.map((m: Loose) => m.status)).toEqual(['SUCCESS', 'SUCCESS']);
    expect(res.body.data.messages[0].schedule).toBe(future);
    const rows = (await api('GET', '/sms/history?order_by=body:asc')).body.data.data;
    expect(rows.map((r: Loose) => [r.body, r.status])).toEqual([['later', 'Scheduled'], ['past', 'Queued']]);
    expect(rows[0]).toMatchObject({ date: future, schedule: String(future) });

    sim.advanceClock(3601);
    const after = (await api('GET', '/sms/history?q=body:later')).body.data;
    // body is not a searchable history field, so q is ignored and both come back
    expect(after.total).toBe(2);
    expect((await api('GET', '/sms/history?q=status:Sent')).body.data.data.map((r: Loose) => r.body)).toEqual(['later']);
  });
});

describe('POST /sms/price', () => {
  it('validates and prices without sending or charging', async () => {
    const res = await api('POST', '/sms/price', { messages: [{ to: '+61411111111', body: 'a'.repeat(200) }, { to: 'bad', body: 'x' }] });
    expect(res.body).toMatchObject({ response_code: 'SUCCESS', response_msg: 'Here is some pricing.' });
    expect(res.body.data).toMatchObject({ total_price: 0.1584, total_count: 2, queued_count: 1 });
    expect(res.body.data.messages.map((m: Loose) => m.status)).toEqual(['SUCCESS', 'INVALID_RECIPIENT']);
    expect(sim.sent()).toHaveLength(0);
    expect((await api('GET', '/account')).body.data.balance).toBe('100.00');
    expect((await api('GET', '/sms/history')).body.data.total).toBe(0);
  });
});

describe('cancelling scheduled messages', () => {
  const schedule = async (body: string, custom?: string): Promise<string> =>
    (await one({ to: '+61411111111', body, schedule: sim.now() + 600, custom_string: custom })).message_id;

  it('cancels a pending message and refunds it', async () => {
    const id = await schedule('later');
    expect((await api('GET', '/account')).body.data.balance).toBe('99.9208');
    const res = await api('PUT', `/sms/${id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ response_code: 'SUCCESS', response_msg: 'Scheduled sms message has been cancelled.', data: null });
    expect((await api('GET', '/account')).body.data.balance).toBe('100.00');
    expect((await api('GET', `/sms/history?q=message_id:${id}`)).body.data.data[0].status).toBe('Cancelled');
    const again = await api('PUT', `/sms/${id}/cancel`);
    expect(again.status).toBe(400);
    expect(again.body.response_code).toBe('INVALID_REQUEST');
    expect(again.body.response_msg).toMatch(/can no longer be cancelled/);
  });

  it('refuses once the schedule has passed, and 404s unknown ids', async () => {
    const id = await schedule('later');
    sim.advanceClock(601);
    const late = await api('PUT', `/sms/${id}/cancel`);
    expect(late.status).toBe(400);
    expect(late.body.response_code).toBe('INVALID_REQUEST');
    const sentNow = (await one({ to: '+61411111111', body: 'now' })).message_id;
    expect((await api('PUT', `/sms/${sentNow}/cancel`)).status).toBe(400);
    const unknown = await api('PUT', '/sms/00000000-0000-0000-0000-000000000000/cancel');
    expect(unknown.status).toBe(404);
    expect(unknown.body.response_code).toBe('NOT_FOUND');
  });

  it('cancel-all cancels pending messages, optionally by custom_string', async () => {
    await schedule('a', 'campaign-1');
    await schedule('b', 'campaign-1');
    await schedule('c', 'campaign-2');
    await one({ to: '+61411111111', body: 'now' });
    const some = await api('PUT', '/sms/cancel-all', { custom_string: 'campaign-1' });
    expect(some.body).toMatchObject({ response_msg: '2 sms messages have been cancelled.', data: { count: 2 } });
    const rest = await api('PUT', '/sms/cancel-all');
    expect(rest.body.data).toEqual({ count: 1 });
    const statuses = (await api('GET', '/sms/history?order_by=body:asc')).body.data.data.map((r: Loose) => r.status);
    expect(statuses).toEqual(['Cancelled', 'Cancelled', 'Cancelled', 'Queued']);
    expect((await api('GET', '/account')).body.data.balance).toBe('99.9208');
  });
});
