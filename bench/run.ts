// `npm run bench`: builds a million-message cache and measures what a user
// feels: ingest, the list, opening a conversation, search, start-up, memory,
// idle cost, a thread of pictures, and the API client beside the official SDK. Prints a table and
// writes out/bench/report.json and docs/bench/latency.svg.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { startSimulator } from '../simulator/server';
import { startSimulatorProcess } from '../simulator/process';
import { ClickSendClient } from '../electron/core/clicksend/client';
import { fromHistory } from '../electron/core/messages/from-api';
import { historyOf, SMS } from '../electron/core/messages/kinds';
import type { ClientResult } from './client';
import { firstSync, LATENCY_MS, RATE_LIMIT, type FirstSyncResult } from './first-sync';
import { conversationIdForPhone, listConversations } from '../electron/core/cache/conversations';
import { openCache } from '../electron/core/cache/database';
import { accountCacheRules } from '../electron/core/session/cache-rules';
import { listMessages } from '../electron/core/cache/messages';
import { ingestMessages, type IncomingMessage } from '../electron/core/cache/ingest';
import { ftsQuery, searchCache } from '../electron/core/cache/search';
import { createKeytarStore } from '../electron/core/credentials/keychain';
import { accountCachePath, writeSessionFile } from '../electron/core/session/session-file';
import { BIG_CONVERSATION_PHONE, buildDataset, WORDS } from './dataset';
import { cpuSeconds, round, rssMb, time, type Latency } from './measure';
import { writeChart } from './chart';
import { exportBench } from './export';
import { findBench } from './find';
import { picturesBench } from './pictures';
import { launchWebCore } from './web-core-process';
import { appendHistory } from './history';
// @ts-expect-error -- a plain .mjs script
import { buildWebCore } from '../scripts/web-core.mjs';

const root = resolve(import.meta.dirname, '..');
const quick = process.argv.includes('--quick');
const MESSAGES = quick ? 100_000 : 1_000_000;
const IDLE_SECONDS = quick ? 15 : 60;
const ACCOUNT = { username: 'bench-user', apiKey: `bench-${randomUUID()}` };
const report: Record<string, unknown> = { machine: `${process.platform} ${process.arch}, Node ${process.version}`, messages: MESSAGES, at: new Date().toISOString() };
const log = (line: string) => console.log(line);

/** Storage alone: the app's ingestion beside bare inserts of the same rows (no HTTP, no JSON, no validation). */
async function ingest() {
  log('\n1. Ingestion into the cache beside a bare insert loop (the same rows, schema, FTS and indexes)');
  const sim = await startSimulatorProcess(ACCOUNT);
  const rows = quick ? 5_000 : 20_000;
  await sim.control('POST', '/seed-history', { username: ACCOUNT.username, n: rows, conversations: 500 });
  const client = new ClickSendClient({ baseUrl: sim.url, ...ACCOUNT, requestsPerSecond: 1000 });
  const incoming: IncomingMessage[] = [];
  for await (const page of historyOf(SMS, client, {})) incoming.push(...page.map((row) => fromHistory(row)));
  sim.stop();

  // The app's ingestion: dedupe by message_id, the conversation summary, a commit per page of 100.
  const db = openCache(join(mkdtempSync(join(tmpdir(), 'bench-ingest-')), 'cache.sqlite'), accountCacheRules);
  const t0 = performance.now();
  for (let i = 0; i < incoming.length; i += 100) ingestMessages(db, incoming.slice(i, i + 100));
  const appSeconds = (performance.now() - t0) / 1000;

  // The raw limit: one prepared INSERT each, one transaction.
  const raw = openCache(join(mkdtempSync(join(tmpdir(), 'bench-raw-')), 'cache.sqlite'), null);
  const copy = db.prepare('SELECT * FROM messages ORDER BY id').all() as Array<Record<string, unknown>>;
  const conversations = db.prepare('SELECT id, phone FROM conversations').all() as Array<{ id: number; phone: string }>;
  const insertConversation = raw.prepare('INSERT INTO conversations (id, phone) VALUES (?, ?)');
  const insert = raw.prepare(
    `INSERT INTO messages (conversation_id, message_id, custom_string, direction, body, from_number, to_number, status, status_code,
       status_text, created_at, scheduled_at, parts, price, unread)
     VALUES (@conversation_id, @message_id, @custom_string, @direction, @body, @from_number, @to_number, @status, @status_code,
       @status_text, @created_at, @scheduled_at, @parts, @price, @unread)`,
  );
  const t1 = performance.now();
  raw.transaction(() => {
    for (const c of conversations) insertConversation.run(c.id, c.phone);
    for (const row of copy) insert.run(row);
  })();
  const rawSeconds = (performance.now() - t1) / 1000;
  const result = {
    rows: incoming.length,
    ingestionPerSecond: Math.round(incoming.length / appSeconds),
    bareInsertPerSecond: Math.round(copy.length / rawSeconds),
    ratio: round(incoming.length / appSeconds / (copy.length / rawSeconds), 2),
    microsecondsPerRow: { ingestion: round((appSeconds * 1e6) / incoming.length, 1), bareInsert: round((rawSeconds * 1e6) / copy.length, 1) },
  };
  log(`   ${result.rows} rows: ingestion ${result.ingestionPerSecond}/s (${result.microsecondsPerRow.ingestion} µs a row), bare inserts ${result.bareInsertPerSecond}/s (${result.microsecondsPerRow.bareInsert} µs), ratio ${result.ratio}`);
  report.ingest = result;
  db.close();
  raw.close();
}

