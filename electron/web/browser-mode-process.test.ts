// Browser mode as `npm run demo` runs it, sent requests no browser would send (a
// page on any web site can send some of them to the fixed port): each is refused,
// and the process is still there afterwards, serving the page and the contract.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badRequests, contractUrl, killDemo, openSocket, pageFolder, rawStatus, request, startDemo, type DemoProcess } from '../../test-support/browser-mode';

describe('browser mode, the process', () => {
  let demo: DemoProcess;
  const page = pageFolder();
  const dataDir = mkdtempSync(join(tmpdir(), 'inbox-web-process-'));

  beforeAll(async () => {
    demo = await startDemo({ INBOX_RENDERER_DIR: page, INBOX_DATA_DIR: dataDir });
  }, 40_000);

  afterAll(() => {
    killDemo(demo);
    for (const folder of [page, dataDir]) rmSync(folder, { recursive: true, force: true });
  });

  it('refuses each malformed or misdirected request and keeps serving the page and the contract', async () => {
    const port = Number(demo.url.port);
    for (const bad of badRequests(port, demo.url.searchParams.get('token')!)) {
      expect({ what: bad.what, status: await rawStatus(port, bad.bytes, bad.reset) }).toEqual({ what: bad.what, status: bad.status });
    }

    expect(demo.child.exitCode).toBeNull();
    const index = await fetch(new URL('/', demo.url));
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Inbox</title>');
    const ws = await openSocket(contractUrl(demo.url), demo.url.origin);
    expect(await request(ws, { id: 1, name: 'session.get', params: {} })).toMatchObject({ id: 1, reply: { ok: true, value: { demoAvailable: true } } });
    ws.close();
  });

  it('stops on SIGTERM and keeps a data folder it was given', async () => {
    demo.child.kill('SIGTERM');
    expect(await demo.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(dataDir)).toBe(true);
  });
});
