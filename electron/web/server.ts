// Browser mode: the same core, the same contract, carried over a WebSocket on
// 127.0.0.1 instead of Electron IPC. A random per-run token (in the printed
// URL) and an Origin check keep other local pages and programs out.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { PICTURE_INPUT_MAX_BYTES } from '../../shared/picture-messages';
import type { Logger } from '../core/requests/dispatch';
import type { Inbox } from '../core/inbox';

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export async function startWebServer(options: { inbox: Inbox; port: number; rendererDir: string; log: Logger }): Promise<WebServer> {
  const { inbox, rendererDir, log } = options;
  const token = randomBytes(24).toString('base64url');
  let origin = '';

  const http = createServer((req, res) => serveStatic(req, res, rendererDir, origin));
  // The largest request is a picture being attached (pictures.prepare): base64 of the largest file read, and its frame.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: Math.ceil(PICTURE_INPUT_MAX_BYTES / 3) * 4 + 64 * 1024 });

  http.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname !== '/contract' || !sameSecret(url.searchParams.get('token') ?? '', token) || req.headers.origin !== origin) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws));
  });

  sockets.on('connection', (ws: WebSocket) => {
    // A frame over maxPayload (and other protocol errors) arrive here; ws closes
    // the socket itself. Without a listener they would crash the core.
    ws.on('error', (error) => log.warn(`browser mode: closed a socket (${(error as { code?: string }).code ?? error.message})`));
    ws.on('message', (raw, isBinary) => {
      if (isBinary) return ws.close(1003, 'text only');
      let frame: { id?: unknown; name?: unknown; params?: unknown };
      try {
        frame = JSON.parse(raw.toString()) as typeof frame;
      } catch {
        return ws.close(1007, 'not JSON');
      }
      if (typeof frame !== 'object' || frame === null || typeof frame.id !== 'number') return ws.close(1007, 'bad frame');
      void inbox.dispatch(frame.name, frame.params).then((reply) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: frame.id, reply }));
      });
    });
  });

  const unsubscribe = inbox.onEvent((event) => {
    const data = JSON.stringify({ event: event.name, payload: event.payload });
    for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(data);
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  log.info(`browser mode listening on ${origin}`);

  return {
    url: `${origin}/?token=${token}`,
    close: async () => {
      unsubscribe();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, origin: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405).end();
    return;
  }
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const relative = normalize(pathname === '/' ? 'index.html' : pathname.slice(1));
  const file = join(root, relative);
  if (relative.startsWith('..') || !file.startsWith(root + sep)) {
    res.writeHead(404).end();
    return;
  }
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new Error('not a file');
    size = stat.size;
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  const policy = contentSecurityPolicy(origin.replace(/^http/, 'ws'));
  const headers = {
    'Content-Type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': policy,
  };
  if (relative === 'index.html') {
    // The page's own policy (the Electron window's, with no connections at
    // all) gains the one WebSocket browser mode needs; both policies apply.
    // frame-ancestors only works as a header; in a <meta> the browser ignores it and says so.
    const pagePolicy = policy.replace(/; frame-ancestors [^;]*/, '');
    const html = readFileSync(file, 'utf8').replace(/(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/, `$1${pagePolicy}$2`);
    res.writeHead(200, { ...headers, 'Content-Length': Buffer.byteLength(html) });
    res.end(req.method === 'HEAD' ? undefined : html);
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': size });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
}

/** The same policy as the Electron window, plus the one WebSocket it needs. */
export function contentSecurityPolicy(socketOrigin: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${socketOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
