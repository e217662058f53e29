// `npm run demo` makes a throw-away cache; stopping it (Ctrl+C in its terminal,
// or SIGTERM) removes it, after the core has closed the demo account's database.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { contractUrl, killDemo, openSocket, request, startDemo, type DemoProcess } from '../test-support/browser-mode';

let demo: DemoProcess | undefined;
let cache: string | undefined;

async function startSignedIn(): Promise<{ demo: DemoProcess; cache: string }> {
  demo = await startDemo({});
  cache = /cache in (\S+) \(removed when the demo stops\)/.exec(demo.output())?.[1];
  if (!cache) throw new Error(`the demo did not say where its cache is:\n${demo.output()}`);
  // Signed in, so the account's SQLite cache is open when the signal comes.
  const ws = await openSocket(contractUrl(demo.url), demo.url.origin);
  expect(await request(ws, { id: 1, name: 'session.signInDemo', params: {} })).toMatchObject({ reply: { ok: true } });
  ws.close();
  expect(readdirSync(cache)).toContain('accounts');
  return { demo, cache };
}

describe('npm run demo', () => {
  afterEach(() => {
    killDemo(demo);
    if (cache) rmSync(cache, { recursive: true, force: true });
    demo = cache = undefined;
  });

  it('removes its cache when stopped with SIGTERM', async () => {
    const started = await startSignedIn();
    started.demo.child.kill('SIGTERM');
    expect(await started.demo.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(started.cache)).toBe(false);
  }, 40_000);

  it('removes its cache on Ctrl+C, even pressed again while it closes', async () => {
    const started = await startSignedIn();
    // Ctrl+C signals every process of the terminal's group; start-web.mjs (and npm) pass it on again.
    const group = -started.demo.child.pid!;
    process.kill(group, 'SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 10));
    process.kill(group, 'SIGINT');
    // 0: the core closed its database and exited by itself; a repeated signal did not cut that short.
    expect(await started.demo.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(started.cache)).toBe(false);
  }, 40_000);
});
