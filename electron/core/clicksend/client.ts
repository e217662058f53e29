// The ClickSend REST v3 client. It owns the credentials for one account,
// validates every answer, retries only what is safe to repeat, and turns
// every failure into a ClickSendError with words a user understands.
import { z } from 'zod';
import { ClickSendError } from './errors';
import { RateLimiter, sleep } from './rate-limit';
import { HttpFailure, httpExchange, type HttpAnswer } from './http';
import { walkPages } from './pages';
import type {
  HistoryRow,
  InboundRow,
  ReceiptRow} from './schemas';
import {
  AccountData,
  CancelAllData,
  Contact,
  ContactList,
  Envelope,
  PriceData,
  SendData,
  Template,
  HistoryPage,
  InboundPage,
  ReceiptPage,
  TemplatePage,
  ContactListPage,
  ContactPage,
  type Page,
} from './schemas';

export const DEFAULT_API_URL = 'https://rest.clicksend.com/v3';

export interface ClickSendClientOptions {
  baseUrl: string;
  username: string;
  apiKey: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Attempts for requests that are safe to repeat. */
  maxAttempts?: number;
  /** Base of the exponential back-off between attempts. */
  backoffMs?: number;
  requestsPerSecond?: number;
}

export interface OutgoingSms {
  to: string;
  body: string;
  /** Client-generated id used to find a send whose answer was lost. */
  custom_string: string;
  schedule?: number;
  from?: string;
  source?: string;
}

export interface TemplateInput {
  template_name: string;
  body: string;
}

export interface ContactInput {
  phone_number?: string;
  first_name?: string;
  last_name?: string;
  email?: string;
  custom_1?: string;
  custom_2?: string;
  custom_3?: string;
  custom_4?: string;
}

export interface HistoryQuery {
  q?: string;
  order_by?: string;
  date_from?: number;
  date_to?: number;
  page?: number;
  limit?: number;
}

type Query = Record<string, string | number | undefined>;

interface RequestOptions<T> {
  query?: Query;
  body?: unknown;
  data: z.ZodType<T>;
  /** GETs and read-marking PUTs may be repeated; a send never is. */
  retry: boolean;
  signal?: AbortSignal;
}

const MAX_RETRY_AFTER_MS = 60_000;

export class ClickSendClient {
  readonly username: string;
  private readonly baseUrl: string;
  private readonly authorization: string;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly limiter: RateLimiter;

  constructor(options: ClickSendClientOptions) {
    this.username = options.username;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    // Kept only as the header value; the key itself is not stored on the object.
    this.authorization = `Basic ${Buffer.from(`${options.username}:${options.apiKey}`).toString('base64')}`;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxAttempts = options.maxAttempts ?? 4;
    this.backoffMs = options.backoffMs ?? 500;
    const perSecond = options.requestsPerSecond ?? 20;
    // A small burst only: a gateway counting requests per second would answer the excess with 429s
    // (a bucket of B tokens lets B + rate requests into one second).
    this.limiter = new RateLimiter(perSecond, Math.max(1, Math.ceil(perSecond / 4)));
  }

  getAccount(signal?: AbortSignal) {
    return this.request('GET', '/account', { data: AccountData, retry: true, signal });
  }

  /** Never retried: an unknown outcome is reconciled from history by custom_string. */
  sendSms(messages: OutgoingSms[], signal?: AbortSignal) {
    return this.request('POST', '/sms/send', {
      body: { messages: messages.map((m) => ({ source: 'clicksend-inbox', ...m })) },
      data: SendData,
      retry: false,
      signal,
    });
  }

  /** No side effects, so it may be repeated. */
  priceSms(messages: Array<Pick<OutgoingSms, 'to' | 'body' | 'from' | 'schedule'>>, signal?: AbortSignal) {
    return this.request('POST', '/sms/price', { body: { messages }, data: PriceData, retry: true, signal });
  }

  /** Not repeated: a second cancel of the same message is an error, not a no-op. */
  cancelScheduled(messageId: string, signal?: AbortSignal) {
    return this.request('PUT', `/sms/${encodeURIComponent(messageId)}/cancel`, { data: z.unknown(), retry: false, signal });
  }

  cancelAllScheduled(customString?: string, signal?: AbortSignal) {
    return this.request('PUT', '/sms/cancel-all', {
      body: customString ? { custom_string: customString } : {},
      data: CancelAllData,
      retry: false,
      signal,
    });
  }

  /** `retry: false` leaves 429s, 5xx and dropped connections to the caller (the first sync's walk paces itself). */
  historyPage(query: HistoryQuery, signal?: AbortSignal, retry = true): Promise<Page<HistoryRow>> {
    return this.request('GET', '/sms/history', { query: { ...query }, data: HistoryPage, retry, signal });
  }

