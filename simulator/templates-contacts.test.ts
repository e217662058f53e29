import { describe, expect, it } from 'vitest';
import type { Simulator } from './server';
import { apiFor, useSimulator, type Api, type Loose } from '../test-support/simulator-api';

let sim: Simulator;
let api: Api;
useSimulator((s, a) => ([sim, api] = [s, a]));

describe('/sms/templates', () => {
  it('creates, reads, updates, searches and deletes templates', async () => {
    const created = await api('POST', '/sms/templates', { template_name: 'Reminder', body: 'Hi {first_name}' });
    expect(created.body).toMatchObject({ response_msg: 'New template has been saved.', data: { template_name: 'Reminder', body: 'Hi {first_name}' } });
    const id = created.body.data.template_id;
    expect(Number.isInteger(id)).toBe(true);
    await api('POST', '/sms/templates', { template_name: 'Thanks', body: 'Thank you!' });

    expect((await api('GET', `/sms/templates/${id}`)).body.data).toEqual({ template_id: id, template_name: 'Reminder', body: 'Hi {first_name}' });
    const updated = await api('PUT', `/sms/templates/${id}`, { body: 'Hello {first_name}' });
    expect(updated.body).toMatchObject({ response_msg: 'Your template has been updated.', data: { template_name: 'Reminder', body: 'Hello {first_name}' } });

    const names = async (q: string) => (await api('GET', `/sms/templates${q}`)).body.data.data.map((t: Loose) => t.template_name);
    expect(await names('?q=template_name:thank')).toEqual(['Thanks']);
    expect(await names('?q=body:HELLO')).toEqual(['Reminder']);
    expect(await names('?order_by=template_name:desc')).toEqual(['Thanks', 'Reminder']);

    const deleted = await api('DELETE', `/sms/templates/${id}`);
    expect(deleted.body).toMatchObject({ response_msg: 'Your template has been deleted.', data: null });
    expect(await names('')).toEqual(['Thanks']);
  });

  it('404s missing templates and 400s incomplete ones', async () => {
    for (const [method, body] of [['GET', undefined], ['PUT', { body: 'x' }], ['DELETE', undefined]] as const) {
      const res = await api(method, '/sms/templates/123456789', body);
      expect(res.status, method).toBe(404);
      expect(res.body.response_code).toBe('NOT_FOUND');
    }
    expect((await api('GET', '/sms/templates/abc')).status).toBe(404);
    const missing = await api('POST', '/sms/templates', { template_name: 'No body' });
    expect(missing.status).toBe(400);
    expect(missing.body.response_code).toBe('MISSING_REQUIRED_FIELDS');
    expect((await api('GET', '/sms/templates')).body.data.total).toBe(0);
  });

  it('keeps templates per account', async () => {
    const id = (await api('POST', '/sms/templates', { template_name: 'Mine', body: 'x' })).body.data.template_id;
    sim.addAccount({ username: 'other', apiKey: 'k' });
    expect((await apiFor(sim, 'other', 'k')('GET', `/sms/templates/${id}`)).status).toBe(404);
  });
});

describe('/lists and contacts', () => {
  it('creates, reads, renames and deletes lists with a contact count', async () => {
    const created = await api('POST', '/lists', { list_name: 'Customers' });
    expect(created.body.data).toMatchObject({ list_name: 'Customers', _contacts_count: 0 });
    const id = created.body.data.list_id;
    await api('POST', `/lists/${id}/contacts`, { phone_number: '+61400000001' });
    expect((await api('GET', `/lists/${id}`)).body.data._contacts_count).toBe(1);
    expect((await api('PUT', `/lists/${id}`, { list_name: 'Clients' })).body.data.list_name).toBe('Clients');
    const all = (await api('GET', '/lists')).body.data;
    expect(all).toMatchObject({ total: 1, data: [{ list_id: id, list_name: 'Clients', _contacts_count: 1 }] });
    expect((await api('DELETE', `/lists/${id}`)).body.data).toBeNull();
    expect((await api('GET', `/lists/${id}`)).status).toBe(404);
    expect((await api('POST', '/lists', {})).body.response_code).toBe('MISSING_REQUIRED_FIELDS');
  });

  it('handles contact CRUD with normalised numbers and 404s', async () => {
    const listId = (await api('POST', '/lists', { list_name: 'Staff' })).body.data.list_id;
    const created = await api('POST', `/lists/${listId}/contacts`, {
      phone_number: '0412 345 678', first_name: 'Ann', last_name: 'Lee', email: 'ann@example.com', custom_1: 'VIP',
    });
    expect(created.status).toBe(200);
    const c = created.body.data;
    expect(c).toMatchObject({ list_id: listId, phone_number: '+61412345678', first_name: 'Ann', last_name: 'Lee', custom_1: 'VIP', custom_4: null });
    for (const f of ['contact_id', 'email', 'custom_2', 'custom_3', 'date_added', 'date_updated']) expect(c).toHaveProperty(f);
    expect(typeof c.date_added).toBe('number');

    await api('POST', `/lists/${listId}/contacts`, { phone_number: '+61400000002', first_name: 'Bob' });
    const page = (await api('GET', `/lists/${listId}/contacts`)).body.data;
    expect(page.data.map((x: Loose) => x.first_name)).toEqual(['Ann', 'Bob']);
    expect((await api('GET', `/lists/${listId}/contacts?q=first_name:bo`)).body.data.data).toHaveLength(1);

    const path = `/lists/${listId}/contacts/${c.contact_id}`;
    expect((await api('GET', path)).body.data.email).toBe('ann@example.com');
    const upd = await api('PUT', path, { first_name: 'Annie', phone_number: '+61499999999' });
    expect(upd.body.data).toMatchObject({ first_name: 'Annie', last_name: 'Lee', phone_number: '+61499999999' });
    expect((await api('DELETE', path)).body.data).toBeNull();
    expect((await api('GET', path)).status).toBe(404);
    expect((await api('GET', '/lists/999/contacts')).status).toBe(404);
    expect((await api('POST', '/lists/999/contacts', { phone_number: '+61400000003' })).status).toBe(404);
  });

  it('rejects unusable phone numbers with INVALID_RECIPIENT and empty contacts with MISSING_REQUIRED_FIELDS', async () => {
    const listId = (await api('POST', '/lists', { list_name: 'L' })).body.data.list_id;
    const bad = await api('POST', `/lists/${listId}/contacts`, { phone_number: 'call me' });
    expect(bad.status).toBe(400);
    expect(bad.body.response_code).toBe('INVALID_RECIPIENT');
    expect(bad.body.response_msg).toMatch(/phone_number/);
    const empty = await api('POST', `/lists/${listId}/contacts`, { first_name: 'Nobody' });
    expect(empty.status).toBe(400);
    expect(empty.body.response_code).toBe('MISSING_REQUIRED_FIELDS');
    const good = (await api('POST', `/lists/${listId}/contacts`, { phone_number: '+61400000001' })).body.data;
    const badUpdate = await api('PUT', `/lists/${listId}/contacts/${good.contact_id}`, { phone_number: '12' });
    expect(badUpdate.body.response_code).toBe('INVALID_RECIPIENT');
    expect((await api('GET', `/lists/${listId}/contacts/${good.contact_id}`)).body.data.phone_number).toBe('+61400000001');
  });
});
