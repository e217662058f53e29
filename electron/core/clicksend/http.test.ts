// The client's HTTP exchange against a real local server: answers (plain and
// compressed), time-outs, the caller's abort, a connection dropped mid-answer,
// and nothing left behind on a long-lived caller signal.
import { getEventListeners } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpFailure, httpExchange } from './http';

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/gzip') {
      const body = gzipSync(JSON.stringify({ ok: 'compressed' }));
      res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': body.length }).end(body);
    } else if (req.url === '/stall') {
      // never answered
    } else if (req.url === '/drop') {
      res.writeHead(200, { 'Content-Length': '100' });
      res.write('{"half":', () => req.socket.destroy());
    } else {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ method: req.method, body, gzip: req.headers['accept-encoding'] })));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const exchange = (path: string, extra: Partial<Parameters<typeof httpExchange>[1]> = {}) =>
  httpExchange(new URL(base + path), { method: 'GET', headers: {}, timeoutMs: 2_000, ...extra });

describe('httpExchange', () => {
  it('sends the body, asks for compression, and unpacks a compressed answer', async () => {
    const posted = await exchange('/echo', { method: 'POST', body: '{"a":1}', headers: { 'Content-Type': 'application/json' } });
    expect(JSON.parse(posted.text)).toEqual({ method: 'POST', body: '{"a":1}', gzip: 'gzip, deflate, br' });
    expect(JSON.parse((await exchange('/gzip')).text)).toEqual({ ok: 'compressed' });
  });

  it('says time-out, abort and a dropped connection apart', async () => {
    await expect(exchange('/stall', { timeoutMs: 50 })).rejects.toMatchObject({ reason: 'timeout' });
    const caller = new AbortController();
    const aborted = exchange('/stall', { signal: caller.signal });
    caller.abort();
    await expect(aborted).rejects.toMatchObject({ reason: 'aborted' });
    await expect(exchange('/drop')).rejects.toMatchObject({ reason: 'network', code: 'ECONNRESET' });
    await expect(httpExchange(new URL('http://127.0.0.1:1/'), { method: 'GET', headers: {}, timeoutMs: 2_000 })).rejects.toBeInstanceOf(HttpFailure);
  });

  it('leaves no listener on the caller’s long-lived signal, answered or timed out', async () => {
    const caller = new AbortController();
    for (let i = 0; i < 50; i++) await exchange('/echo', { signal: caller.signal });
    await expect(exchange('/stall', { signal: caller.signal, timeoutMs: 20 })).rejects.toMatchObject({ reason: 'timeout' });
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
  });
});
