// The /v3 route table and a tiny matcher that tells 404 from 405.
import type { Handler } from './types';
import { getAccount } from './accounts';
import { cancelAll, cancelOne, priceSms, sendSms } from './sms';
import { getHistory } from './history-api';
import { cancelAllMms, cancelOneMms, priceMms, sendMms } from './mms';
import { getMmsHistory } from './mms-history';
import { getMmsReceiptOne, getMmsReceipts, markMmsReceiptsRead } from './mms-receipts';
import { uploadFile } from './uploads';
import { createTestInbound, getInbound, getInboundOne, markInboundRead, markOneInboundRead } from './inbound';
import { createTestReceipt, getReceiptOne, getReceipts, markReceiptsRead } from './receipts';
import { createTemplate, deleteTemplate, getTemplate, listTemplates, updateTemplate } from './templates';
import {
  createContact, createList, deleteContact, deleteList, getContact, getList, listContacts, listLists,
  updateContact, updateList,
} from './contacts';

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

const routes: Route[] = [];

function route(method: string, path: string, handler: Handler): void {
  const source = path.replace(/:([a-z_]+)/g, '(?<$1>[^/]+)');
  routes.push({ method, pattern: new RegExp(`^${source}$`), handler });
}

route('GET', '/account', getAccount);
route('POST', '/sms/send', sendSms);
route('POST', '/sms/price', priceSms);
route('GET', '/sms/history', getHistory);
route('GET', '/sms/inbound', getInbound);
route('POST', '/sms/inbound', createTestInbound);
route('GET', '/sms/inbound/:original_message_id', getInboundOne);
route('PUT', '/sms/inbound-read', markInboundRead);
route('PUT', '/sms/inbound-read/:message_id', markOneInboundRead);
route('GET', '/sms/receipts', getReceipts);
route('POST', '/sms/receipts', createTestReceipt);
route('GET', '/sms/receipts/:message_id', getReceiptOne);
route('PUT', '/sms/receipts-read', markReceiptsRead);
route('PUT', '/sms/cancel-all', cancelAll);
route('GET', '/sms/templates', listTemplates);
route('POST', '/sms/templates', createTemplate);
route('GET', '/sms/templates/:template_id', getTemplate);
route('PUT', '/sms/templates/:template_id', updateTemplate);
route('DELETE', '/sms/templates/:template_id', deleteTemplate);
// after the templates routes so /sms/templates/... never reads as a message id
route('PUT', '/sms/:message_id/cancel', cancelOne);
route('POST', '/uploads', uploadFile);
route('POST', '/mms/send', sendMms);
route('POST', '/mms/price', priceMms);
route('GET', '/mms/history', getMmsHistory);
route('GET', '/mms/receipts', getMmsReceipts);
route('GET', '/mms/receipts/:message_id', getMmsReceiptOne);
route('PUT', '/mms/receipts-read', markMmsReceiptsRead);
route('PUT', '/mms/cancel-all', cancelAllMms);
route('PUT', '/mms/:message_id/cancel', cancelOneMms);
route('GET', '/lists', listLists);
route('POST', '/lists', createList);
route('GET', '/lists/:list_id', getList);
route('PUT', '/lists/:list_id', updateList);
route('DELETE', '/lists/:list_id', deleteList);
route('GET', '/lists/:list_id/contacts', listContacts);
route('POST', '/lists/:list_id/contacts', createContact);
route('GET', '/lists/:list_id/contacts/:contact_id', getContact);
route('PUT', '/lists/:list_id/contacts/:contact_id', updateContact);
route('DELETE', '/lists/:list_id/contacts/:contact_id', deleteContact);

export type RouteMatch =
  | { kind: 'ok'; handler: Handler; params: Record<string, string> }
  | { kind: 'not-found' }
  | { kind: 'method-not-allowed'; allow: string[] };

export function matchRoute(method: string, path: string): RouteMatch {
  const allow: string[] = [];
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    if (r.method === method) {
      const params: Record<string, string> = {};
      for (const [k, v] of Object.entries(m.groups ?? {})) params[k] = decodeURIComponent(v);
      return { kind: 'ok', handler: r.handler, params };
    }
    allow.push(r.method);
  }
  return allow.length > 0 ? { kind: 'method-not-allowed', allow } : { kind: 'not-found' };
}
