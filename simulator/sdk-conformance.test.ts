// The official ClickSend SDK (clicksend@5) pointed at the simulator: every call
// must succeed and every body must parse as the envelope. The SDK's basePath
// includes /v3 (its default is https://rest.clicksend.com/v3), so sim.url fits as is.
import * as clicksend from 'clicksend';
import { describe, expect, it } from 'vitest';
import type { Simulator } from './server';
import { sdkBody, TEST_KEY as K, TEST_USER as U, useSimulator, type Loose, type SdkCall } from '../test-support/simulator-api';

let sim: Simulator;
useSimulator((s) => (sim = s));

const call = async (p: SdkCall): Promise<Loose> => (await sdkBody(p)).data;

describe('official clicksend SDK against the simulator', () => {
  it('reads the account', async () => {
    const data = await call(new clicksend.AccountApi(U, K, sim.url).accountGet());
    expect(data).toMatchObject({ username: U, balance: '100.00' });
  });

  it('sends SMS, reads history and inbound, and cancels', async () => {
    const sms = new clicksend.SMSApi(U, K, sim.url);
    const msg = new clicksend.SmsMessage();
    msg.to = '+61411111111';
    msg.body = 'Hello from the SDK';
    msg.source = 'sdk';
    msg.customString = 'sdk-1';
    const later = new clicksend.SmsMessage();
    later.to = '+61422222222';
    later.body = 'Later';
    later.schedule = sim.now() + 3600;
    const collection = new clicksend.SmsMessageCollection();
    collection.messages = [msg, later];

    const price = await call(sms.smsPricePost(collection));
    expect(price.total_price).toBe(0.1584);
    const sent = await call(sms.smsSendPost(collection));
    expect(sent.messages.map((m: Loose) => m.status)).toEqual(['SUCCESS', 'SUCCESS']);
    expect(sim.sent().map((s) => [s.custom_string, s.source])).toEqual([['sdk-1', 'sdk'], [null, null]]);

    const history = await call(sms.smsHistoryGet('direction:out', undefined, undefined, 1, 15));
    expect(history.data.map((r: Loose) => r.body)).toEqual(['Hello from the SDK', 'Later']);

    sim.injectInbound({ from: '+61411111111', body: 'Reply via SDK' });
    const inbound = await call(sms.smsInboundGet(undefined, 1, 15));
    expect(inbound.data[0]).toMatchObject({ body: 'Reply via SDK', original_message_id: sent.messages[0].message_id });
    const readOne = await call(sms.smsInboundReadByMessageIdPut(inbound.data[0].message_id));
    expect(readOne).toBe(1);
    const dateBefore = new clicksend.DateBefore();
    dateBefore.dateBefore = sim.now() + 1;
    await call(sms.smsInboundReadPut(dateBefore));
    expect((await call(sms.smsInboundGet())).total).toBe(0);

    sim.deliverReceipt(sent.messages[0].message_id);
    const receipts = await call(sms.smsReceiptsGet(1, 15));
    expect(receipts.data[0].status_code).toBe('201');
    await call(sms.smsReceiptsReadPut(dateBefore));

    await call(sms.smsCancelByMessageIdPut(sent.messages[1].message_id));
    expect((await call(sms.smsCancelAllPut())).count).toBe(0);
  });

  it('creates, lists, updates and deletes templates', async () => {
    const sms = new clicksend.SMSApi(U, K, sim.url);
    const t = new clicksend.SmsTemplate();
    t.templateName = 'SDK template';
    t.body = 'Hi {first_name}';
    const created = await call(sms.smsTemplatesPost(t));
    expect(created).toMatchObject({ template_name: 'SDK template', body: 'Hi {first_name}' });
    const list = await call(sms.smsTemplatesGet(1, 15));
    expect(list.data.map((x: Loose) => x.template_id)).toContain(created.template_id);
    t.body = 'Hello {first_name}';
    const updated = await call(sms.smsTemplatesByTemplateIdPut(created.template_id, t));
    expect(updated.body).toBe('Hello {first_name}');
    expect(await call(sms.smsTemplatesByTemplateIdDelete(created.template_id))).toBeNull();
  });

  it('creates and lists contact lists and contacts', async () => {
    const lists = new clicksend.ContactListApi(U, K, sim.url);
    const contacts = new clicksend.ContactApi(U, K, sim.url);
    const l = new clicksend.ContactList();
    l.listName = 'SDK list';
    const list = await call(lists.listsPost(l));
    expect(list.list_name).toBe('SDK list');
    expect((await call(lists.listsGet(1, 15))).data.map((x: Loose) => x.list_name)).toContain('SDK list');

    const c = new clicksend.Contact();
    c.phoneNumber = '+61433333333';
    c.firstName = 'Sam';
    c.lastName = 'Sdk';
    c.custom1 = 'VIP';
    const contact = await call(contacts.listsContactsByListIdPost(c, list.list_id));
    expect(contact).toMatchObject({ phone_number: '+61433333333', first_name: 'Sam', last_name: 'Sdk', custom_1: 'VIP' });
    const page = await call(contacts.listsContactsByListIdGet(list.list_id, 1, 15));
    expect(page.data.map((x: Loose) => x.contact_id)).toEqual([contact.contact_id]);
    const one = await call(contacts.listsContactsByListIdAndContactIdGet(list.list_id, contact.contact_id));
    expect(one.first_name).toBe('Sam');
  });

  it('rejects bad credentials the way the SDK expects (non-2xx rejects with the parsed body)', async () => {
    const err = await new clicksend.AccountApi(U, 'wrong', sim.url).accountGet().then(
      () => null,
      (e: { response: { statusCode: number }; body: unknown }) => e,
    );
    expect(err?.response.statusCode).toBe(401);
    expect(err?.body).toMatchObject({ response_code: 'INVALID_CREDENTIALS' });
  });
});
