import { describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './server';
import { apiFor, until, useSimulator, type Api, type Loose } from '../test-support/simulator-api';

let sim: Simulator;
let api: Api;
useSimulator((s, a) => ([sim, api] = [s, a]));

const sendOne = async (to: string, body: string, extra: Record<string, unknown> = {}): Promise<Loose> =>
  (await api('POST', '/sms/send', { messages: [{ to, body, ...extra }] })).body.data.messages[0];
const inbound = async (query = ''): Promise<Loose> => (await api('GET', `/sms/inbound${query}`)).body.data;

describe('inbound SMS', () => {
  it('lists unread replies oldest first, linked to the message they answer', async () => {
    const out = await sendOne('+61400000001', 'Can you come Tuesday?', { custom_string: 'job-7', from: '+61400999999' });
    const now = sim.now();
    const late = sim.injectInbound({ from: '+61400000001', body: 'Yes Tuesday works', timestamp: now + 5 });
    const early = sim.injectInbound({ from: '61400000002', body: 'Hello?', timestamp: now - 5 });
    const data = await inbound();
    expect(data.total).toBe(2);
    expect(data.data.map((m: Loose) => m.message_id)).toEqual([early.message_id, late.message_id]);
    expect(data.data[1]).toEqual({
      timestamp: now + 5, timestamp_send: now + 5, from: '+61400000001', body: 'Yes Tuesday works',
      original_body: 'Can you come Tuesday?', original_message_id: out.message_id, to: '+61400999999',
      custom_string: 'job-7', message_id: late.message_id, _keyword: 'yes',
    });
    expect(data.data[0]).toMatchObject({ from: '+61400000002', to: '+61411000000', original_message_id: '', _keyword: 'hello?' });
  });

  it('marks one read by message_id, and GET by original_message_id still finds it', async () => {
    const out = await sendOne('+61400000001', 'Question?');
    const a = sim.injectInbound({ from: '+61400000001', body: 'Answer' });
    const b = sim.injectInbound({ from: '+61400000003', body: 'Other' });
    const res = await api('PUT', `/sms/inbound-read/${a.message_id}`);
    expect(res.body).toMatchObject({ response_code: 'SUCCESS', data: 1 });
    expect((await inbound()).data.map((m: Loose) => m.message_id)).toEqual([b.message_id]);
    const byOriginal = await api('GET', `/sms/inbound/${out.message_id}`);
    expect(byOriginal.body.data.message_id).toBe(a.message_id);
    expect((await api('PUT', '/sms/inbound-read/NOPE')).status).toBe(404);
    expect((await api('GET', '/sms/inbound/NOPE')).status).toBe(404);
  });

  it('marks all, or only those before date_before, read', async () => {
    const now = sim.now();
    sim.injectInbound({ from: '+61400000001', body: 'old', timestamp: now - 100 });
    sim.injectInbound({ from: '+61400000001', body: 'edge', timestamp: now - 50 });
    sim.injectInbound({ from: '+61400000001', body: 'new', timestamp: now });
    const res = await api('PUT', '/sms/inbound-read', { date_before: now - 50 });
    expect(res.body).toMatchObject({ response_msg: 'Inbound messages have been marked as read.', data: null });
    expect((await inbound()).data.map((m: Loose) => m.body)).toEqual(['edge', 'new']);
    await api('PUT', '/sms/inbound-read');
    expect((await inbound()).total).toBe(0);
    // history keeps them all
    expect((await api('GET', '/sms/history?q=direction:in')).body.data.total).toBe(3);
  });

  it('creates a test inbound message through POST /sms/inbound', async () => {
    const res = await api('POST', '/sms/inbound', { url: 'poll' });
    expect(res.body.response_msg).toBe('Test inbound message has been added.');
    expect(res.body.data.body).toMatch(/^This is a test incoming SMS/);
    expect((await inbound()).data[0].message_id).toBe(res.body.data.message_id);
    expect((await api('POST', '/sms/inbound', {})).body.response_code).toBe('MISSING_REQUIRED_FIELDS');
  });
});

describe('delivery receipts', () => {
  it('queues receipts with the documented codes and mirrors them into history', async () => {
    const a = await sendOne('+61400000001', 'one', { custom_string: 'c1' });
    const b = await sendOne('+61400000002', 'two');
    const c = await sendOne('+61400000003', 'three');
    const ra = sim.deliverReceipt(a.message_id);
    sim.deliverReceipt(b.message_id, { status: 'Undelivered' });
    sim.deliverReceipt(c.message_id, { status: 'Failed', statusText: 'Carrier said no' });
    expect(ra).toMatchObject({ status: 'Delivered', status_code: '201', status_text: 'Success: Message received on handset.', error_code: null, custom_string: 'c1', message_type: 'sms', digits: null });
    const list = (await api('GET', '/sms/receipts')).body;
    expect(list.response_msg).toBe('Here are your delivery receipts.');
    expect(list.data.data.map((r: Loose) => [r.message_id, r.status, r.status_code, r.status_text])).toEqual([
      [a.message_id, 'Delivered', '201', 'Success: Message received on handset.'],
      [b.message_id, 'Undelivered', '301', 'Failed: Message expired before delivery.'],
      [c.message_id, 'Failed', '300', 'Carrier said no'],
    ]);
    const receipt = list.data.data[0];
    for (const f of ['timestamp_send', 'timestamp', 'error_code', 'error_text', 'custom_string', 'subaccount_id', 'message_type', 'digits']) {
      expect(receipt, f).toHaveProperty(f);
    }
    const hist = (await api('GET', '/sms/history')).body.data.data;
    expect(hist.map((r: Loose) => [r.status, r.status_code])).toEqual([['Delivered', '201'], ['Undelivered', '301'], ['Failed', '300']]);
    expect(() => sim.deliverReceipt('NOT-A-MESSAGE')).toThrow();
  });

  it('gets one receipt even when read, and marks receipts read by date', async () => {
    const a = await sendOne('+61400000001', 'one');
    const b = await sendOne('+61400000002', 'two');
    const now = sim.now();
    sim.deliverReceipt(a.message_id, { timestamp: now - 10 });
    sim.deliverReceipt(b.message_id, { timestamp: now });
    expect((await api('PUT', '/sms/receipts-read', { date_before: now })).body.response_msg).toBe('Receipts have been marked as read.');
    expect((await api('GET', '/sms/receipts')).body.data.data.map((r: Loose) => r.message_id)).toEqual([b.message_id]);
    await api('PUT', '/sms/receipts-read', {});
    expect((await api('GET', '/sms/receipts')).body.data.total).toBe(0);
    const one = await api('GET', `/sms/receipts/${a.message_id}`);
    expect(one.body).toMatchObject({ response_msg: 'Your receipt.', data: { message_id: a.message_id, status: 'Delivered' } });
    expect((await api('GET', '/sms/receipts/NOPE')).status).toBe(404);
  });

  it('adds a test receipt through POST /sms/receipts', async () => {
    const res = await api('POST', '/sms/receipts', { url: 'poll' });
    expect(res.body).toMatchObject({ response_msg: 'Receipt has been added', data: { status_code: '201' } });
    expect((await api('GET', '/sms/receipts')).body.data.data[0].message_id).toBe(res.body.data.message_id);
  });
});

describe('autoDeliverMs', () => {
  it('turns sent messages Sent and then Delivered with a receipt, but not scheduled ones', async () => {
    const auto = await startSimulator({ autoDeliverMs: 150 });
    try {
      const a = apiFor(auto);
      const res = await a('POST', '/sms/send', {
        messages: [{ to: '+61400000001', body: 'now' }, { to: '+61400000002', body: 'later', schedule: auto.now() + 3600 }],
      });
      const [now, later] = res.body.data.messages;
      const status = async (id: string) => (await a('GET', `/sms/history?q=message_id:${id}`)).body.data.data[0].status;
      expect(await status(now.message_id)).toBe('Queued');
      await until(async () => (await status(now.message_id)) === 'Sent', 1000);
      await until(async () => (await status(now.message_id)) === 'Delivered', 1000);
      const receipts = (await a('GET', '/sms/receipts')).body.data.data;
      expect(receipts.map((r: Loose) => r.message_id)).toEqual([now.message_id]);
      expect(await status(later.message_id)).toBe('Scheduled');
    } finally {
      await auto.close();
    }
  });
});