  inboundPage(pageNumber: number, limit = 100, signal?: AbortSignal): Promise<Page<InboundRow>> {
    return this.request('GET', '/sms/inbound', {
      query: { page: pageNumber, limit },
      data: InboundPage,
      retry: true,
      signal,
    });
  }

  markInboundRead(messageId: string, signal?: AbortSignal) {
    return this.request('PUT', `/sms/inbound-read/${encodeURIComponent(messageId)}`, {
      data: z.unknown(),
      retry: true,
      signal,
    });
  }

  markAllInboundRead(dateBefore?: number, signal?: AbortSignal) {
    return this.request('PUT', '/sms/inbound-read', {
      body: dateBefore === undefined ? {} : { date_before: dateBefore },
      data: z.unknown(),
      retry: true,
      signal,
    });
  }

  receiptsPage(pageNumber: number, limit = 100, signal?: AbortSignal): Promise<Page<ReceiptRow>> {
    return this.request('GET', '/sms/receipts', {
      query: { page: pageNumber, limit },
      data: ReceiptPage,
      retry: true,
      signal,
    });
  }

  markReceiptsRead(dateBefore: number, signal?: AbortSignal) {
    return this.request('PUT', '/sms/receipts-read', {
      body: { date_before: dateBefore },
      data: z.unknown(),
      retry: true,
      signal,
    });
  }

  /** Every history row matching the query, each once (see walkPages). */
  history(query: Omit<HistoryQuery, 'page' | 'limit'>, signal?: AbortSignal) {
    return walkPages((p, limit) => this.historyPage({ ...query, page: p, limit }, signal), { key: (r) => r.message_id });
  }

  inbound(signal?: AbortSignal) {
    return walkPages((p, limit) => this.inboundPage(p, limit, signal), { key: (r) => r.message_id });
  }

  receipts(signal?: AbortSignal) {
    return walkPages((p, limit) => this.receiptsPage(p, limit, signal), { key: (r) => `${r.message_id}:${r.timestamp}` });
  }

  // Templates

  templates(signal?: AbortSignal) {
    return walkPages(
      (p, limit) => this.request('GET', '/sms/templates', { query: { page: p, limit }, data: TemplatePage, retry: true, signal }),
      { key: (t) => t.template_id },
    );
  }

  getTemplate(id: number, signal?: AbortSignal) {
    return this.request('GET', `/sms/templates/${id}`, { data: Template, retry: true, signal });
  }

  createTemplate(input: TemplateInput, signal?: AbortSignal) {
    return this.request('POST', '/sms/templates', { body: input, data: Template, retry: false, signal });
  }

  updateTemplate(id: number, input: TemplateInput, signal?: AbortSignal) {
    return this.request('PUT', `/sms/templates/${id}`, { body: input, data: Template, retry: true, signal });
  }

  deleteTemplate(id: number, signal?: AbortSignal) {
    return this.request('DELETE', `/sms/templates/${id}`, { data: z.unknown(), retry: false, signal });
  }

  // Contact lists and contacts

  lists(signal?: AbortSignal) {
    return walkPages(
      (p, limit) => this.request('GET', '/lists', { query: { page: p, limit }, data: ContactListPage, retry: true, signal }),
      { key: (l) => l.list_id },
    );
  }

  getList(listId: number, signal?: AbortSignal) {
    return this.request('GET', `/lists/${listId}`, { data: ContactList, retry: true, signal });
  }

  createList(name: string, signal?: AbortSignal) {
    return this.request('POST', '/lists', { body: { list_name: name }, data: ContactList, retry: false, signal });
  }

  updateList(listId: number, name: string, signal?: AbortSignal) {
    return this.request('PUT', `/lists/${listId}`, { body: { list_name: name }, data: ContactList, retry: true, signal });
  }

  deleteList(listId: number, signal?: AbortSignal) {
    return this.request('DELETE', `/lists/${listId}`, { data: z.unknown(), retry: false, signal });
  }

  contacts(listId: number, signal?: AbortSignal) {
    return walkPages(
      (p, limit) =>
        this.request('GET', `/lists/${listId}/contacts`, { query: { page: p, limit }, data: ContactPage, retry: true, signal }),
      { key: (c) => c.contact_id },
    );
  }

  getContact(listId: number, contactId: number, signal?: AbortSignal) {
    return this.request('GET', `/lists/${listId}/contacts/${contactId}`, { data: Contact, retry: true, signal });
  }

  createContact(listId: number, input: ContactInput, signal?: AbortSignal) {
    return this.request('POST', `/lists/${listId}/contacts`, { body: input, data: Contact, retry: false, signal });
  }

  updateContact(listId: number, contactId: number, input: ContactInput, signal?: AbortSignal) {
    return this.request('PUT', `/lists/${listId}/contacts/${contactId}`, { body: input, data: Contact, retry: true, signal });
  }

