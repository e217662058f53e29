// The ClickSend REST v3 client: one method per endpoint the app uses, each
// naming its answer's schema and whether it is safe to repeat. How a request
// travels (credentials, rate, retries, validation, errors) is exchange.ts's.
import { z } from 'zod';
import { ClickSendExchange, type ExchangeOptions } from './exchange';
import { walkPages } from './pages';
import {
  type HistoryRow,
  type InboundRow,
  type ReceiptRow,
  AccountData,
  CancelAllData,
  Contact,
  ContactList,
  PriceData,
  SendData,
  Template,
  HistoryPage,
  InboundPage,
  ReceiptPage,
  TemplatePage,
  ContactListPage,
  ContactPage,
  PictureHistoryPage,
  SendPictureData,
  UploadData,
  type PictureHistoryRow,
  type Page,
} from './schemas';

export const DEFAULT_API_URL = 'https://rest.clicksend.com/v3';

export type ClickSendClientOptions = ExchangeOptions;

export interface OutgoingSms {
  to: string;
  body: string;
  /** Client-generated id used to find a send whose answer was lost. */
  custom_string: string;
  schedule?: number;
  from?: string;
  source?: string;
}

/** A picture message: ClickSend takes the picture as a URL (see uploadPicture), one per request. */
export interface OutgoingPicture extends OutgoingSms {
  /** At most 20 characters; ClickSend requires one. */
  subject: string;
}

export type TemplateInput = Pick<Template, 'template_name' | 'body'>;

/** A contact's fields as a create or an edit sends them: the schema's, less what ClickSend assigns. */
export type ContactInput = { [K in keyof Omit<Contact, 'contact_id' | 'list_id' | 'date_updated'>]?: string };

export interface HistoryQuery {
  q?: string;
  order_by?: string;
  date_from?: number;
  date_to?: number;
  page?: number;
  limit?: number;
}

/** The path's first part: SMS and picture messages (MMS) are kept apart at ClickSend. */
export type ApiKind = 'sms' | 'mms';

/** `retry: false` leaves 429s, 5xx and dropped connections to the caller (the first sync's walk paces itself). */
export interface PageRetry {
  retry?: boolean;
}

export class ClickSendClient {
  readonly username: string;
  readonly baseUrl: string;
  private readonly exchange: ClickSendExchange;

  constructor(options: ClickSendClientOptions) {
    this.username = options.username;
    this.baseUrl = options.baseUrl;
    this.exchange = new ClickSendExchange(options);
  }

  getAccount(signal?: AbortSignal) {
    return this.exchange.request('GET', '/account', { answer: AccountData, retry: true, signal });
  }

  /** Never retried: an unknown outcome is reconciled from history by custom_string. */
  sendSms(messages: OutgoingSms[], signal?: AbortSignal) {
    return this.exchange.request('POST', '/sms/send', {
      body: { messages: messages.map((m) => ({ source: 'clicksend-inbox', ...m })) },
      answer: SendData,
      retry: false,
      signal,
    });
  }

  /** No side effects, so it may be repeated. */
  priceSms(messages: Array<Pick<OutgoingSms, 'to' | 'body' | 'from' | 'schedule'>>, signal?: AbortSignal) {
    return this.exchange.request('POST', '/sms/price', { body: { messages }, answer: PriceData, retry: true, signal });
  }

  /** Not repeated: a second cancel of the same message is an error, not a no-op. */
  cancelScheduled(messageId: string, signal?: AbortSignal) {
    return this.exchange.request('PUT', `/sms/${encodeURIComponent(messageId)}/cancel`, { answer: z.unknown(), retry: false, signal });
  }

  cancelAllScheduled(customString?: string, signal?: AbortSignal) {
    return this.exchange.request('PUT', '/sms/cancel-all', {
      body: customString ? { custom_string: customString } : {},
      answer: CancelAllData,
      retry: false,
      signal,
    });
  }

  historyPage(query: HistoryQuery, signal?: AbortSignal, { retry = true }: PageRetry = {}): Promise<Page<HistoryRow>> {
    return this.exchange.request('GET', '/sms/history', { query: { ...query }, answer: HistoryPage, retry, signal });
  }

  inboundPage(pageNumber: number, limit = 100, signal?: AbortSignal): Promise<Page<InboundRow>> {
    return this.exchange.request('GET', '/sms/inbound', {
      query: { page: pageNumber, limit },
      answer: InboundPage,
      retry: true,
      signal,
    });
  }

  markInboundRead(messageId: string, signal?: AbortSignal) {
    return this.exchange.request('PUT', `/sms/inbound-read/${encodeURIComponent(messageId)}`, {
      answer: z.unknown(),
      retry: true,
      signal,
    });
  }

  markAllInboundRead(dateBefore?: number, signal?: AbortSignal) {
    return this.exchange.request('PUT', '/sms/inbound-read', {
      body: dateBefore === undefined ? {} : { date_before: dateBefore },
      answer: z.unknown(),
      retry: true,
      signal,
    });
  }

  /** `/sms/…` or `/mms/…`: each kind's receipts are a queue of their own at ClickSend. */
  receiptsPage(kind: ApiKind, pageNumber: number, limit = 100, signal?: AbortSignal): Promise<Page<ReceiptRow>> {
    return this.exchange.request('GET', `/${kind}/receipts`, {
      query: { page: pageNumber, limit },
      answer: ReceiptPage,
      retry: true,
      signal,
    });
  }