/** A first sign-in over a slow link: 200 ms a request, 25 requests a second (bench/first-sync.ts). */
async function firstSyncs() {
  log(`\n2. First sync at ${LATENCY_MS} ms a request and ${RATE_LIMIT} requests/s (the ceiling: ${RATE_LIMIT * 100} messages/s)`);
  const results = [];
  for (const rows of quick ? [20_000] : [20_000, 200_000]) {
    const r = await firstSync(rows);
    results.push(r);
    log(`   ${r.rows.toLocaleString()} messages in ${r.seconds} s: ${r.messagesPerSecond}/s (${r.ratioToCeiling} of the ceiling); newest conversation at the top after ${r.newestConversationSeconds} s; ${r.peakInFlight} requests in flight at most, ${r.rateLimited} answered 429; every row once: ${r.storedOnce ? 'yes' : 'NO'}`);
  }
  report.firstSync = results;
}

async function client() {
  log('\n9. Paging 10,000 history rows: this app’s client beside the official SDK (alternated, medians)');
  // In a fresh process of its own: this one's heap (a million rows built, a browser driven) would tax both clients' GC.
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/client.ts'], { cwd: root });
  const r = JSON.parse(stdout.trim().split('\n').pop()!) as ClientResult;
  log(`   ours ${r.oursPerSecond} rows/s (validated, pages asked ahead), SDK ${r.sdkPerSecond} rows/s: ${r.ratio}×; one page at a time, ours ${r.oursSequentialPerSecond} rows/s; CPU per 10,000 rows ours ${r.cpuMs.ours} ms, SDK ${r.cpuMs.sdk} ms`);
  report.client = r;
}

