// This app's ClickSend client beside the official SDK (npm `clicksend`),
// paging the same 10,000 history rows from the simulator in a process of its
// own: ours as the app pages (asking a few pages ahead), the SDK one page at
// a time (all it can), and ours one page at a time too, for the cost per
// page alone. Alternated, five rounds, median of each, so warm-up and a noisy
// machine favour neither; CPU is this process's only.
//   node --import tsx bench/client.ts
import { randomUUID } from 'node:crypto';
import * as clicksend from 'clicksend';
import { ClickSendClient } from '../electron/core/clicksend/client';
import { historyOf, SMS } from '../electron/core/messages/kinds';
import { startSimulatorProcess } from '../simulator/process';
import { round } from './measure';

const ROWS = 10_000;
const ROUNDS = 5;

export interface ClientResult {
  rows: number;
  oursPerSecond: number;
  sdkPerSecond: number;
  ratio: number;
  /** CPU this process spent per 10,000 rows (the simulator runs in another): what each client costs. */
  cpuMs: { ours: number; sdk: number };
  /** Ours one page at a time, as the SDK walks: the same work without asking ahead. */
  oursSequentialPerSecond: number;
  runs: { ours: number[]; sdk: number[]; oursSequential: number[] };
}

export async function clientBesideSdk(): Promise<ClientResult> {
  const account = { username: 'client-bench', apiKey: `bench-${randomUUID()}` };
  const sim = await startSimulatorProcess(account);
  try {
    await sim.control('POST', '/seed-history', { username: account.username, n: ROWS });
    const ours = async () => {
      const client = new ClickSendClient({ baseUrl: sim.url, ...account, requestsPerSecond: 10_000 });
      let rows = 0;
      for await (const page of historyOf(SMS, client, {})) rows += page.length;
      return rows;
    };
    const oursSequential = async () => {
      const client = new ClickSendClient({ baseUrl: sim.url, ...account, requestsPerSecond: 10_000 });
      let rows = 0;
      for (let page = 1; ; page++) {
        const answer = await client.historyPage({ page, limit: 100 });
        rows += answer.data.length;
        if (page >= answer.last_page) return rows;
      }
    };
    const sdk = async () => {
      const api = new clicksend.SMSApi(account.username, account.apiKey, sim.url);
      let rows = 0;
      for (let page = 1; ; page++) {
        const { body } = await api.smsHistoryGet(undefined, undefined, undefined, page, 100);
        const data = (typeof body === 'string' ? JSON.parse(body) : body) as { data: { data: unknown[]; last_page: number } };
        rows += data.data.data.length;
        if (page >= data.data.last_page) return rows;
      }
    };
    const cpu = { ours: [] as number[], sdk: [] as number[], oursSequential: [] as number[] };
    const timed = async (run: () => Promise<number>, spent?: number[]) => {
      const t = performance.now();
      const c = process.cpuUsage();
      const rows = await run();
      const used = process.cpuUsage(c);
      spent?.push((used.user + used.system) / 1000);
      if (rows !== ROWS) throw new Error(`paged ${rows} rows, expected ${ROWS}`);
      return rows / ((performance.now() - t) / 1000);
    };
    await timed(ours); // warm each up once, unmeasured
    await timed(oursSequential);
    await timed(sdk);
    const runs = { ours: [] as number[], sdk: [] as number[], oursSequential: [] as number[] };
    for (let i = 0; i < ROUNDS; i++) {
      runs.ours.push(await timed(ours, cpu.ours));
      runs.sdk.push(await timed(sdk, cpu.sdk));
      runs.oursSequential.push(await timed(oursSequential, cpu.oursSequential));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return {
      rows: ROWS,
      oursPerSecond: Math.round(median(runs.ours)),
      sdkPerSecond: Math.round(median(runs.sdk)),
      ratio: round(median(runs.ours) / median(runs.sdk), 2),
      cpuMs: { ours: Math.round(median(cpu.ours)), sdk: Math.round(median(cpu.sdk)) },
      oursSequentialPerSecond: Math.round(median(runs.oursSequential)),
      runs: { ours: runs.ours.map(Math.round), sdk: runs.sdk.map(Math.round), oursSequential: runs.oursSequential.map(Math.round) },
    };
  } finally {
    sim.stop();
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  console.log(JSON.stringify(await clientBesideSdk()));
}
