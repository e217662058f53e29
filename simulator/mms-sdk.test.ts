// The official ClickSend SDK (clicksend@5) as the peer for picture messages:
// UploadApi.uploadsPost and every MMSApi call it has work against the simulator
// at sim.url, and their answers carry every key of ClickSend's own examples.
// (The SDK has no MMS cancel or single-receipt call; mms.test.ts covers those over HTTP.)
import * as clicksend from 'clicksend';
import { describe, expect, it } from 'vitest';
import type { Simulator } from './server';
import { makePicture } from '../test-support/pictures';
import {
  expectOfficialKeys, officialExample, sdkBody, TEST_KEY as K, TEST_USER as U, useSimulator, type Loose, type SdkCall,
} from '../test-support/simulator-api';

let sim: Simulator;
useSimulator((s) => (sim = s));

/** Unwraps an SDK call whose envelope and data carry every key of the official answer. */
async function call(p: SdkCall, exampleFile: string): Promise<Loose> {
  const body = await sdkBody(p);
  const example = officialExample(exampleFile).response_200_example;
  expectOfficialKeys(body, example);
  expectOfficialKeys(body.data, example.data);
  return body.data;
}

function message(to: string, subject: string, body: string): clicksend.MmsMessage {
  const m = new clicksend.MmsMessage();
  m.to = to;
  m.subject = subject;
  m.body = body;
  m.source = 'sdk';
  return m;
}

describe('official clicksend SDK: uploads and MMS', () => {
  it('uploads a picture, prices and sends an MMS, reads its history and receipt', async () => {
    const uploads = new clicksend.UploadApi(U, K, sim.url);
    const file = new clicksend.UploadFile();
    const jpeg = await makePicture('jpeg');
    file.content = jpeg.toString('base64');
    const uploaded = await call(uploads.uploadsPost(file, 'mms'), 'post_uploads.json');
    expect(uploaded.file_name).toMatch(/\.jpg$/);
    expect(Buffer.from(await (await fetch(uploaded._url)).arrayBuffer()).equals(jpeg)).toBe(true);

    const mms = new clicksend.MMSApi(U, K, sim.url);
    const first = message('+61411111111', 'SDK picture', 'Sent by the SDK');
    first.customString = 'sdk-mms-1';
    const later = message('+61422222222', 'Later', 'Scheduled by the SDK');
    later.schedule = sim.now() + 3600;
    const collection = new clicksend.MmsMessageCollection();
    collection.mediaFile = uploaded._url;
    collection.messages = [first, later];

    const price = await call(mms.mmsPricePost(collection), 'post_mms_price.json');
    expect(price.total_price).toBe(0.66);
    expect(sim.mmsSent()).toEqual([]);
    const example = officialExample('post_mms_send.json').response_200_example.data.messages[0];
    for (const m of price.messages) expectOfficialKeys(m, example);

    const sent = await call(mms.mmsSendPost(collection), 'post_mms_send.json');
    expect(sent.messages.map((m: Loose) => m.status)).toEqual(['SUCCESS', 'SUCCESS']);
    for (const m of sent.messages) expectOfficialKeys(m, example);
    expect(sim.mmsSent().map((s) => [s.custom_string, s.source, s.media_file])).toEqual([
      ['sdk-mms-1', 'sdk', uploaded._url], ['', 'sdk', uploaded._url],
    ]);

    const history = await call(mms.mmsHistoryGet('custom_string:sdk-mms-1', undefined, undefined, 1, 15), 'get_mms_history.json');
    expect(history.data).toHaveLength(1);
    expectOfficialKeys(history.data[0], officialExample('get_mms_history.json').response_200_example.data.data[0]);
    expect(history.data[0]).toMatchObject({ message_id: sent.messages[0].message_id, _media_file_url: uploaded._url, subject: 'SDK picture' });
    const all = await call(mms.mmsHistoryGet(undefined, sim.now() - 60, sim.now() + 7200, 1, 15), 'get_mms_history.json');
    expect(all.total).toBe(2);

    sim.deliverMmsReceipt(sent.messages[0].message_id);
    const receipts = await call(mms.mmsReceiptsGet(1, 15), 'get_mms_receipts.json');
    expect(receipts.data.map((r: Loose) => [r.message_id, r.message_type])).toEqual([[sent.messages[0].message_id, 'mms']]);
    expectOfficialKeys(receipts.data[0], officialExample('get_mms_receipts.json').response_200_example.data.data[0]);

    const before = new clicksend.DateBefore();
    before.dateBefore = sim.now() + 1;
    const { response, body } = await mms.mmsReceiptsReadPut(before);
    expect([response.statusCode, (body as unknown as Loose).response_code]).toEqual([200, 'SUCCESS']);
    expect((await call(mms.mmsReceiptsGet(1, 15), 'get_mms_receipts.json')).total).toBe(0);
  });

  it('an upload that is not a picture rejects with the 400 envelope', async () => {
    const file = new clicksend.UploadFile();
    file.content = Buffer.from('<html><body>no</body></html>').toString('base64');
    const err = await new clicksend.UploadApi(U, K, sim.url).uploadsPost(file, 'mms').then(
      () => null,
      (e: { response: { statusCode: number }; body: unknown }) => e,
    );
    expect(err?.response.statusCode).toBe(400);
    expect(err?.body).toMatchObject({ http_code: 400, response_code: 'BAD_REQUEST', response_msg: expect.stringMatching(/^The file could not be converted to MMS\./) });
  });
});