async function main() {
  mkdirSync(join(root, 'out/bench'), { recursive: true });
  await ingest();
  await firstSyncs();

  log(`\nBuilding the cache: ${MESSAGES.toLocaleString()} messages in 10,000 conversations…`);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-data-'));
  const file = accountCachePath(dataDir, ACCOUNT.username);
  const t0 = performance.now();
  const db = buildDataset({
    file,
    messages: MESSAGES,
    onProgress: (done, total) => {
      if (done % 100_000 === 0) log(`   ${done.toLocaleString()} / ${total.toLocaleString()}`);
    },
  });
  report.dataset = { seconds: round((performance.now() - t0) / 1000, 1), perSecond: Math.round(MESSAGES / ((performance.now() - t0) / 1000)) };
  log(`   built in ${(report.dataset as { seconds: number }).seconds} s`);

  const queries: Record<string, Latency & { hits?: number }> = {};
  log("\n3. Conversation list: first 100 by activity, with unread counts, previews and the filters' counts");
  queries.list = time(() => listConversations(db, 100, 0), 300).latency;
  log('\n4. Opening the 20,000-message conversation: newest 50, then the page before');
  const big = conversationIdForPhone(db, BIG_CONVERSATION_PHONE)!;
  queries.openNewest = time(() => listMessages(db, big, 50), 300).latency;
  const newest = listMessages(db, big, 50);
  queries.openOlder = time(() => listMessages(db, big, 50, { beforeId: newest.at(-1)!.id }), 300).latency;
  log('\n5. Search (FTS5) over the cache');
  const hits = (text: string) => db.prepare('SELECT COUNT(*) FROM messages_fts WHERE messages_fts MATCH ?').pluck().get(ftsQuery(text)) as number;
  for (const [name, text] of [
    ['searchCommon', WORDS.common],
    ['searchRare', WORDS.rare],
    ['searchPhrase', `"${WORDS.phrase}"`],
    ['searchPrefix', WORDS.prefix],
  ] as const) {
    queries[name] = { ...time(() => searchCache(db, text, 50), 100).latency, hits: hits(text) };
  }
  log('\n5b. Find in the 20,000-message conversation (Ctrl+F: common word, rare word, prefix, no hit; and typed letter by letter)');
  const found = findBench(db, big, 300);
  Object.assign(queries, found.queries, { findTyping: found.typing });
  report.find = { all: found.all, typing: found.typing };
  log(`   all four kinds: p50 ${found.all.p50} ms, p95 ${found.all.p95} ms; typed letter by letter: p50 ${found.typing.p50} ms, p95 ${found.typing.p95} ms`);
  report.queries = queries;
  db.close();

  // 5–7: the app itself, in browser mode, on this cache.
  const sim = await startSimulator({ accounts: [ACCOUNT] });
  const service = `ClickSend Inbox bench ${randomUUID()}`;
  await createKeytarStore(service).set(ACCOUNT.username, ACCOUNT.apiKey);
  // No server recorded: the keys count as entered for whichever API the app is started with (the simulator's).
  writeSessionFile(dataDir, { activeAccount: ACCOUNT.username, accounts: [ACCOUNT.username], apiOrigin: null });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  const page = await browser.newPage();
  await buildWebCore();
  log('\n6. Start-up: process start to the conversation list painted (browser mode, Chromium), median of 3');
  const env = { ...process.env, INBOX_DATA_DIR: dataDir, CLICKSEND_API_URL: sim.url, INBOX_WEB_PORT: '0', INBOX_KEYCHAIN_SERVICE: service };
  const launch = async () => {
    const started = performance.now();
    // As `npm run start:web` runs it: the core bundled to JavaScript (built before the clock starts).
    const { child, url } = await launchWebCore('out/web/main.mjs', env, root);
    const ready = performance.now();
    await page.goto(url);
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('option').first().waitFor();
    return { child, ready: ready - started, painted: performance.now() - started };
  };
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const run = await launch();
    runs.push(run);
    if (i < 2) {
      run.child.kill('SIGTERM');
      await new Promise((r) => run.child.once('exit', r));
    }
  }
  const median = [...runs].sort((a, b) => a.painted - b.painted)[1]!;
  const core = runs[2]!.child;
  report.startup = {
    toListPaintedMs: Math.round(median.painted),
    toReadyMs: Math.round(median.ready),
    runsMs: runs.map((r) => Math.round(r.painted)),
  };
  log(`   ${Math.round(median.painted)} ms (core ready at ${Math.round(median.ready)} ms; runs ${runs.map((r) => Math.round(r.painted)).join(', ')} ms)`);

  log('\n7. Memory after the list, the big conversation and a search');
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('option').first().click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(WORDS.common);
  await page.getByRole('region', { name: 'Search results' }).getByRole('button').first().waitFor();
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
  report.memory = { coreRssMb: rssMb(core.pid!), rendererHeapMb: round(heap / 1024 / 1024, 1) };
  log(`   core RSS ${(report.memory as { coreRssMb: number }).coreRssMb} MB, renderer heap ${(report.memory as { rendererHeapMb: number }).rendererHeapMb} MB`);

  log('\n7b. Export of about 100,000 messages (every conversation, last 35 days) from the window: gaps between frames');
  const exported = await exportBench(page);
  report.export = exported;
  log(
    `   ${exported.messages.toLocaleString()} messages in ${exported.seconds} s; frame gaps p95 ${exported.frameGapMs.exportP95} ms, max ${exported.frameGapMs.exportMax} ms (idle: p95 ${exported.frameGapMs.idleP95} ms, max ${exported.frameGapMs.idleMax} ms)`,
  );

  log(`\n8. Idle cost: CPU used by polling over ${IDLE_SECONDS} s with nothing new (window focused)`);
  const cpu0 = cpuSeconds(core.pid!);
  await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
  const idle = cpuSeconds(core.pid!) - cpu0;
  const polls = sim.requests().filter((r) => r.path === '/sms/inbound').length;
  report.idle = { seconds: IDLE_SECONDS, cpuPercentOfOneCore: round((idle / IDLE_SECONDS) * 100, 2), apiRequests: sim.requests().length, polls };
  log(`   ${(report.idle as { cpuPercentOfOneCore: number }).cpuPercentOfOneCore}% of one core`);
  core.kill('SIGTERM');
  await sim.close();

  log('\n8b. A thread of 50 pictures: the click to every picture in view drawn; reopened from the media cache beside the same pictures as bare <img>s');
  const pictures = await picturesBench(await browser.newPage(), join(root, 'out/web/main.mjs'));
  report.pictures = pictures;
  log(
    `   first open ${pictures.firstOpenMs} ms (${pictures.drawn} drawn); reopened p50 ${pictures.reopen.p50} ms, p95 ${pictures.reopen.p95} ms; bare p50 ${pictures.bare.p50} ms: ${pictures.ratio}× the floor`,
  );
  await browser.close();

  await client();

  const syncs = report.firstSync as FirstSyncResult[];
  const first = syncs[0]!;
  const clientRatio = (report.client as { ratio: number }).ratio;
  const targets = {
    firstSync20kSeconds: { value: first.seconds, target: '<= 15 s', met: first.seconds <= 15 },
    newestConversationSeconds: { value: first.newestConversationSeconds, target: '<= 3 s', met: first.newestConversationSeconds <= 3 },
    everyRowOnce: { value: syncs.every((r) => r.storedOnce), target: 'yes', met: syncs.every((r) => r.storedOnce) },
    clientBesideSdk: { value: clientRatio, target: '>= 1 (goal 2)', met: clientRatio >= 1 },
    listP95: { value: queries.list!.p95, target: '<= 2 ms', met: queries.list!.p95 <= 2 },
    openP95: { value: Math.max(queries.openNewest!.p95, queries.openOlder!.p95), target: '< 15 ms', met: Math.max(queries.openNewest!.p95, queries.openOlder!.p95) < 15 },
    searchP95: {
      value: Math.max(...['searchCommon', 'searchRare', 'searchPhrase', 'searchPrefix'].map((k) => queries[k]!.p95)),
      target: '< 50 ms',
      met: Math.max(...['searchCommon', 'searchRare', 'searchPhrase', 'searchPrefix'].map((k) => queries[k]!.p95)) < 50,
    },
    findInThreadP95: { value: found.all.p95, target: '<= 10 ms', met: found.all.p95 <= 10 },
    startupMs: { value: (report.startup as { toListPaintedMs: number }).toListPaintedMs, target: '< 1500 ms', met: (report.startup as { toListPaintedMs: number }).toListPaintedMs < 1500 },
    coreRssMb: { value: (report.memory as { coreRssMb: number }).coreRssMb, target: '< 250 MB', met: (report.memory as { coreRssMb: number }).coreRssMb < 250 },
    rendererHeapMb: { value: (report.memory as { rendererHeapMb: number }).rendererHeapMb, target: '< 150 MB', met: (report.memory as { rendererHeapMb: number }).rendererHeapMb < 150 },
    idleCpuPercent: { value: (report.idle as { cpuPercentOfOneCore: number }).cpuPercentOfOneCore, target: '<= 0.2%', met: (report.idle as { cpuPercentOfOneCore: number }).cpuPercentOfOneCore <= 0.2 },
  };
  report.targets = targets;

  log('\nResult');
  log('| measure | p50 | p95 | hits |');
  log('| --- | --- | --- | --- |');
  for (const [name, l] of Object.entries(queries)) log(`| ${name} | ${l.p50} ms | ${l.p95} ms | ${l.hits ?? ''} |`);
  log('\n| target | value | wanted | met |');
  log('| --- | --- | --- | --- |');
  for (const [name, t] of Object.entries(targets)) log(`| ${name} | ${t.value} | ${t.target} | ${t.met ? 'yes' : 'NO'} |`);
  writeFileSync(join(root, 'out/bench/report.json'), `${JSON.stringify(report, null, 2)}\n`);
  if (!quick) {
    writeChart(join(root, 'docs/bench/latency.svg'), queries);
    const commit = await promisify(execFile)('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).then((r) => r.stdout.trim(), () => null);
    const p95 = (name: string) => queries[name]!.p95;
    appendHistory(join(root, 'docs/bench/history.csv'), {
      date: report.at as string,
      commit,
      machine: report.machine as string,
      messages: MESSAGES,
      list_p95_ms: p95('list'),
      open_p95_ms: p95('openNewest'),
      page_before_p95_ms: p95('openOlder'),
      search_common_p95_ms: p95('searchCommon'),
      search_prefix_p95_ms: p95('searchPrefix'),
      find_p95_ms: found.all.p95,
      startup_ms: (report.startup as { toListPaintedMs: number }).toListPaintedMs,
      core_rss_mb: (report.memory as { coreRssMb: number }).coreRssMb,
      renderer_heap_mb: (report.memory as { rendererHeapMb: number }).rendererHeapMb,
      idle_cpu_percent: (report.idle as { cpuPercentOfOneCore: number }).cpuPercentOfOneCore,
      client_vs_sdk: clientRatio,
      first_sync_20k_s: first.seconds,
      pictures_reopen_p50_ms: pictures.reopen.p50,
    });
  }
  log('\nReport: out/bench/report.json');
}

await main();
