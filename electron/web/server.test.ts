// Browser mode's transport over a real socket: the token and the Origin are
// required, the contract round-trips, and nothing but the contract answers.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createKeytarStore } from '../core/credentials/keychain';
import { Inbox } from '../core/inbox';
import { consoleLogger } from '../core/log';
import { startWebServer, type WebServer } from './server';

function open(url: string, origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function request(ws: WebSocket, frame: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(String(data))));
    ws.send(JSON.stringify(frame));
  });
}

describe('browser-mode server', () => {
  let server: WebServer;
  let inbox: Inbox;
  let origin: string;
  let socketUrl: string;

  beforeEach(async () => {
    const rendererDir = mkdtempSync(join(tmpdir(), 'inbox-renderer-'));
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Inbox</title>');
    const dataDir = mkdtempSync(join(tmpdir(), 'inbox-web-'));
    writeFileSync(join(dataDir, 'secret.txt'), 'do not serve');
    inbox = new Inbox({
      config: { apiUrl: 'http://127.0.0.1:9/v3', dataDir },
      secrets: createKeytarStore(`ClickSend Inbox test ${randomUUID()}`),
      log: consoleLogger,
    });
    await inbox.start();
    server = await startWebServer({ inbox, port: 0, rendererDir, log: consoleLogger });
    const url = new URL(server.url);
    origin = url.origin;
    socketUrl = `ws://${url.host}/contract?token=${url.searchParams.get('token')}`;
  });

  afterEach(async () => {
    await server.close();
    await inbox.stop();
  });

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
});
