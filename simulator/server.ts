// In-memory ClickSend REST v3 over real HTTP, plus /_sim control endpoints.
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { SimCore } from './core';
import { handleControl } from './control';
import { seedDemo } from './demo-data';
import { ApiError, errorResult, toEnvelope } from './envelope';
import type { ApiResult } from './envelope';
import type { FaultSpec } from './faults';
import { MEDIA_PREFIX, serveMedia } from './media';
import type { SeedMmsInput } from './mms-seed';
import { seedMms } from './mms-seed';
import type { Network, NetworkConditions } from './network';
import { matchRoute } from './routes';
import type { InboundSms, MmsReceipt, Receipt, RequestLogEntry, SentMms, SentSms, SimAccount, UploadInfo } from './types';

export type { FaultKind, FaultSpec } from './faults';
export type { SeedMmsInput } from './mms-seed';
export type {
  ContactList, Contact, HistoryRow, InboundSms, MmsReceipt, Receipt, ReceiptStatus, RequestLogEntry, SentMms, SentSms,
  SimAccount, SmsTemplate, UploadInfo,
} from './types';

export interface SimulatorOptions {
  /** default 0 = any free port */
  port?: number;
  /** default 127.0.0.1 */
  host?: string;
  /** default [{ username: 'test-user', apiKey: 'test-key', balance: 100 }] */
  accounts?: SimAccount[];
  /** when set, each non-scheduled sent message turns Sent, then gets a Delivered receipt after this many ms */
  autoDeliverMs?: number;
  /** A round trip added to every API answer, and an optional per-account rate limit (see network.ts). */
  network?: Partial<NetworkConditions>;
}

export interface Simulator {
  /** API base, e.g. http://127.0.0.1:PORT/v3 (no trailing slash) */
  url: string;
  /** e.g. http://127.0.0.1:PORT/_sim */
  controlUrl: string;
  close(): Promise<void>;
  injectInbound(i: { username?: string; from: string; body: string; to?: string; originalMessageId?: string; timestamp?: number }): InboundSms;
  deliverReceipt(messageId: string, r?: { status?: 'Delivered' | 'Undelivered' | 'Failed'; statusText?: string; timestamp?: number }): Receipt;
  addFault(f: FaultSpec): void;
  clearFaults(): void;
  /** Answers every request a hold fault keeps waiting, and drops hold faults not met yet; returns how many were held. */
  releaseHeld(): number;
  sent(username?: string): SentSms[];
  /** Every MMS accepted by POST /mms/send (lost answers included), oldest first. */
  mmsSent(username?: string): SentMms[];
  /** Every file accepted by POST /uploads: name, URL, sniffed type and byte length (not the bytes). */
  uploads(username?: string): UploadInfo[];
  /** A picture message as if sent from the ClickSend dashboard; returns its /mms/history row. */
  seedMms(input: SeedMmsInput): Record<string, unknown>;
  /** Like deliverReceipt, for an MMS: queues an /mms/receipts receipt and updates /mms/history. */
  deliverMmsReceipt(messageId: string, r?: { status?: 'Delivered' | 'Undelivered' | 'Failed'; statusText?: string; timestamp?: number }): MmsReceipt;
  requests(): RequestLogEntry[];
  /** `METHOD /path` of every API request as it arrived, answered or not (the log only has answered ones). */
  arrivals(): string[];
  addAccount(a: SimAccount): void;
  seedDemo(username?: string): void;
  seedHistory(username: string, n: number, opts?: { conversations?: number; startTimestamp?: number }): void;
  advanceClock(seconds: number): void;
  now(): number;
  reset(): void;
  /** Latency and rate limit, changeable at run time; counters of requests in flight and 429s given. */
  network: Network;
}

const DEFAULT_ACCOUNTS: SimAccount[] = [{ username: 'test-user', apiKey: 'test-key', balance: 100 }];
const MAX_BODY_BYTES = 20 * 1024 * 1024;
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) reject(new ApiError(413, 'BAD_REQUEST', 'Request body too large.'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseBasicAuth(header: string | undefined): { username: string; apiKey: string } | null {
  const m = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!m?.[1]) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { username: decoded.slice(0, colon), apiKey: decoded.slice(colon + 1) };
}

function writeJson(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(body)),
    ...CORS,
    ...headers,
  });
  res.end(body);
}

const envelopeText = (r: ApiResult): string => JSON.stringify(toEnvelope(r));

