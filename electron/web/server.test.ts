// Browser mode's transport over a real socket: the token, the Origin and the
// Host are required, the contract round-trips, nothing but the contract answers,
// and no request, however malformed, stops the server.
import { symlinkSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { WebServer } from './server';
import { badRequests, goodUpgrade, openSocket as open, pageFolder, rawStatus, request, serveCore, type ServedCore } from '../../test-support/browser-mode';

describe('browser-mode server', () => {
  let core: ServedCore;
  let server: WebServer;
  let origin: string;
  let socketUrl: string;
  let rendererDir: string;

  beforeEach(async () => {
    rendererDir = pageFolder();
    core = await serveCore(rendererDir);
    server = core.server;
    writeFileSync(join(core.dataDir, 'secret.txt'), 'do not serve');
    const url = new URL(server.url);
    origin = url.origin;
    socketUrl = `ws://${url.host}/contract?token=${url.searchParams.get('token')}`;
  });

  afterEach(() => core.close());

  it('prints a loopback URL carrying a random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
  });

  it('carries the contract over the socket', async () => {
    const ws = await open(socketUrl, origin);
    expect(await request(ws, { id: 1, name: 'session.get', params: {} })).toEqual({
      id: 1,
      reply: { ok: true, value: { state: 'signed-out', notice: null, demoAvailable: false, savedAccounts: [] } },
    });
    expect(await request(ws, { id: 2, name: 'shell.exec', params: {} })).toMatchObject({ id: 2, reply: { ok: false, error: { code: 'UNKNOWN_REQUEST' } } });
    ws.close();
  });

  it('refuses a socket without the token, with a wrong token, or from another origin', async () => {
    const bare = socketUrl.replace(/\?token=.*/, '');
    await expect(open(bare, origin)).rejects.toThrow(/403/);
    await expect(open(`${bare}?token=guess`, origin)).rejects.toThrow(/403/);
    await expect(open(socketUrl, 'http://evil.example')).rejects.toThrow(/403/);
    await expect(open(socketUrl)).rejects.toThrow(/403/);
  });

  it('closes a socket that sends anything but contract frames, and carries on for the next', async () => {
    const closedWith = async (send: (ws: WebSocket) => void) => {
      const ws = await open(socketUrl, origin);
      const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
      send(ws);
      return closed;
    };
    expect(await closedWith((ws) => ws.send(Buffer.from([0xde, 0xad, 0xbe, 0xef]), { binary: true }))).toBe(1003);
    expect(await closedWith((ws) => ws.send('{"id": 1, "name": "session.get"'))).toBe(1007);
    expect(await closedWith((ws) => ws.send('[1, 2, 3]'))).toBe(1007);
    expect(await closedWith((ws) => ws.send(JSON.stringify({ name: 'session.get', params: {} })))).toBe(1007);
    expect(await closedWith((ws) => ws.send('x'.repeat(40 * 1024 * 1024)))).toBe(1009);

    const ws = await open(socketUrl, origin);
    expect(await request(ws, { id: 9, name: 'session.get', params: 'not an object' })).toEqual({
      id: 9,
      reply: { ok: false, error: { code: 'INVALID_REQUEST', message: 'The request was not valid.', action: null } },
    });
    expect(await request(ws, { id: 10, name: 'session.get', params: {} })).toMatchObject({ id: 10, reply: { ok: true } });
    ws.close();
  });

  it('serves the renderer with a strict CSP and nothing outside it', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect((await fetch(`${origin}/..%2fsecret.txt`)).status).toBe(404);
    expect((await fetch(`${origin}/%2e%2e/secret.txt`)).status).toBe(404);
  });

  it('answers each malformed or misdirected request with a refusal, and still serves the page and the contract', async () => {
    const { port, searchParams } = new URL(server.url);
    for (const bad of badRequests(Number(port), searchParams.get('token')!)) {
      expect({ what: bad.what, status: await rawStatus(Number(port), bad.bytes, bad.reset) }).toEqual({ what: bad.what, status: bad.status });
    }
    expect((await fetch(`${origin}/`)).status).toBe(200);
    const ws = await open(socketUrl, origin);
    expect(await request(ws, { id: 1, name: 'session.get', params: {} })).toMatchObject({ id: 1, reply: { ok: true } });
    ws.close();
  });

  it('answers to localhost as well, with that name in the page\'s policy and a socket from that origin', async () => {
    const { port, searchParams } = new URL(server.url);
    // fetch() will not send a Host of its own choosing; node:http will.
    const page = await new Promise<{ status?: number; policy?: string | string[]; body: string }>((resolve, reject) => {
      get(`${origin}/`, { headers: { Host: `LocalHost:${port}` } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode, policy: res.headers['content-security-policy'], body }));
      }).on('error', reject);
    });
    expect(page.status).toBe(200);
    expect(page.policy).toContain(`connect-src 'self' ws://localhost:${port};`);
    expect(page.body).toContain(`connect-src 'self' ws://localhost:${port};`);
    expect(await rawStatus(Number(port), goodUpgrade(Number(port), searchParams.get('token')!, 'localhost'))).toBe(101);
    expect(await rawStatus(Number(port), goodUpgrade(Number(port), searchParams.get('token')!, '127.0.0.1'))).toBe(101);
  });

  // /proc/self/mem is Linux's: a regular file of size 0 whose first read fails (EIO), found by stat, unreadable by the stream.
  it.runIf(process.platform === 'linux')('a file that cannot be read after it was found ends that response only', async () => {
    symlinkSync('/proc/self/mem', join(rendererDir, 'unreadable.js'));
    await expect(fetch(`${origin}/unreadable.js`).then((res) => res.text())).rejects.toThrow();
    expect((await fetch(`${origin}/`)).status).toBe(200);
  });
});