  markReceiptsRead(kind: ApiKind, dateBefore: number, signal?: AbortSignal) {
    return this.exchange.request('PUT', `/${kind}/receipts-read`, {
      body: { date_before: dateBefore },
      answer: z.unknown(),
      retry: true,
      signal,
    });
  }

  inbound(signal?: AbortSignal) {
    return walkPages((p, limit) => this.inboundPage(p, limit, signal), { key: (r) => r.message_id });
  }

  // Picture messages (MMS). ClickSend has no inbound MMS: these are all ours.

  /**
   * Stores a file at ClickSend and answers its URL; `convert: 'mms'` lets
   * ClickSend turn png, bmp and heic into what phones take. Repeating it
   * only leaves a second copy (ClickSend deletes uploads after a week), so a
   * lost answer is retried.
   */
  uploadPicture(content: Buffer, signal?: AbortSignal) {
    return this.exchange.request('POST', '/uploads', {
      query: { convert: 'mms' },
      body: { content: content.toString('base64') },
      answer: UploadData,
      retry: true,
      signal,
    });
  }

  /** Never retried, like sendSms: a lost answer is settled from /mms/history by custom_string. */
  sendPicture(mediaUrl: string, messages: OutgoingPicture[], signal?: AbortSignal) {
    return this.exchange.request('POST', '/mms/send', {
      body: { media_file: mediaUrl, messages: messages.map((m) => ({ source: 'clicksend-inbox', ...m })) },
      answer: SendPictureData,
      retry: false,
      signal,
    });
  }

  pricePicture(mediaUrl: string, messages: Array<Pick<OutgoingPicture, 'to' | 'body' | 'subject' | 'from' | 'schedule'>>, signal?: AbortSignal) {
    return this.exchange.request('POST', '/mms/price', { body: { media_file: mediaUrl, messages }, answer: PriceData, retry: true, signal });
  }

  cancelScheduledPicture(messageId: string, signal?: AbortSignal) {
    return this.exchange.request('PUT', `/mms/${encodeURIComponent(messageId)}/cancel`, { answer: z.unknown(), retry: false, signal });
  }

  cancelAllScheduledPictures(signal?: AbortSignal) {
    return this.exchange.request('PUT', '/mms/cancel-all', { body: {}, answer: CancelAllData, retry: false, signal });
  }

  pictureHistoryPage(query: HistoryQuery, signal?: AbortSignal, { retry = true }: PageRetry = {}): Promise<Page<PictureHistoryRow>> {
    return this.exchange.request('GET', '/mms/history', { query: { ...query }, answer: PictureHistoryPage, retry, signal });
  }

  // Templates

  templates(signal?: AbortSignal) {
    return walkPages(
      (p, limit) => this.exchange.request('GET', '/sms/templates', { query: { page: p, limit }, answer: TemplatePage, retry: true, signal }),
      { key: (t) => t.template_id },
    );
  }

  createTemplate(input: TemplateInput, signal?: AbortSignal) {
    return this.exchange.request('POST', '/sms/templates', { body: input, answer: Template, retry: false, signal });
  }

  updateTemplate(id: number, input: TemplateInput, signal?: AbortSignal) {
    return this.exchange.request('PUT', `/sms/templates/${id}`, { body: input, answer: Template, retry: true, signal });
  }

  deleteTemplate(id: number, signal?: AbortSignal) {
    return this.exchange.request('DELETE', `/sms/templates/${id}`, { answer: z.unknown(), retry: false, signal });
  }

  // Contact lists and contacts

  lists(signal?: AbortSignal) {
    return walkPages(
      (p, limit) => this.exchange.request('GET', '/lists', { query: { page: p, limit }, answer: ContactListPage, retry: true, signal }),
      { key: (l) => l.list_id },
    );
  }

  createList(name: string, signal?: AbortSignal) {
    return this.exchange.request('POST', '/lists', { body: { list_name: name }, answer: ContactList, retry: false, signal });
  }

  updateList(listId: number, name: string, signal?: AbortSignal) {
    return this.exchange.request('PUT', `/lists/${listId}`, { body: { list_name: name }, answer: ContactList, retry: true, signal });
  }

  deleteList(listId: number, signal?: AbortSignal) {
    return this.exchange.request('DELETE', `/lists/${listId}`, { answer: z.unknown(), retry: false, signal });
  }

  contacts(listId: number, signal?: AbortSignal) {
    return walkPages(
      (p, limit) =>
        this.exchange.request('GET', `/lists/${listId}/contacts`, { query: { page: p, limit }, answer: ContactPage, retry: true, signal }),
      { key: (c) => c.contact_id },
    );
  }

  createContact(listId: number, input: ContactInput, signal?: AbortSignal) {
    return this.exchange.request('POST', `/lists/${listId}/contacts`, { body: input, answer: Contact, retry: false, signal });
  }

  updateContact(listId: number, contactId: number, input: ContactInput, signal?: AbortSignal) {
    return this.exchange.request('PUT', `/lists/${listId}/contacts/${contactId}`, { body: input, answer: Contact, retry: true, signal });
  }

  deleteContact(listId: number, contactId: number, signal?: AbortSignal) {
    return this.exchange.request('DELETE', `/lists/${listId}/contacts/${contactId}`, { answer: z.unknown(), retry: false, signal });
  }
}