/** Runs one API request against the state; never throws. */
function applyApi(
  core: SimCore,
  method: string,
  sub: string | null,
  query: URLSearchParams,
  authHeader: string | undefined,
  bodyText: string,
  base: string,
): ApiResult {
  if (sub === null) return errorResult(new ApiError(404, 'NOT_FOUND', 'Resource not found.'));
  const creds = parseBasicAuth(authHeader);
  const account = creds ? core.authenticate(creds.username, creds.apiKey) : undefined;
  if (!account) {
    return { status: 401, code: 'INVALID_CREDENTIALS', msg: 'Your username or API key is incorrect.', data: null };
  }
  const match = matchRoute(method, sub);
  if (match.kind === 'not-found') return errorResult(new ApiError(404, 'NOT_FOUND', 'Resource not found.'));
  if (match.kind === 'method-not-allowed') {
    return { status: 405, code: 'METHOD_NOT_ALLOWED', msg: 'Method not allowed.', data: null, headers: { Allow: match.allow.join(', ') } };
  }
  let body: Record<string, unknown> = {};
  if (method !== 'GET' && bodyText.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(bodyText);
    } catch {
      return errorResult(new ApiError(400, 'BAD_REQUEST', 'The request body is not valid JSON.'));
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return errorResult(new ApiError(400, 'BAD_REQUEST', 'The request body must be a JSON object.'));
    }
    body = parsed as Record<string, unknown>;
  }
  core.promoteDue(account);
  try {
    return match.handler({ sim: core, account, params: match.params, query, body, base, path: sub });
  } catch (e) {
    if (e instanceof ApiError) return errorResult(e);
    console.error('[simulator] handler failed', e);
    return { status: 500, code: 'INTERNAL_ERROR', msg: 'Internal error.', data: null };
  }
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const core = new SimCore({ accounts: opts.accounts ?? DEFAULT_ACCOUNTS, autoDeliverMs: opts.autoDeliverMs, network: opts.network });
  const sockets = new Set<Socket>();
  let closed = false;
  let port = 0;
  /** Every API request as it arrives, before any answer: lets tests act while one is in flight. */
  const arrivals: string[] = []; // known once listening

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://simulator');
    const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    const bodyText = await readBody(req);
    if (closed) return;

    if (pathname === '/_sim' || pathname.startsWith('/_sim/')) {
      const r = handleControl(core, method, pathname.slice('/_sim'.length) || '/', url.searchParams, bodyText);
      writeJson(res, r.status, JSON.stringify(r.body));
      return;
    }
    if (pathname.startsWith(MEDIA_PREFIX)) {
      await serveMedia(core, req, res, pathname, () => closed);
      return;
    }
    if (method === 'OPTIONS') {
      res.writeHead(204, CORS);
      res.end();
      return;
    }

    const sub = pathname === '/v3' ? '/' : pathname.startsWith('/v3/') ? pathname.slice(3) : null;
    if (sub !== null) arrivals.push(`${method} ${sub}`);
    const logPath = sub ?? pathname;
    const query = url.searchParams.toString();
    const log = (status: number, fault?: string): void =>
      core.logRequest({ method, path: logPath, status, query, ...(fault ? { fault } : {}) });
    const base = `http://${req.headers.host ?? `127.0.0.1:${port}`}/v3`;
    const apply = (): ApiResult => applyApi(core, method, sub, url.searchParams, req.headers.authorization, bodyText, base);

    if (sub !== null) {
      core.network.started();
      res.once('close', () => core.network.finished());
      // The front door: over the account's rate, 429 with Retry-After (after the same round trip).
      const admitted = core.network.admit(parseBasicAuth(req.headers.authorization)?.username ?? '');
      const latency = core.network.conditions.latencyMs;
      if (latency > 0) {
        await core.sleep(latency);
        if (closed) return;
      }
      if (!admitted.ok) {
        const r: ApiResult = { status: 429, code: 'TOO_MANY_REQUESTS', msg: 'Rate limit exceeded. Please slow down.', data: null };
        writeJson(res, 429, envelopeText(r), { 'Retry-After': String(admitted.retryAfterSeconds) });
        log(429, 'rate-limit');
        return;
      }
    }

    const fault = sub === null ? undefined : core.faults.take(method, sub, url.searchParams, 'api', parseBasicAuth(req.headers.authorization)?.username);
    switch (fault?.kind) {
      case undefined:
        break;
      case '401': {
        const r: ApiResult = { status: 401, code: 'INVALID_CREDENTIALS', msg: 'Your username or API key is incorrect.', data: null };
        writeJson(res, 401, envelopeText(r));
        log(401, fault.kind);
        return;
      }
      case '403': {
        // Not applied: ClickSend's answer where the account may not use an endpoint (MMS is not offered everywhere).
        const r: ApiResult = { status: 403, code: 'FORBIDDEN', msg: 'Access to this resource is not allowed for this account.', data: null };
        writeJson(res, 403, envelopeText(r));
        log(403, fault.kind);
        return;
      }
      case '500': {
        const r: ApiResult = { status: 500, code: 'INTERNAL_ERROR', msg: 'Internal error.', data: null };
        writeJson(res, 500, envelopeText(r));
        log(500, fault.kind);
        return;
      }
      case '429': {
        const retryAfter = fault.retryAfter ?? 1;
        const r: ApiResult = { status: 429, code: 'TOO_MANY_REQUESTS', msg: 'Rate limit exceeded. Please slow down.', data: null };
        writeJson(res, 429, envelopeText(r), { 'Retry-After': String(retryAfter) });
        log(429, fault.kind);
        return;
      }
      case 'slow':
        await core.sleep(fault.delayMs ?? 1000);
        if (closed) return;
        break;
      case 'hold':
        await core.faults.hold();
        if (closed) return;
        break;
      case 'stall':
        // Never answered; the socket goes when the client gives up or close() runs.
        log(0, fault.kind);
        return;
      case 'drop': {
        // Not applied: headers and half a body, then the connection dies.
        const text = envelopeText({ status: 200, code: 'SUCCESS', msg: 'Here you go.', data: { dropped: true } });
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) });
        res.write(text.slice(0, Math.floor(text.length / 2)), () => req.socket.destroy());
        log(0, fault.kind);
        return;
      }
      case 'drop-after-apply':
        // Applied, but the response is lost: the client cannot tell whether it worked.
        apply();
        req.socket.destroy();
        log(0, fault.kind);
        return;
      case 'malformed':
        // Not applied, like an error page from something in front of the API.
        writeJson(res, 200, '<html><body><h1>502 Bad Gateway</h1></body></html>');
        log(200, fault.kind);
        return;
      case 'truncated': {
        // Applied; the real JSON is cut in half (with a matching Content-Length).
        const r = apply();
        const text = envelopeText(r);
        writeJson(res, 200, text.slice(0, Math.floor(text.length / 2)));
        log(200, fault.kind);
        return;
      }
      case 'wrong-shape': {
        // Not applied; a list where every endpoint returns an object, null or a number.
        const r: ApiResult = { status: 200, code: 'SUCCESS', msg: 'Here you go.', data: ['unexpected'] };
        writeJson(res, 200, envelopeText(r));
        log(200, fault.kind);
        return;
      }
    }

    const r = apply();
    writeJson(res, r.status, envelopeText(r), r.headers);
    log(r.status);
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (closed || res.headersSent) return;
      const status = e instanceof ApiError ? e.status : 500;
      const r: ApiResult =
        e instanceof ApiError ? errorResult(e) : { status: 500, code: 'INTERNAL_ERROR', msg: 'Internal error.', data: null };
      writeJson(res, status, envelopeText(r));
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // As production HTTP servers keep idle connections (nginx: 75 s): polls every 5 s reuse theirs.
  server.keepAliveTimeout = 65_000;

  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  core.origin = origin;

  return {
    url: `${origin}/v3`,
    controlUrl: `${origin}/_sim`,
    close: async () => {
      if (closed) return;
      closed = true;
      core.clearTimers();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await done;
    },
    injectInbound: (i) => core.injectInbound(i),
    deliverReceipt: (messageId, r) => core.deliverReceipt(messageId, r),
    addFault: (f) => core.faults.add(f),
    clearFaults: () => core.faults.clear(),
    releaseHeld: () => core.faults.release(),
    sent: (username) => (username === undefined ? [...core.sentLog] : core.sentLog.filter((s) => s.username === username)),
    mmsSent: (username) => core.mmsLog.filter((s) => username === undefined || s.username === username),
    uploads: (username) => core.uploadLog.filter((u) => username === undefined || u.username === username),
    seedMms: (input) => seedMms(core, core.account(input.username), input),
    deliverMmsReceipt: (messageId, r) => core.deliverMmsReceipt(messageId, r),
    requests: () => [...core.requestLog],
    arrivals: () => [...arrivals],
    addAccount: (a) => {
      core.addAccount(a);
    },
    seedDemo: (username) => seedDemo(core, core.account(username)),
    seedHistory: (username, n, o) => core.seedHistory(username, n, o),
    advanceClock: (seconds) => core.clock.advance(seconds),
    now: () => core.now(),
    reset: () => core.reset(),
    network: core.network,
  };
}
