import { describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './server';
import { makePicture } from '../test-support/pictures';
import {
  apiFor, auth, control, expectOfficialAnswer, officialExample, until, useSimulator, type Api, type Loose,
} from '../test-support/simulator-api';

let sim: Simulator;
let api: Api;
useSimulator((s, a) => ([sim, api] = [s, a]));

const uploadJpeg = async (): Promise<string> =>
  (await api('POST', '/uploads?convert=mms', { content: (await makePicture('jpeg')).toString('base64') })).body.data._url;
const send = (media_file: unknown, messages: unknown[]) => api('POST', '/mms/send', { media_file, messages });
const one = async (m: Record<string, unknown>): Promise<Loose> =>
  (await send('https://example.com/cat.jpg', [{ to: '+61411111111', subject: 'Hi', body: 'A picture', ...m }])).body.data.messages[0];
const balance = async (): Promise<string> => (await api('GET', '/account')).body.data.balance;
const history = async (query = ''): Promise<Loose[]> => (await api('GET', `/mms/history${query}`)).body.data.data;

describe('POST /mms/send', () => {
  it('queues a picture message in the official shape, charges $0.33 and records it', async () => {
    const url = await uploadJpeg();
    const res = await send(url, [{ to: '0411 111 111', subject: 'Your order', body: 'Ready to collect', custom_string: 'o-1', source: 'test', country: 'AU' }]);
    const official = expectOfficialAnswer(res, 'post_mms_send.json', 'Messages queued for delivery.');
    const data = res.body.data;
    expect(data).toMatchObject({ total_price: 0.33, total_count: 1, queued_count: 1, _currency: official.data._currency });
    const m = data.messages[0];
    expect(Object.keys(m).sort()).toEqual(Object.keys(official.data.messages[0]).sort());
    expect(m).toMatchObject({
      _media_file_url: url, to: '+61411111111', subject: 'Your order', body: 'Ready to collect', from: '+61411000000',
      custom_string: 'o-1', country: 'AU', message_parts: 1, message_price: '0.3300', schedule: '', status: 'SUCCESS',
      list_id: null, contact_id: null,
    });
    expect(await balance()).toBe('99.67');
    expect(sim.mmsSent()).toEqual([expect.objectContaining({
      username: 'test-user', message_id: m.message_id, to: '+61411111111', subject: 'Your order', media_file: url,
      media_bytes: sim.uploads()[0]!.bytes, custom_string: 'o-1', source: 'test', message_price: '0.3300', schedule: null,
    })]);
    expect(sim.sent()).toEqual([]); // SMS and MMS are logged apart
    expect((await history()).map((r) => [r.message_id, r.status])).toEqual([[m.message_id, 'Queued']]);
    expect((await api('GET', '/sms/history')).body.data.total).toBe(0);
  });

  it('refuses a missing subject or one over 20 characters per message, with INVALID_SUBJECT', async () => {
    const res = await send('https://example.com/a.gif', [
      { to: '+61411111111', body: 'x' },
      { to: '+61411111111', body: 'x', subject: '   ' },
      { to: '+61411111111', body: 'x', subject: 'a'.repeat(21) },
      { to: '+61411111111', body: 'x', subject: 'a'.repeat(20) },
      { to: '+61411111111', body: 'x', subject: '😀'.repeat(20) },
    ]);
    expect(res.body.data.messages.map((m: Loose) => [m.status, m.message_price])).toEqual([
      ['INVALID_SUBJECT', '0.0000'], ['INVALID_SUBJECT', '0.0000'], ['INVALID_SUBJECT', '0.0000'],
      ['SUCCESS', '0.3300'], ['SUCCESS', '0.3300'],
    ]);
    expect(res.body.data).toMatchObject({ total_count: 5, queued_count: 2, total_price: 0.66 });
    expect(sim.mmsSent()).toHaveLength(2);
  });

  it('checks numbers, body, sender and schedule like SMS, in the same order', async () => {
    const res = await send('https://example.com/a.jpg', [
      { to: 'banana', body: 'x', subject: 's' },
      { to: '+99912345678', body: 'x', subject: 's' },
      { to: '+61411111111', body: '  ', subject: 's' },
      { to: '+61411111111', body: 'x', subject: '' },
      { to: '+61411111111', body: 'x', subject: 's', from: 'My Shop' },
      { to: '+61411111111', body: 'x', subject: 's', schedule: 'soon' },
      { to: '61422222222', body: 'x', subject: 's', from: 'MyShop' },
    ]);
    expect(res.body.data.messages.map((m: Loose) => m.status)).toEqual([
      'INVALID_RECIPIENT', 'COUNTRY_NOT_ENABLED', 'EMPTY_MESSAGE', 'INVALID_SUBJECT', 'INVALID_SENDER_ID',
      'INVALID_SCHEDULE', 'SUCCESS',
    ]);
    expect(res.body.data.messages[6]).toMatchObject({ to: '+61422222222', from: 'MyShop' });
  });

  it('without media_file the whole request is 400 and nothing is sent', async () => {
    for (const media of [undefined, '', 'not a url', 'ftp://example.com/a.jpg']) {
      const res = await send(media, [{ to: '+61411111111', subject: 's', body: 'x' }]);
      expect(res.status).toBe(400);
      expect(res.body.response_code).toMatch(/^(MISSING_REQUIRED_FIELDS|BAD_REQUEST)$/);
    }
    expect((await send(undefined, [])).body.response_msg).toBe('media_file is required.');
    expect(sim.mmsSent()).toEqual([]);
    expect(await balance()).toBe('100.00');
  });

  it('truncates the body at 1,500 GSM characters, or 500 with any other character', async () => {
    const gsm = await one({ body: 'a'.repeat(1600) });
    expect(gsm.body).toBe('a'.repeat(1500));
    expect((await one({ body: 'b'.repeat(1500) })).body).toHaveLength(1500);
    const unicode = await one({ body: `ü${'é'.repeat(10)}${'中'.repeat(600)}` }); // ü and é are GSM, 中 is not
    expect(Array.from(unicode.body)).toHaveLength(500);
    expect(unicode.body.startsWith('üéééééééééé中')).toBe(true);
    const emoji = await one({ body: '😀'.repeat(501) });
    expect(emoji.body).toBe('😀'.repeat(500)); // never splits a character
    expect(sim.mmsSent().map((s) => Array.from(s.body).length)).toEqual([1500, 1500, 500, 500]);
    expect((await history()).map((r) => Array.from(r.body as string).length)).toEqual([1500, 1500, 500, 500]);
  });

  it('stops at INSUFFICIENT_CREDIT once the balance runs out', async () => {
    sim.addAccount({ username: 'poor', apiKey: 'pk', balance: 0.7 });
    const res = await apiFor(sim, 'poor', 'pk')('POST', '/mms/send', {
      media_file: 'https://example.com/a.jpg',
      messages: [1, 2, 3].map((i) => ({ to: '+61411111111', subject: 's', body: `m${i}` })),
    });
    expect(res.body.data.messages.map((m: Loose) => m.status)).toEqual(['SUCCESS', 'SUCCESS', 'INSUFFICIENT_CREDIT']);
    expect((await apiFor(sim, 'poor', 'pk')('GET', '/account')).body.data.balance).toBe('0.04');
  });

  it('sends to every contact of a list when list_id is given without to', async () => {
    const list = (await api('POST', '/lists', { list_name: 'Pics' })).body.data;
    await api('POST', `/lists/${list.list_id}/contacts`, { phone_number: '+61400000001', first_name: 'Ann' });
    await api('POST', `/lists/${list.list_id}/contacts`, { phone_number: '+61400000002', first_name: 'Bo' });
    const res = await send('https://example.com/a.jpg', [{ list_id: list.list_id, subject: 'News', body: 'Hi {first_name}' }]);
    expect(res.body.data.messages.map((m: Loose) => [m.to, m.body, m.list_id])).toEqual([
      ['+61400000001', 'Hi Ann', list.list_id], ['+61400000002', 'Hi Bo', list.list_id],
    ]);
    expect(res.body.data.messages.every((m: Loose) => typeof m.contact_id === 'number')).toBe(true);
  });

  it('autoDeliverMs turns it Sent, then Delivered with a receipt in /mms/receipts', async () => {
    const own = await startSimulator({ autoDeliverMs: 200 });
    try {
      const ownApi = apiFor(own);
      const m = (await ownApi('POST', '/mms/send', { media_file: 'https://example.com/a.jpg', messages: [{ to: '+61411111111', subject: 's', body: 'x' }] })).body.data.messages[0];
      await until(async () => (await ownApi('GET', '/mms/history')).body.data.data[0].status === 'Sent', 1000);
      const receipts = await until(async () => {
        const page = (await ownApi('GET', '/mms/receipts')).body.data;
        return page.total > 0 && page.data;
      }, 2000);
      expect(receipts).toEqual([expect.objectContaining({ message_id: m.message_id, message_type: 'mms', status_code: '201' })]);
      expect((await ownApi('GET', '/mms/history')).body.data.data[0]).toMatchObject({ status: 'Delivered', status_code: '201' });
      expect((await ownApi('GET', '/sms/receipts')).body.data.total).toBe(0);
    } finally {
      await own.close();
    }
  });
});

describe('POST /mms/price', () => {
  it('answers the send shape without sending or charging', async () => {
    const res = await api('POST', '/mms/price', {
      media_file: 'https://example.com/a.jpg',
      messages: [{ to: '+61411111111', subject: 's', body: 'x' }, { to: '+61422222222', subject: 's', body: 'y' }, { to: 'x', subject: 's', body: 'z' }],
    });
    const official = expectOfficialAnswer(res, 'post_mms_price.json', 'Here is some pricing.');
    for (const m of res.body.data.messages) expect(Object.keys(m).sort()).toEqual(Object.keys(official.data.messages[0]).sort());
    expect(res.body.data).toMatchObject({ total_price: 0.66, total_count: 3, queued_count: 2 });
    expect(await balance()).toBe('100.00');
    expect(sim.mmsSent()).toEqual([]);
    expect(await history()).toEqual([]);
    expect((await api('POST', '/mms/price', { messages: [{ to: '+61411111111', subject: 's', body: 'x' }] })).status).toBe(400);
  });
});

describe('scheduled MMS and cancelling', () => {
  it('a future schedule is Scheduled and charged; cancelling refunds it and answers the official shape', async () => {
    const at = sim.now() + 3600;
    const m = await one({ schedule: at, custom_string: 'later' });
    expect(m).toMatchObject({ status: 'SUCCESS', schedule: at });
    expect(await balance()).toBe('99.67');
    expect((await history())[0]).toMatchObject({ status: 'Scheduled', date_added: at, schedule: String(at) });

    const res = await api('PUT', `/mms/${m.message_id}/cancel`);
    const official = officialExample('mms_other_endpoints.json').endpoints['/mms/{message_id}/cancel'].put.response_200_example;
    expect(res.body).toEqual(official);
    expect(await balance()).toBe('100.00');
    expect((await history())[0].status).toBe('Cancelled');

    const again = await api('PUT', `/mms/${m.message_id}/cancel`);
    expect([again.status, again.body.response_code]).toEqual([400, 'INVALID_REQUEST']);
    expect((await api('PUT', '/mms/00000000-0000-4000-8000-000000000000/cancel')).status).toBe(404);
    expect(await balance()).toBe('100.00');
  });

  it('an MMS sent at once cannot be cancelled', async () => {
    const m = await one({});
    const res = await api('PUT', `/mms/${m.message_id}/cancel`);
    expect([res.status, res.body.response_code]).toEqual([400, 'INVALID_REQUEST']);
    expect(await balance()).toBe('99.67');
  });

  it('turns Sent at its time on the next API request of that account, and can no longer be cancelled', async () => {
    const m = await one({ schedule: sim.now() + 60 });
    sim.advanceClock(61);
    expect((await history())[0]).toMatchObject({ message_id: m.message_id, status: 'Sent' });
    expect((await api('PUT', `/mms/${m.message_id}/cancel`)).status).toBe(400);
  });

  it('cancel-all cancels every future MMS (or those with the custom_string) in the official shape', async () => {
    const at = sim.now() + 3600;
    await one({ schedule: at, custom_string: 'a' });
    await one({ schedule: at, custom_string: 'b' });
    await one({ schedule: at, custom_string: 'b' });
    await one({});
    expect(await balance()).toBe('98.68');
    const some = await api('PUT', '/mms/cancel-all', { custom_string: 'b' });
    expect(some.body).toMatchObject({ response_code: 'SUCCESS', data: { count: 2 }, response_msg: '2 MMS have been cancelled.' });
    const rest = await api('PUT', '/mms/cancel-all');
    const official = officialExample('mms_other_endpoints.json').endpoints['/mms/cancel-all'].put.response_200_example;
    expect(Object.keys(rest.body).sort()).toEqual(Object.keys(official).sort());
    expect(rest.body.data).toEqual({ count: 1 });
    expect(await balance()).toBe('99.67');
    expect((await history()).map((r) => r.status)).toEqual(['Queued', 'Cancelled', 'Cancelled', 'Cancelled']);
  });
});

describe('faults on /mms/send', () => {
  it('a lost answer (drop-after-apply) leaves exactly one MMS, found by q=custom_string', async () => {
    const url = await uploadJpeg();
    sim.addFault({ kind: 'drop-after-apply', path: '/mms/send' });
    const body = JSON.stringify({ media_file: url, messages: [{ to: '+61411111111', subject: 's', body: 'x', custom_string: 'attempt-7f3a' }] });
    await expect(fetch(`${sim.url}/mms/send`, { method: 'POST', headers: { ...auth(), 'Content-Type': 'application/json' }, body })).rejects.toThrow();
    expect(sim.requests().at(-1)).toMatchObject({ path: '/mms/send', status: 0, fault: 'drop-after-apply' });
    const found = await history('?q=custom_string:attempt-7f3a');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ message_id: sim.mmsSent()[0]!.message_id, custom_string: 'attempt-7f3a', _media_file_url: url });
    expect(sim.mmsSent()).toHaveLength(1);
    expect(await history('?q=custom_string:attempt-other')).toEqual([]);
  });

  it('500 and drop do not send', async () => {
    sim.addFault({ kind: '500', path: '/mms/send' });
    expect((await send('https://example.com/a.jpg', [{ to: '+61411111111', subject: 's', body: 'x' }])).status).toBe(500);
    sim.addFault({ kind: 'drop', path: '/mms/send' });
    await expect(send('https://example.com/a.jpg', [{ to: '+61411111111', subject: 's', body: 'x' }])).rejects.toThrow();
    expect(sim.mmsSent()).toEqual([]);
    expect(await history()).toEqual([]);
  });
});

describe('control', () => {
  it('GET /_sim/mms-sent lists accepted MMS per account', async () => {
    sim.addAccount({ username: 'b', apiKey: 'bk' });
    await one({ body: 'a1' });
    await apiFor(sim, 'b', 'bk')('POST', '/mms/send', { media_file: 'https://example.com/a.jpg', messages: [{ to: '+61411111111', subject: 's', body: 'b1' }] });
    expect((await control(sim, 'GET', '/mms-sent')).body.map((s: Loose) => s.body)).toEqual(['a1', 'b1']);
    expect((await control(sim, 'GET', '/mms-sent?username=b')).body.map((s: Loose) => [s.username, s.body, s.media_bytes])).toEqual([['b', 'b1', null]]);
  });
});
