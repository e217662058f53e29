// Lists and contacts edited here and at ClickSend, imports and exports,
// against the simulator with a real cache.
import { beforeEach, describe, expect, it } from 'vitest';
import { guessMapping, mapRows, parseCsv } from '../../../shared/contacts-csv';
import type { Simulator } from '../../../simulator/server';
import type { ClickSendClient } from '../clicksend/client';
import { listConversations } from '../cache/conversations';
import type { Db } from '../cache/database';
import { ingestMessages } from '../cache/ingest';
import { useAccountFixture } from '../../../test-support/account-fixture';
import { Contacts } from './contacts';

const ACCOUNT = { username: 'contacts-user', apiKey: 'contacts-key' };
const blank = { firstName: null, lastName: null, email: null, custom1: null, custom2: null, custom3: null, custom4: null };

describe('Contacts', () => {
  const fixture = useAccountFixture(ACCOUNT, { maxAttempts: 2, requestsPerSecond: 1000 });
  let sim: Simulator;
  let db: Db;
  let client: ClickSendClient;
  let contacts: Contacts;

  const atClickSend = async (listId: number) => {
    const all = [];
    for await (const rows of client.contacts(listId)) all.push(...rows);
    return all.map((c) => ({ phone: c.phone_number, first: c.first_name, last: c.last_name }));
  };

  beforeEach(() => {
    ({ sim, db, client } = fixture);
    contacts = new Contacts(db, client, () => undefined, () => 'AU');
  });

  it('keeps lists and contacts the same here and at ClickSend, numbers in E.164', async () => {
    const list = await contacts.saveList(undefined, 'Customers');
    const ana = await contacts.save(list.listId, undefined, { ...blank, phone: '0422 222 222', firstName: 'Ana' });
    expect(ana).toMatchObject({ phone: '+61422222222', firstName: 'Ana', listId: list.listId });
    expect(await atClickSend(list.listId)).toEqual([{ phone: '+61422222222', first: 'Ana', last: null }]);

    await contacts.save(list.listId, ana.contactId, { ...blank, phone: '+61422222222', firstName: 'Ana', lastName: 'Lima' });
    expect(await atClickSend(list.listId)).toEqual([{ phone: '+61422222222', first: 'Ana', last: 'Lima' }]);
    expect(contacts.list(list.listId, 'lim', 10, 0).items.map((c) => c.lastName)).toEqual(['Lima']);
    expect(contacts.lists()).toEqual([{ listId: list.listId, name: 'Customers', contactsCount: 1 }]);

    await contacts.saveList(list.listId, 'Best customers');
    expect(contacts.lists()[0]!.name).toBe('Best customers');
    await contacts.delete(list.listId, ana.contactId);
    expect(await atClickSend(list.listId)).toEqual([]);
    await contacts.deleteList(list.listId);
    expect(contacts.lists()).toEqual([]);
  });

  it('names conversations after their contact as soon as it is saved', async () => {
    ingestMessages(db, [
      { messageId: 'M1', customString: null, direction: 'in', body: 'Hi', from: '+61422222222', to: null, status: 'Received',
        statusCode: null, statusText: null, createdAt: 1, scheduledAt: null, parts: 1, price: null, unread: false },
    ]);
    const list = await contacts.saveList(undefined, 'Customers');
    await contacts.save(list.listId, undefined, { ...blank, phone: '+61422222222', firstName: 'Ana', lastName: 'Lima' });
    expect(listConversations(db, 10, 0).items[0]!.title).toBe('Ana Lima');
    expect(contacts.forPhone('0422 222 222')).toMatchObject({ firstName: 'Ana' });
  });

  it('refuses a wrong number before any request, and a contact deleted elsewhere with why', async () => {
    const list = await contacts.saveList(undefined, 'Customers');
    const before = sim.requests().length;
    await expect(contacts.save(list.listId, undefined, { ...blank, phone: '12ab' })).rejects.toMatchObject({ code: 'INVALID_NUMBER' });
    expect(sim.requests()).toHaveLength(before);

    const bo = await contacts.save(list.listId, undefined, { ...blank, phone: '+61433333333', firstName: 'Bo' });
    await client.deleteContact(list.listId, bo.contactId);
    await expect(contacts.save(list.listId, bo.contactId, { ...blank, phone: '+61433333333', firstName: 'Bob' })).rejects.toMatchObject({
      code: 'DELETED_ELSEWHERE',
    });
    expect(contacts.list(list.listId, '', 10, 0).total).toBe(0);
  });

  it('imports rows, updating a number already in the list and reporting refused rows by line', async () => {
    const list = await contacts.saveList(undefined, 'Customers');
    await contacts.save(list.listId, undefined, { ...blank, phone: '+61422222222', firstName: 'Ana', email: 'ana@example.com' });
    const parsed = parseCsv('phone,first name,last name\n0422 222 222,,Lima\n0433 333 333,Bo,Ng\n+999123456789,Zed,\n12ab,Bad,');
    const rows = mapRows(parsed, guessMapping(parsed.headers)).map((r) => ({ ...r, phone: r.phone ?? '' }));
    const result = await contacts.import(list.listId, rows);
    expect(result).toEqual({
      created: 1,
      updated: 1,
      failed: [
        { line: 4, reason: expect.stringMatching(/.+/) },
        { line: 5, reason: expect.stringMatching(/phone number/) },
      ],
    });
    expect((await atClickSend(list.listId)).sort((a, b) => a.phone!.localeCompare(b.phone!))).toEqual([
      { phone: '+61422222222', first: 'Ana', last: 'Lima' },
      { phone: '+61433333333', first: 'Bo', last: 'Ng' },
    ]);
    expect(contacts.forPhone('+61422222222')).toMatchObject({ email: 'ana@example.com', lastName: 'Lima' });
    expect(contacts.lists()[0]!.contactsCount).toBe(2); // recounted once, after the batch
  });

  it('exports a list to CSV that reads back the same', async () => {
    const list = await contacts.saveList(undefined, 'VIP / 2026');
    await contacts.save(list.listId, undefined, { ...blank, phone: '+61422222222', firstName: 'Lima, Ana', custom1: 'Gold' });
    const { filename, csv } = contacts.export(list.listId);
    expect(filename).toBe('VIP  2026.csv');
    const parsed = parseCsv(csv);
    expect(mapRows(parsed, guessMapping(parsed.headers))[0]).toMatchObject({ phone: '+61422222222', firstName: 'Lima, Ana', custom1: 'Gold' });
  });
});
