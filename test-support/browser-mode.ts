// Test helpers for browser mode: the real process as `npm run demo` starts it,
// a page to serve, the contract over a socket, and raw HTTP no browser would send.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { createKeytarStore } from '../electron/core/credentials/keychain';
import { Inbox } from '../electron/core/inbox';
import { consoleLogger } from '../electron/core/log';
import { startWebServer, type WebServer } from '../electron/web/server';

const root = fileURLToPath(new URL('..', import.meta.url));

/** A stand-in for the built renderer: an index.html with the CSP <meta> the server rewrites. */
export function pageFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'inbox-renderer-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>Inbox</title>`);
  return dir;
}

export interface ServedCore {
  inbox: Inbox;
  server: WebServer;
  /** The core's data folder (removed by close). */
  dataDir: string;
  /** Stops the server and the core, and removes the data folder and `rendererDir`. */
  close(): Promise<void>;
}

/** A signed-out core (no ClickSend behind it) served in browser mode, in-process, from `rendererDir`. */
export async function serveCore(rendererDir: string): Promise<ServedCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'inbox-web-'));
  const inbox = new Inbox({
    config: { apiUrl: 'http://127.0.0.1:9/v3', dataDir },
    secrets: createKeytarStore(`ClickSend Inbox test ${randomUUID()}`),
    log: consoleLogger,
  });
  await inbox.start();
  const server = await startWebServer({ inbox, port: 0, rendererDir, log: consoleLogger });
  return {
    inbox,
    server,
    dataDir,
    close: async () => {
      await server.close();
      await inbox.stop();
      for (const folder of [rendererDir, dataDir]) rmSync(folder, { recursive: true, force: true });
    },
  };
}

export interface DemoProcess {
  /** scripts/start-web.mjs, leading a process group of its own, as a terminal would start it. */
  child: ChildProcess;
  /** The printed `Inbox ready at` URL. */
  url: URL;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * `npm run demo` without npm and without building the renderer; resolves once it prints its URL. One that has not
 * printed it in `startTimeoutMs` is ended, with its whole group, before the promise rejects.
 */
export function startDemo(env: Record<string, string>, startTimeoutMs = 30_000): Promise<DemoProcess> {
  const child = spawn(process.execPath, ['scripts/start-web.mjs', '--demo', '--no-open'], {
    cwd: root,
    env: { ...process.env, INBOX_SKIP_RENDERER_BUILD: '1', INBOX_WEB_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      // Detached, it would outlive the test run.
      killGroup(child);
      reject(new Error(`the demo did not start in ${startTimeoutMs} ms:\n${output}`));
    }, startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /Inbox ready at (\S+)/.exec(output);
      if (!ready) return;
      clearTimeout(timer);
      resolve({ child, url: new URL(ready[1]!), output: () => output, exited });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`the demo exited (${code}):\n${output}`));
    });
  });
}

/** Ends a demo a test left running (a failed test), with its whole group. */
export function killDemo(demo: DemoProcess | undefined): void {
  if (demo) killGroup(demo.child);
}

function killGroup(child: ChildProcess): void {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error; // gone by itself meanwhile
  }
}

/** The socket URL the page would open, from the printed URL. */
export function contractUrl(printed: URL): string {
  return `ws://${printed.host}/contract?token=${printed.searchParams.get('token')}`;
}

export function openSocket(url: string, origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** Sends a contract frame and resolves with the reply carrying its id (events on the way are passed over). */
export function request(ws: WebSocket, frame: { id: number; name: string; params: unknown }): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: unknown) => {
      const answer = JSON.parse(String(data)) as { id?: number };
      if (answer.id !== frame.id) return;
      ws.off('message', onMessage);
      resolve(answer);
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify(frame));
  });
}

/**
 * Sends bytes as they are and resolves with the answer's status code (0 when the connection closed unanswered).
 * `reset` ends the connection with a TCP reset instead of a FIN, as a crashed or hostile client would.
 */
export function rawStatus(port: number, bytes: string, reset = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const settle = () => {
      if (reset) socket.resetAndDestroy();
      else socket.destroy();
      resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(received)?.[1] ?? 0));
    };
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n')) settle();
    });
    socket.on('close', settle);
    socket.on('error', reject);
    socket.write(bytes, 'latin1');
  });
}

interface BadRequest {
  what: string;
  bytes: string;
  status: number;
  reset?: boolean;
}

/** Requests browser mode must answer with a refusal (and then carry on), for a server on `port` with `token`. */
export function badRequests(port: number, token: string): BadRequest[] {
  const own = `127.0.0.1:${port}`;
  const upgrade = (target: string, host: string, origin = `http://${own}`) =>
    `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${origin}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`;
  const get = (target: string, headers: string) => `GET ${target} HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`;
  return [
    { what: 'a byte that is no UTF-8 (%ff)', bytes: get('/%ff', `Host: ${own}\r\n`), status: 400 },
    { what: 'a cut-off escape (%E0%A4%A)', bytes: get('/%E0%A4%A', `Host: ${own}\r\n`), status: 400 },
    { what: 'a NUL in the path', bytes: get('/index.html%00.png', `Host: ${own}\r\n`), status: 400 },
    { what: 'an absolute URL naming another host', bytes: get('http://evil.example/', `Host: ${own}\r\n`), status: 400 },
    { what: 'a request line that is not HTTP', bytes: 'HELLO\r\n\r\n', status: 400 },
    { what: 'no Host (HTTP/1.0)', bytes: 'GET / HTTP/1.0\r\n\r\n', status: 400 },
    { what: 'no Host (HTTP/1.1)', bytes: get('/', ''), status: 400 },
    { what: 'a DNS-rebound Host', bytes: get('/', `Host: evil.example:${port}\r\n`), status: 421 },
    { what: 'a Host without the port', bytes: get('/', 'Host: 127.0.0.1\r\n'), status: 421 },
    { what: 'a Host with another port', bytes: get('/', `Host: 127.0.0.1:${port === 1 ? 2 : port - 1}\r\n`), status: 421 },
    { what: 'an upgrade to //[', bytes: upgrade(`//[?token=${token}`, own), status: 400 },
    { what: 'an upgrade with a bad escape', bytes: upgrade(`/contract%ff?token=${token}`, own), status: 400 },
    { what: 'an upgrade with a DNS-rebound Host', bytes: upgrade(`/contract?token=${token}`, `evil.example:${port}`, `http://evil.example:${port}`), status: 403 },
    { what: 'an upgrade with a wrong Host but our Origin', bytes: upgrade(`/contract?token=${token}`, `evil.example:${port}`), status: 403 },
    { what: 'an upgrade from another origin', bytes: upgrade(`/contract?token=${token}`, own, 'http://evil.example'), status: 403 },
    { what: 'an upgrade without the token', bytes: upgrade('/contract', own), status: 403 },
    { what: 'an upgrade refused, then the connection reset', bytes: upgrade('/contract?token=guess', own), status: 403, reset: true },
  ];
}

/** A valid upgrade by raw bytes, through either name the server answers to. */
export function goodUpgrade(port: number, token: string, name: '127.0.0.1' | 'localhost'): string {
  const host = `${name}:${port}`;
  return (
    `GET /contract?token=${token} HTTP/1.1\r\nHost: ${host}\r\nOrigin: http://${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`
  );
}
