// HTTP control endpoints under /_sim so another process (Playwright, a benchmark)
// can drive the simulator the way in-process tests call its methods.
import { z } from 'zod';
import type { SimCore } from './core';
import { seedDemo } from './demo-data';
import { faultSpecSchema } from './faults';
import { SEED_MMS_STATUSES, seedMms } from './mms-seed';

export interface ControlResult {
  status: number;
  body: unknown;
}

const inboundSchema = z.object({
  username: z.string().optional(),
  from: z.string().min(1),
  body: z.string(),
  to: z.string().optional(),
  originalMessageId: z.string().optional(),
  original_message_id: z.string().optional(),
  timestamp: z.number().int().optional(),
});
const receiptSchema = z.object({
  messageId: z.string().optional(),
  message_id: z.string().optional(),
  status: z.enum(['Delivered', 'Undelivered', 'Failed']).optional(),
  statusText: z.string().optional(),
  timestamp: z.number().int().optional(),
});
const seedMmsSchema = z.object({
  username: z.string().optional(),
  to: z.string().min(1),
  subject: z.string(),
  body: z.string(),
  from: z.string().optional(),
  timestamp: z.number().int().optional(),
  media: z.string().optional(),
  status: z.enum(SEED_MMS_STATUSES).optional(),
});
const accountSchema = z.object({
  username: z.string().min(1),
  apiKey: z.string().min(1),
  balance: z.number().optional(),
  lowCreditAmount: z.number().nonnegative().optional(),
});
const seedDemoSchema = z.object({ username: z.string().optional() });
const seedHistorySchema = z.object({
  username: z.string().optional(),
  n: z.number().int().nonnegative(),
  conversations: z.number().int().positive().optional(),
  startTimestamp: z.number().int().optional(),
});
const clockSchema = z.object({ advanceSeconds: z.number() });
const networkSchema = z.object({
  latencyMs: z.number().int().nonnegative().optional(),
  rateLimitPerSecond: z.number().int().positive().nullable().optional(),
  resetCounters: z.boolean().optional(),
});

type Route = (core: SimCore, body: unknown, query: URLSearchParams) => ControlResult;

const okBody = (extra: Record<string, unknown> = {}): ControlResult => ({ status: 200, body: { ok: true, ...extra } });

const routes: Record<string, Route> = {
  'POST /inbound': (core, body) => {
    const i = inboundSchema.parse(body);
    const inbound = core.injectInbound({
      username: i.username, from: i.from, body: i.body, to: i.to,
      originalMessageId: i.originalMessageId ?? i.original_message_id, timestamp: i.timestamp,
    });
    return { status: 200, body: inbound };
  },
  'POST /receipt': (core, body) => {
    const r = receiptSchema.parse(body);
    const id = r.messageId ?? r.message_id;
    if (!id) return { status: 400, body: { error: 'messageId is required' } };
    const receipt = { status: r.status, statusText: r.statusText, timestamp: r.timestamp };
    if (core.findMessage(id)) return { status: 200, body: core.deliverReceipt(id, receipt) };
    if (core.findMms(id)) return { status: 200, body: core.deliverMmsReceipt(id, receipt) };
    return { status: 404, body: { error: `unknown message ${id}` } };
  },
  'POST /faults': (core, body) => {
    core.faults.add(faultSpecSchema.parse(body));
    return okBody({ faults: core.faults.list().length });
  },
  'GET /faults': (core) => ({
    status: 200,
    // JSON has no Infinity, so report it as the string the POST accepts
    body: core.faults.list().map((f) => ({ ...f, count: f.count === Infinity ? 'Infinity' : f.count,
      remaining: f.remaining === Infinity ? 'Infinity' : f.remaining })),
  }),
  'POST /faults/release': (core) => okBody({ released: core.faults.release() }),
  'DELETE /faults': (core) => {
    core.faults.clear();
    return okBody();
  },
  'GET /sent': (core, _body, query) => {
    const username = query.get('username');
    return { status: 200, body: username ? core.sentLog.filter((s) => s.username === username) : core.sentLog };
  },
  'GET /mms-sent': (core, _body, query) => {
    const username = query.get('username');
    return { status: 200, body: username ? core.mmsLog.filter((s) => s.username === username) : core.mmsLog };
  },
  'GET /uploads': (core, _body, query) => {
    const username = query.get('username');
    return { status: 200, body: username ? core.uploadLog.filter((u) => u.username === username) : core.uploadLog };
  },
  /** A picture message sent from the dashboard; answers its /mms/history row. */
  'POST /mms': (core, body) => {
    const m = seedMmsSchema.parse(body);
    return { status: 200, body: seedMms(core, core.account(m.username), m) };
  },
  'GET /requests': (core) => ({ status: 200, body: core.requestLog }),
  'POST /accounts': (core, body) => {
    core.addAccount(accountSchema.parse(body));
    return okBody();
  },
  'POST /seed-demo': (core, body) => {
    seedDemo(core, core.account(seedDemoSchema.parse(body ?? {}).username));
    return okBody();
  },
  'POST /seed-history': (core, body) => {
    const s = seedHistorySchema.parse(body);
    core.seedHistory(core.account(s.username).username, s.n, { conversations: s.conversations, startTimestamp: s.startTimestamp });
    return okBody();
  },
  'POST /clock': (core, body) => {
    core.clock.advance(clockSchema.parse(body).advanceSeconds);
    return okBody({ now: core.now() });
  },
  'GET /clock': (core) => okBody({ now: core.now() }),
  /** Latency and rate limit now; and what the link has seen (peak requests in flight, 429s given). */
  'POST /network': (core, body) => {
    const { resetCounters, ...patch } = networkSchema.parse(body);
    const conditions = core.network.set(patch);
    if (resetCounters) core.network.resetCounters();
    return okBody({ ...conditions });
  },
  'GET /network': (core) =>
    okBody({ ...core.network.conditions, peakInFlight: core.network.peakInFlight, rateLimited: core.network.rateLimited }),
  'POST /reset': (core) => {
    core.reset();
    return okBody();
  },
};

export function handleControl(core: SimCore, method: string, path: string, query: URLSearchParams, bodyText: string): ControlResult {
  const route = routes[`${method} ${path.replace(/\/+$/, '')}`];
  if (!route) return { status: 404, body: { error: `no control endpoint ${method} ${path}` } };
  let body: unknown = {};
  if (bodyText.trim() !== '') {
    try {
      body = JSON.parse(bodyText);
    } catch {
      return { status: 400, body: { error: 'invalid JSON body' } };
    }
  }
  try {
    return route(core, body, query);
  } catch (e) {
    if (e instanceof z.ZodError) return { status: 400, body: { error: 'invalid body', issues: e.issues } };
    return { status: 400, body: { error: e instanceof Error ? e.message : String(e) } };
  }
}