  deleteContact(listId: number, contactId: number, signal?: AbortSignal) {
    return this.request('DELETE', `/lists/${listId}/contacts/${contactId}`, { data: z.unknown(), retry: false, signal });
  }

  private async request<T>(method: string, path: string, options: RequestOptions<T>): Promise<T> {
    // Ids become {id}: errors and logs name the endpoint, not a customer's data.
    const endpoint = `${method} ${path.replace(/\/(\d+|[0-9A-F-]{8,})(?=\/|$)/gi, '/{id}')}`;
    const attempts = options.retry ? this.maxAttempts : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.limiter.take(options.signal);
        return await this.attempt(method, path, endpoint, options);
      } catch (error) {
        if (!(error instanceof ClickSendError)) throw error;
        // A time-out already cost timeoutMs: retrying it here would keep the user
        // looking at "Syncing…" for minutes. The caller's next pass is the retry.
        const retryable = error.kind === 'network' || error.status === 429 || (error.status !== null && error.status >= 500);
        if (!retryable || attempt >= attempts) throw error;
        if (error.retryAfterMs !== null && error.retryAfterMs > MAX_RETRY_AFTER_MS) throw error;
        const backoff = this.backoffMs * 2 ** (attempt - 1);
        const wait = Math.max(error.retryAfterMs ?? 0, backoff / 2 + Math.random() * (backoff / 2));
        await sleep(wait, options.signal).catch(() => {
          throw new ClickSendError({ kind: 'aborted', endpoint, detail: 'cancelled' });
        });
      }
    }
  }

  private async attempt<T>(method: string, path: string, endpoint: string, options: RequestOptions<T>): Promise<T> {
    const url = new URL(this.baseUrl + path);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    let response: HttpAnswer;
    try {
      response = await httpExchange(url, {
        method,
        headers: {
          Authorization: this.authorization,
          Accept: 'application/json',
          ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
        timeoutMs: this.timeoutMs,
      });
    } catch (error) {
      if (!(error instanceof HttpFailure)) throw error;
      if (error.reason === 'aborted') throw new ClickSendError({ kind: 'aborted', endpoint, detail: 'cancelled' });
      if (error.reason === 'timeout') throw new ClickSendError({ kind: 'timeout', endpoint, detail: `no answer in ${this.timeoutMs} ms` });
      throw new ClickSendError({ kind: 'network', endpoint, detail: error.code, neverReachedServer: NOT_CONNECTED.test(error.code) });
    }
    const text = response.text;
    const ok = response.status >= 200 && response.status < 300;

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      if (!ok) throw httpError(response, endpoint, null, text.slice(0, 80));
      throw new ClickSendError({ kind: 'invalid-response', endpoint, status: response.status, detail: 'the body is not JSON' });
    }
    const envelope = Envelope.safeParse(json);
    if (!ok) {
      throw httpError(response, endpoint, envelope.success ? envelope.data.response_code : null, envelope.data?.response_msg ?? '');
    }
    if (!envelope.success) {
      throw new ClickSendError({ kind: 'invalid-response', endpoint, status: response.status, detail: describeIssues(envelope.error) });
    }
    if (envelope.data.response_code !== 'SUCCESS') {
      throw new ClickSendError({
        kind: 'application',
        endpoint,
        status: response.status,
        code: envelope.data.response_code,
        detail: envelope.data.response_msg,
        apiMessage: envelope.data.response_msg,
      });
    }
    const data = options.data.safeParse(envelope.data.data);
    if (!data.success) {
      throw new ClickSendError({
        kind: 'invalid-response',
        endpoint,
        status: response.status,
        detail: describeIssues(data.error, 'data'),
      });
    }
    return data.data;
  }
}

function httpError(response: HttpAnswer, endpoint: string, code: string | null, detail: string): ClickSendError {
  const header = response.headers['retry-after'];
  const retryAfter = Array.isArray(header) ? (header[0] ?? null) : (header ?? null);
  let retryAfterMs: number | null = null;
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    retryAfterMs = Number.isFinite(seconds) ? seconds * 1000 : Math.max(0, Date.parse(retryAfter) - Date.now());
    if (Number.isNaN(retryAfterMs)) retryAfterMs = null;
  }
  return new ClickSendError({
    kind: 'http',
    endpoint,
    status: response.status,
    code,
    retryAfterMs,
    apiMessage: code ? detail : null,
    detail: `HTTP ${response.status}${detail ? ` ${detail}` : ''}`,
  });
}

/** Names the failing field, e.g. `data.data[3].message_id: expected string`. */
function describeIssues(error: z.ZodError, prefix = ''): string {
  const issue = error.issues[0];
  if (!issue) return 'unexpected shape';
  const path = [prefix, ...issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))]
    .join('')
    .replace(/^\./, '');
  return `${path || 'body'}: ${issue.message}`;
}

/** Failures before a connection existed: nothing of the request reached the server. */
const NOT_CONNECTED = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH|ENETDOWN)$/;

