import { beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from './server';
import { makePicture } from '../test-support/pictures';
import { apiFor, control, expectOfficialKeys, officialExample, useSimulator, type Api, type Loose } from '../test-support/simulator-api';

let sim: Simulator;
let api: Api;
useSimulator((s, a) => ([sim, api] = [s, a]));

const MEDIA = 'https://example.com/pic.jpg';
const send = async (messages: Array<Record<string, unknown>>): Promise<Loose[]> =>
  (await api('POST', '/mms/send', { media_file: MEDIA, messages })).body.data.messages;
const page = async (query = ''): Promise<Loose> => (await api('GET', `/mms/history${query}`)).body.data;
const rows = async (query = ''): Promise<Loose[]> => (await page(query)).data;
const official = (file: string): Loose => officialExample(file).response_200_example;

describe('GET /mms/history', () => {
  let sent: Loose[];
  let t0: number;
  beforeEach(async () => {
    t0 = sim.now();
    sent = await send([
      { to: '+61400000001', subject: 'Bravo', body: 'second letter', custom_string: 'A' },
      { to: '+61400000002', subject: 'Alpha', body: 'first letter', custom_string: 'B' },
      { to: '+61400000003', subject: 'Charlie', body: 'third letter', from: 'ShopName' },
    ]);
  });

  it('answers every field of the official example, with date_added and message_parts "1.00"', async () => {
    const res = await api('GET', '/mms/history');
    const example = official('get_mms_history.json');
    expectOfficialKeys(res.body, example);
    expect(res.body.response_msg).toBe(example.response_msg);
    expect(Object.keys(res.body.data).sort()).toEqual(Object.keys(example.data).sort());
    const exampleRow = example.data.data[0];
    for (const r of res.body.data.data) expect(Object.keys(r).sort()).toEqual(Object.keys(exampleRow).sort());
    const account = (await api('GET', '/account')).body.data;
    expect(res.body.data.data[0]).toMatchObject({
      _api_username: 'test-user', _media_file_url: MEDIA, body: 'second letter', carrier: 'Telstra', contact_id: null,
      country: 'AU', custom_string: 'A', direction: 'out', from: '+61411000000', from_email: null, list_id: null,
      message_id: sent[0].message_id, message_parts: '1.00', message_price: '0.3300', priority: 10, status: 'Queued',
      status_code: null, status_text: null, subaccount_id: account.subaccount_id, subject: 'Bravo', to: '+61400000001',
      user_id: account.user_id,
    });
    const row = res.body.data.data[0];
    expect(row.date_added).toBeGreaterThanOrEqual(t0);
    expect(row.schedule).toBe(String(row.date_added));
    expect(row).not.toHaveProperty('date');
    expect(res.body.data.data[2].custom_string).toBe(''); // none given: '' like the example, not null
  });

  it('searches with q like /sms/history (exact ids and status, substrings elsewhere, subject too)', async () => {
    expect((await rows('?q=custom_string:a')).map((r) => r.subject)).toEqual(['Bravo']);
    expect((await rows('?q=from:shopname')).map((r) => r.subject)).toEqual(['Charlie']);
    expect((await rows('?q=subject:alp')).map((r) => r.subject)).toEqual(['Alpha']);
    expect((await rows(`?q=message_id:${sent[1].message_id.toLowerCase()}`)).map((r) => r.subject)).toEqual(['Alpha']);
    expect((await rows('?q=status:queue')).length).toBe(0);
    expect((await rows('?q=status:queued,direction:out')).length).toBe(3);
    expect((await rows('?q=custom_string:a,subject:charlie&operator=OR')).map((r) => r.subject)).toEqual(['Bravo', 'Charlie']);
    expect((await rows('?q=custom_string:')).length).toBe(2);
  });

  it('orders by date_added (date: is the same field) and by other fields, with stable ties', async () => {
    sim.advanceClock(10);
    await send([{ to: '+61400000004', subject: 'Delta', body: 'later' }]);
    const asc = (await rows('?order_by=date_added:asc')).map((r) => r.subject);
    expect(asc).toEqual(['Bravo', 'Alpha', 'Charlie', 'Delta']);
    expect((await rows('?order_by=date_added:desc')).map((r) => r.subject)).toEqual([...asc].reverse());
    expect((await rows('?order_by=date:desc')).map((r) => r.subject)).toEqual([...asc].reverse());
    expect((await rows('?order_by=subject:asc')).map((r) => r.subject)).toEqual(['Alpha', 'Bravo', 'Charlie', 'Delta']);
    expect((await rows('?order_by=subject:desc')).map((r) => r.subject)).toEqual(['Delta', 'Charlie', 'Bravo', 'Alpha']);
    expect((await rows('?order_by=nonsense:desc')).map((r) => r.subject)).toEqual(asc);
  });

  it('filters by date_from/date_to (inclusive), rejects non-timestamps and pages like Laravel', async () => {
    sim.advanceClock(100);
    await send([{ to: '+61400000004', subject: 'Delta', body: 'later' }]);
    const late = (await rows('?order_by=date_added:desc'))[0].date_added;
    expect((await rows(`?date_from=${late}`)).map((r) => r.subject)).toEqual(['Delta']);
    expect((await rows(`?date_to=${late - 1}`)).length).toBe(3);
    expect((await api('GET', '/mms/history?date_from=yesterday')).status).toBe(400);
    await send(Array.from({ length: 16 }, (_, i) => ({ to: '+61400000005', subject: 'More', body: `m${i}` })));
    const first = await page('?limit=15&q=subject:more');
    expect(first).toMatchObject({ total: 16, per_page: 15, current_page: 1, last_page: 2, from: 1, to: 15 });
    expect(first.next_page_url).toBe(`${sim.url}/mms/history?limit=15&q=subject%3Amore&page=2`);
    expect((await page('?limit=15&q=subject:more&page=2')).data.map((r: Loose) => r.body)).toEqual(['m15']);
    expect(await page('?page=9')).toMatchObject({ data: [], from: null, to: null });
  });

  it('is per account and apart from /sms/history', async () => {
    sim.addAccount({ username: 'b', apiKey: 'bk' });
    expect((await apiFor(sim, 'b', 'bk')('GET', '/mms/history')).body.data.total).toBe(0);
    expect((await api('GET', '/sms/history')).body.data.total).toBe(0);
  });
});

describe('MMS receipts', () => {
  it('/mms/receipts lists unread receipts in the official shape, timestamps as strings', async () => {
    const [a, b] = await send([{ to: '+61400000001', subject: 's', body: 'x', custom_string: 'ref' }, { to: '+61400000002', subject: 's', body: 'y' }]);
    const sentAt = (await rowOf(a.message_id)).date_added;
    const t = sim.now();
    sim.deliverMmsReceipt(a.message_id, { timestamp: t + 5 });
    const failed = (await control(sim, 'POST', '/receipt', { messageId: b.message_id, status: 'Failed', timestamp: t + 9 })).body;
    expect(failed).toMatchObject({ message_id: b.message_id, message_type: 'mms', status_code: '300', error_code: '300' });

    const res = await api('GET', '/mms/receipts');
    const example = official('get_mms_receipts.json');
    expectOfficialKeys(res.body, example);
    expect(res.body.response_msg).toBe(example.response_msg);
    expect(Object.keys(res.body.data).sort()).toEqual(Object.keys(example.data).sort());
    for (const r of res.body.data.data) expectOfficialKeys(r, example.data.data[0]);
    expect(res.body.data.data).toEqual([
      expect.objectContaining({
        message_id: a.message_id, message_type: 'mms', timestamp: String(t + 5), timestamp_send: String(sentAt),
        status_code: '201', status_text: 'Success: Message received on handset.', error_code: '', error_text: '',
        custom_string: 'ref', status: 'Delivered',
      }),
      expect.objectContaining({ message_id: b.message_id, timestamp: String(t + 9), status: 'Failed', custom_string: '' }),
    ]);
    expect(typeof res.body.data.data[0].subaccount_id).toBe('number');
    expect((await rowOf(a.message_id))).toMatchObject({ status: 'Delivered', status_code: '201' });
    expect((await rowOf(b.message_id))).toMatchObject({ status: 'Failed', status_code: '300' });
    expect((await api('GET', '/sms/receipts')).body.data.total).toBe(0);
  });

  it('receipts-read marks read strictly before date_before, in the official shape', async () => {
    const [a, b] = await send([{ to: '+61400000001', subject: 's', body: 'x' }, { to: '+61400000002', subject: 's', body: 'y' }]);
    const t = sim.now();
    sim.deliverMmsReceipt(a.message_id, { timestamp: t });
    sim.deliverMmsReceipt(b.message_id, { timestamp: t + 10 });
    const res = await api('PUT', '/mms/receipts-read', { date_before: t + 10 });
    expect(res.body).toEqual(officialExample('mms_other_endpoints.json').endpoints['/mms/receipts-read'].put.response_200_example);
    expect((await api('GET', '/mms/receipts')).body.data.data.map((r: Loose) => r.message_id)).toEqual([b.message_id]);
    await api('PUT', '/mms/receipts-read', {});
    expect((await api('GET', '/mms/receipts')).body.data.total).toBe(0);
  });

  it('/mms/receipts/{id} answers the message in the official shape; unknown is 404', async () => {
    const [a] = await send([{ to: '+61400000001', subject: 's', body: 'x' }]);
    const res = await api('GET', `/mms/receipts/${a.message_id.toLowerCase()}`);
    const example = officialExample('mms_other_endpoints.json').endpoints['/mms/receipts/{message_id}'].get.response_200_example;
    expectOfficialKeys(res.body, example);
    expect(res.body.response_msg).toBe(example.response_msg);
    expect(Object.keys(res.body.data).sort()).toEqual(Object.keys(example.data).sort());
    expect(res.body.data).toMatchObject({ message_id: a.message_id, status: 'Queued', status_code: null });
    sim.deliverMmsReceipt(a.message_id);
    expect((await api('GET', `/mms/receipts/${a.message_id}`)).body.data).toMatchObject({ status: 'Delivered', status_code: '201' });
    expect((await api('GET', '/mms/receipts/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

async function rowOf(messageId: string): Promise<Loose> {
  return (await rows(`?q=message_id:${messageId}`))[0];
}

describe('seeding a picture message sent from the dashboard', () => {
  it('POST /_sim/mms adds a history row with a built-in JPEG; not charged, not in mmsSent, no receipt', async () => {
    const t = sim.now() - 3600;
    const res = await control(sim, 'POST', '/mms', { to: '+61400000009', subject: 'Hello', body: 'From the dashboard', timestamp: t });
    expect(res.status).toBe(200);
    const row = res.body;
    expect(row).toMatchObject({ to: '+61400000009', subject: 'Hello', body: 'From the dashboard', date_added: t, status: 'Delivered', status_code: '201', custom_string: '', from: '+61411000000' });
    expect(Object.keys(row).sort()).toEqual(Object.keys(official('get_mms_history.json').data.data[0]).sort());
    expect(await rows()).toEqual([row]);
    expect(row._media_file_url).toMatch(new RegExp(`^${sim.url.replace(/\/v3$/, '')}/_media/[0-9A-F-]{36}\\.jpg$`));
    const media = await fetch(row._media_file_url);
    expect(media.headers.get('content-type')).toBe('image/jpeg');
    expect((await media.arrayBuffer()).byteLength).toBeGreaterThan(500);
    expect(sim.mmsSent()).toEqual([]);
    expect(sim.uploads()).toEqual([]);
    expect((await api('GET', '/account')).body.data.balance).toBe('100.00');
    expect((await api('GET', '/mms/receipts')).body.data.total).toBe(0);
  });

  it('sim.seedMms takes a picture of its own, a sender and a status; refuses bad input', async () => {
    const gif = await makePicture('gif');
    const row = sim.seedMms({ to: '0400 000 008', subject: 'Gif', body: 'Animated', from: 'MyShop', media: gif.toString('base64'), status: 'Undelivered' });
    expect(row).toMatchObject({ to: '+61400000008', from: 'MyShop', status: 'Undelivered', status_code: '301' });
    const media = await fetch(String(row._media_file_url));
    expect(String(row._media_file_url).endsWith('.gif')).toBe(true);
    expect(Buffer.from(await media.arrayBuffer()).equals(gif)).toBe(true);
    expect(() => sim.seedMms({ to: 'x', subject: 's', body: 'b' })).toThrow(/phone number/);
    expect(() => sim.seedMms({ to: '+61400000001', subject: 'a'.repeat(21), body: 'b' })).toThrow(/subject/);
    expect(() => sim.seedMms({ to: '+61400000001', subject: 's', body: 'b', media: Buffer.from('<html>').toString('base64') })).toThrow(/converted/);
    expect((await control(sim, 'POST', '/mms', { to: '+61400000001', subject: 's', body: 'b', status: 'Lost' })).status).toBe(400);
    expect((await control(sim, 'POST', '/mms', { to: '+61400000001', body: 'b' })).status).toBe(400);
    expect((await page()).total).toBe(1);
  });
});
