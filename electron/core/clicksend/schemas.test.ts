// Every official example answer (ClickSend's OpenAPI document, copied into
// official-examples/ with its README) parses with the schema the client
// reads it with: the client must accept what ClickSend documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AccountData,
  CancelAllData,
  Contact,
  ContactList,
  ContactListPage,
  ContactPage,
  Envelope,
  HistoryPage,
  InboundPage,
  PictureHistoryPage,
  PictureHistoryRow,
  PriceData,
  ReceiptPage,
  SendData,
  SendPictureData,
  Template,
  TemplatePage,
  UploadData,
} from './schemas';

const dir = join(__dirname, 'official-examples');
function answer(file: string): unknown {
  const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
  // The MMS and upload files hold the request schema beside the example answer.
  return json.response_200_example ?? json;
}

const bySchema: Array<[string, z.ZodType]> = [
  ['account_get.json', AccountData],
  ['sms_history.json', HistoryPage],
  ['sms_inbound.json', InboundPage],
  ['sms_receipts.json', ReceiptPage],
  ['sms_send.json', SendData],
  ['sms_price.json', PriceData],
  ['sms_cancel_all.json', CancelAllData],
  ['templates_list.json', TemplatePage],
  ['templates_create.json', Template],
  ['templates_update.json', Template],
  ['lists_list.json', ContactListPage],
  ['lists_get.json', ContactList],
  ['lists_create.json', ContactList],
  ['lists_update.json', ContactList],
  ['contacts_list.json', ContactPage],
  ['contacts_get.json', Contact],
  ['contacts_create.json', Contact],
  ['contacts_update.json', Contact],
  ['get_mms_history.json', PictureHistoryPage],
  ['get_mms_receipts.json', ReceiptPage],
  ['post_mms_send.json', SendPictureData],
  ['post_mms_price.json', PriceData],
  ['post_uploads.json', UploadData],
];

describe('schemas against the official example answers', () => {
  it.each(bySchema)('%s parses', (file, schema) => {
    const envelope = Envelope.parse(answer(file));
    expect(envelope.response_code).toBe('SUCCESS');
    const parsed = schema.safeParse(envelope.data);
    expect(parsed.success ? null : parsed.error.issues).toBeNull();
  });

  it('a picture message keeps its subject, picture URL, date_added and price', () => {
    const page = PictureHistoryPage.parse(Envelope.parse(answer('get_mms_history.json')).data);
    const row = page.data[0]!;
    expect(row).toMatchObject({ subject: 'This is a subject', date_added: 1467356623, message_parts: 1, message_price: '2.4200' });
    expect(row._media_file_url).toMatch(/^http:\/\/yourdomain\.com\/_mms\/.+\.gif$/);
    const single = JSON.parse(readFileSync(join(dir, 'mms_other_endpoints.json'), 'utf8')) as {
      endpoints: Record<string, { get?: { response_200_example: { data: unknown } } }>;
    };
    const receipt = single.endpoints['/mms/receipts/{message_id}']!.get!.response_200_example.data;
    expect(PictureHistoryRow.parse(receipt).message_price).toBe('2.420000');
  });

  it('both histories read parts alike: the decimal the examples give ("1.00"), and one with a fraction, rounded', () => {
    const partsRead = (schema: typeof HistoryPage | typeof PictureHistoryPage, file: string, parts?: string) => {
      const page = Envelope.parse(answer(file)).data as { data: object[] };
      const data = parts === undefined ? page.data : [{ ...page.data[0], message_parts: parts }];
      return schema.parse({ ...page, data }).data[0]!.message_parts;
    };
    expect([partsRead(HistoryPage, 'sms_history.json'), partsRead(PictureHistoryPage, 'get_mms_history.json')]).toEqual([1, 1]);
    expect([partsRead(HistoryPage, 'sms_history.json', '2.40'), partsRead(PictureHistoryPage, 'get_mms_history.json', '2.40')]).toEqual([2, 2]);
  });

  it('an upload answers the URL a picture message is sent with', () => {
    expect(UploadData.parse(Envelope.parse(answer('post_uploads.json')).data)._url).toMatch(/^https:\/\//);
  });
});
