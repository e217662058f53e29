// One request to ClickSend, start to end: the account's credentials, the
// per-account rate limit, retries of only what is safe to repeat, the
// envelope and the answer validated, and every failure turned into a
// ClickSendError with words a user understands.
import type { z } from 'zod';
import { ClickSendError } from './errors';
import { HttpFailure, httpExchange, type HttpAnswer } from './http';
import { RateLimiter, sleep } from './rate-limit';
import { Envelope } from './schemas';

export interface ExchangeOptions {
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

type Query = Record<string, string | number | undefined>;

export interface RequestOptions<T> {
  query?: Query;
  body?: unknown;
  /** The schema of what the envelope's `data` holds. */
  answer: z.ZodType<T>;
  /** GETs and read-marking PUTs may be repeated; a send never is. */
  retry: boolean;
  signal?: AbortSignal;
}

const MAX_RETRY_AFTER_MS = 60_000;

export class ClickSendExchange {
  private readonly baseUrl: string;
  private readonly authorization: string;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly limiter: RateLimiter;

  constructor(options: ExchangeOptions) {
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

  async request<T>(method: string, path: string, options: RequestOptions<T>): Promise<T> {
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
    const answer = options.answer.safeParse(envelope.data.data);
    if (!answer.success) {
      throw new ClickSendError({
        kind: 'invalid-response',
        endpoint,
        status: response.status,
        detail: describeIssues(answer.error, 'data'),
      });
    }
    return answer.data;
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

