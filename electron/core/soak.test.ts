// A one-hour soak, time compressed: 720 sync passes, one per 5 s of the
// focused poll cadence, with a steady trickle of replies, sends and delivery
// receipts. The passes are real (HTTP to the simulator, SQLite, the
// contract); only the clock is moved, the app's and ClickSend's together,
// and the client's rate cap raised to match. The simulator runs in its own
// process so that this heap is the app's alone. Memory must stay flat,
// handles and listeners must not grow, and every reply must be stored once.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatorProcess, type SimulatorProcess } from '../../simulator/process';
import { value } from '../../test-support/core';
import { createKeytarStore } from './credentials/keychain';
import { Inbox } from './inbox';

const ACCOUNT = { username: 'soak-user', apiKey: `key-${randomUUID()}` };
const PASSES = Number(process.env.SOAK_PASSES ?? 720); // one hour at the focused cadence
const STEP_SECONDS = 5;
const NUMBERS = Array.from({ length: 30 }, (_, i) => `+614${String(20_000_000 + i).slice(-8)}`);

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

interface Sample {
  pass: number;
  heapMb: number;
  resources: Record<string, number>;
  processListeners: number;
  /** Live objects of the kinds a request or a pass makes, counted in a heap snapshot. */
  objects: Record<string, number>;
}

const COUNTED = ['AbortSignal', 'AbortController', 'Statement', 'ClickSendError', 'Response', 'Request'];

/** Counts live objects by constructor name in a V8 heap snapshot. */
async function countObjects(names: string[]): Promise<Record<string, number>> {
  let json = '';
  for await (const chunk of v8.getHeapSnapshot()) json += chunk;
  const snapshot = JSON.parse(json) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[]; strings: string[] };
  const fields = snapshot.snapshot.meta.node_fields;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const objectType = snapshot.snapshot.meta.node_types[0].indexOf('object');
  const counts: Record<string, number> = Object.fromEntries(names.map((n) => [n, 0]));
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    if (snapshot.nodes[i + typeAt] !== objectType) continue;
    const name = snapshot.strings[snapshot.nodes[i + nameAt]!]!;
    if (name in counts) counts[name]!++;
  }
  return counts;
}

async function sample(pass: number): Promise<Sample> {
  gc();
  gc();
  const resources: Record<string, number> = {};
  for (const type of process.getActiveResourcesInfo()) resources[type] = (resources[type] ?? 0) + 1;
  const processListeners = process.eventNames().reduce((sum, name) => sum + process.listenerCount(name), 0);
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;
  const objects = pass % 240 === 0 || pass === 120 ? await countObjects(COUNTED) : {};
  return { pass, heapMb, resources, processListeners, objects };
}

describe('soak: an hour of polling, compressed', () => {
  let simulator: SimulatorProcess;
  let inbox: Inbox;
  const service = `ClickSend Inbox test ${randomUUID()}`;
  const samples: Sample[] = [];
  const replies: string[] = [];
  const sends: string[] = [];
  let events = 0;

  beforeAll(async () => {
    simulator = await startSimulatorProcess(ACCOUNT);
    let clock = Date.now();
    inbox = new Inbox({
      config: { apiUrl: simulator.url, dataDir: mkdtempSync(join(tmpdir(), 'inbox-soak-')) },
      secrets: createKeytarStore(service),
      log: { error: (...a) => console.error(...a), warn() {}, info() {} },
      syncIntervalMs: 3_600_000, // passes are driven below, not by the timer
      now: () => clock,
      requestsPerSecond: 1000,
    });
    await inbox.start();
    inbox.onEvent(() => events++);
    value(await inbox.dispatch('session.signIn', ACCOUNT));
    value(await inbox.dispatch('app.presence', { focused: true, openConversationId: null }));

    const pass = async () => {
      clock += STEP_SECONDS * 1000;
      await simulator.control('POST', '/clock', { advanceSeconds: STEP_SECONDS });
      const status = value<{ message: string | null }>(await inbox.dispatch('sync.now', {}));
      if (status.message !== null) throw new Error(status.message);
    };
    for (let n = 1; n <= PASSES; n++) {
      if (n % 3 === 0) {
        const body = `Reply ${n}`;
        await simulator.control('POST', '/inbound', { username: ACCOUNT.username, from: NUMBERS[(n / 3) % NUMBERS.length], body });
        replies.push(body);
      }
      if (n % 10 === 0) {
        const sent = value<{ messageId: string | null }>(await inbox.dispatch('messages.send', { to: NUMBERS[(n / 10) % NUMBERS.length]!, body: `Answer ${n}` }));
        sends.push(sent.messageId!);
        const earlier = sends.at(-2);
        if (earlier) await simulator.control('POST', '/receipt', { messageId: earlier, status: 'Delivered' });
      }
      await pass();
      if (n % 60 === 0) samples.push(await sample(n));
    }
    await simulator.control('POST', '/receipt', { messageId: sends.at(-1), status: 'Delivered' });
    await pass();
  }, 240_000);

  afterAll(async () => {
    await inbox?.stop();
    simulator?.stop();
    await createKeytarStore(service).delete(ACCOUNT.username);
  });

  it('stores every reply exactly once, and every send once, delivered', async () => {
    const list = value<{ total: number; items: Array<{ id: number }> }>(await inbox.dispatch('conversations.list', { filter: 'all', limit: 100 }));
    expect(list.total).toBe(NUMBERS.length);
    const bodies: string[] = [];
    const statuses: Record<string, string> = {};
    for (const c of list.items) {
      for (const m of value<Array<{ body: string; direction: string; messageId: string | null; status: string }>>(
        await inbox.dispatch('messages.list', { conversationId: c.id, limit: 200 }),
      )) {
        if (m.direction === 'in') bodies.push(m.body);
        else statuses[m.messageId!] = m.status;
      }
    }
    expect(bodies.sort()).toEqual([...replies].sort());
    expect(await simulator.control('GET', `/sent?username=${ACCOUNT.username}`)).toHaveLength(sends.length);
    expect(Object.keys(statuses).sort()).toEqual([...sends].sort());
    expect(sends.every((id) => statuses[id] === 'Delivered')).toBe(true);
    expect(events).toBeGreaterThan(replies.length);
  });

  it('keeps memory flat: the heap after the first ten minutes grows by under 2 MB to the hour', () => {
    console.info('soak samples', JSON.stringify(samples.map((s) => ({ pass: s.pass, heapMb: +s.heapMb.toFixed(2), ...s.resources, processListeners: s.processListeners, ...s.objects }))));
    const settled = samples.find((s) => s.pass === 120)!;
    const last = samples.at(-1)!;
    expect(last.pass).toBe(PASSES);
    expect(last.heapMb - settled.heapMb).toBeLessThan(2);
  });

  it('keeps no more request, signal or statement objects at the hour than at ten minutes', () => {
    const settled = samples.find((s) => s.pass === 120)!;
    const last = samples.at(-1)!;
    for (const name of COUNTED) expect(last.objects[name], name).toBeLessThanOrEqual(settled.objects[name]! + 5);
  });

  it('opens no more handles and adds no listeners as the hour goes on', () => {
    const settled = samples.find((s) => s.pass === 120)!;
    const last = samples.at(-1)!;
    expect(last.processListeners).toBe(settled.processListeners);
    // Sockets kept alive to ClickSend may come and go by one or two; nothing else may grow.
    for (const [type, n] of Object.entries(last.resources)) {
      expect(n, type).toBeLessThanOrEqual((settled.resources[type] ?? 0) + (type === 'TCPSocketWrap' ? 2 : 0));
    }
  });
});
