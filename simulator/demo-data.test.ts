import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './server';
import { apiFor, type Api, type Loose } from '../test-support/simulator-api';

let sim: Simulator;
let api: Api;

beforeAll(async () => {
  sim = await startSimulator();
  api = apiFor(sim);
});
afterAll(() => sim.close());

async function snapshot(): Promise<{ history: Loose[]; mms: Loose[]; inbound: Loose[]; contacts: Loose[]; lists: Loose[]; templates: Loose[] }> {
  const history = (await api('GET', '/sms/history?limit=100')).body.data.data;
  const mms = (await api('GET', '/mms/history')).body.data.data;
  const inbound = (await api('GET', '/sms/inbound')).body.data.data;
  const lists = (await api('GET', '/lists')).body.data.data;
  const contacts: Loose[] = [];
  for (const l of lists) contacts.push(...(await api('GET', `/lists/${l.list_id}/contacts?limit=100`)).body.data.data);
  const templates = (await api('GET', '/sms/templates')).body.data.data;
  return { history, mms, inbound, contacts, lists, templates };
}

describe('seedDemo', () => {
  it('creates believable, deterministic sample data', async () => {
    sim.seedDemo();
    const a = await snapshot();
    expect(a.lists.map((l) => [l.list_name, l._contacts_count])).toEqual([['Customers', 20], ['Staff', 5]]);
    expect(a.contacts).toHaveLength(25);
    expect(a.contacts.every((c) => /^\+614\d{8}$/.test(c.phone_number) && c.first_name && c.last_name)).toBe(true);
    expect(a.templates).toHaveLength(4);
    expect(a.templates.every((t) => t.body.includes('{first_name}'))).toBe(true);

    const customers = new Set(a.history.map((r) => (r.direction === 'out' ? r.to : r.from)));
    expect(customers.size).toBe(30);
    const now = sim.now();
    const past = a.history.filter((r) => r.status !== 'Scheduled');
    expect(Math.min(...past.map((r) => r.date))).toBeGreaterThan(now - 22 * 86400);
    expect(Math.max(...past.map((r) => r.date))).toBeLessThan(now);
    expect(a.history.filter((r) => r.status === 'Undelivered')).toHaveLength(1);
    const scheduled = a.history.filter((r) => r.status === 'Scheduled');
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0].date).toBeGreaterThan(now);
    expect(a.history.filter((r) => r.direction === 'in').length).toBeGreaterThan(15);
    expect(a.history.filter((r) => r.status === 'Delivered').length).toBeGreaterThan(15);
    expect(a.inbound.length).toBeGreaterThanOrEqual(2);
    expect(a.inbound.length).toBeLessThanOrEqual(3);
    expect((await api('GET', '/sms/receipts')).body.data.total).toBe(0);

    // Two picture messages, each inside an existing conversation, with a real JPEG behind it.
    expect(a.mms.map((m) => [m.subject, m.status])).toEqual([['New stock', 'Delivered'], ['Your order', 'Delivered']]);
    for (const m of a.mms) {
      const thread = a.history.filter((r) => r.to === m.to || r.from === m.to).map((r) => r.date);
      expect(thread.length).toBeGreaterThan(0);
      expect(m.date_added).toBeGreaterThan(Math.min(...thread));
      expect(m.date_added).toBeLessThan(now);
      const picture = await fetch(m._media_file_url);
      expect(picture.headers.get('content-type')).toBe('image/jpeg');
    }
    // the order photo comes between "your order is ready" and the customer's (unread) reply
    const order = a.mms[1];
    const reply = a.inbound.find((i) => i.from === order.to);
    expect(reply?.body).toBe("Thanks! I'll come by tomorrow morning");
    expect(order.date_added).toBeLessThan(reply.timestamp);
    expect((await api('GET', '/mms/receipts')).body.data.total).toBe(0);

    // A second run gives the same data apart from relative times.
    sim.reset();
    sim.seedDemo();
    const b = await snapshot();
    const stable = (s: typeof a) => ({
      history: s.history.map((r) => [r.message_id, r.body, r.status, r.to, r.from]),
      mms: s.mms.map((r) => [r.message_id, r.subject, r.body, r.to, r._media_file_url.replace(/^http:\/\/[^/]+/, '')]),
      contacts: s.contacts.map((c) => [c.phone_number, c.first_name, c.last_name]),
      templates: s.templates.map((t) => [t.template_id, t.body]),
    });
    expect(stable(b)).toEqual(stable(a));
  });
});
