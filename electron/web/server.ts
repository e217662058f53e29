// Browser mode: the same core, the same contract, carried over a WebSocket on
// 127.0.0.1 instead of Electron IPC. A random per-run token (in the printed
// URL) and an Origin check keep other local pages and programs out; a Host
// check keeps out pages that reach 127.0.0.1 by DNS rebinding.
import { randomBytes } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { contentSecurityPolicy } from '../../shared/content-security-policy';
import { contentTypeFor } from '../../shared/content-types';
import type { Logger } from '../core/requests/dispatch';
import type { Inbox } from '../core/inbox';
import { MEDIA_PREFIX, mediaUrls, receivePicture, servePicture } from './media-route';
import { isOwnOrigin, loopbackHost, parseTarget, sameSecret } from './request-checks';

/** Room for the largest request: 200 contacts of an import at their longest fields. */
const SOCKET_MAX_FRAME_BYTES = 4 * 1024 * 1024;

export interface WebServer {
  url: string;
  close(): Promise<void>;
}

export async function startWebServer(options: { inbox: Inbox; port: number; rendererDir: string; log: Logger }): Promise<WebServer> {
  const { inbox, rendererDir, log } = options;
  const token = randomBytes(24).toString('base64url');
  let port = 0;
  inbox.servePicturesAt(mediaUrls(token));

  const http = createServer((req, res) =>
    serveStatic(req, res, rendererDir, port, (target, head) =>
      req.method === 'PUT'
        ? void receivePicture(req, res, target, { inbox, token, ownOrigin: isOwnOrigin(req.headers.origin, port) })
        : void servePicture(res, target, { inbox, token, head }),
    ),
  );
  // A request Node cannot parse (a bad request line, no Host on HTTP/1.1) never reaches the listeners
  // below: Node's default 'clientError' answers it 400 and carries on, as the tests check.
  // Pictures come by the media route, not the socket: the largest frame is a batch of imported contacts.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: SOCKET_MAX_FRAME_BYTES });

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands the socket over with no 'error' listener: a reset while refusing would crash the core.
    socket.on('error', () => socket.destroy());
    const target = parseTarget(req.url);
    if (!target || !req.headers.host) return refuse(socket, '400 Bad Request');
    const allowed =
      loopbackHost(req.headers.host, port) !== null &&
      target.pathname === '/contract' &&
      sameSecret(target.query.get('token') ?? '', token) &&
      isOwnOrigin(req.headers.origin, port);
    if (!allowed) return refuse(socket, '403 Forbidden');
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
  port = (http.address() as AddressInfo).port;
  // After listening, a server error (out of file descriptors while accepting) is logged, not a crash.
  http.on('error', (error) => log.warn(`browser mode: ${(error as { code?: string }).code ?? error.message}`));
  const origin = `http://127.0.0.1:${port}`;
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

/** A raw answer on an upgrade's socket, which no HTTP response owns. */
function refuse(socket: Duplex, status: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function answerPlain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain', Connection: 'close' }).end(text);
}

type Target = NonNullable<ReturnType<typeof parseTarget>>;

function serveStatic(req: IncomingMessage, res: ServerResponse, root: string, port: number, pictures: (target: Target, head: boolean) => void): void {
  const target = parseTarget(req.url);
  // HTTP/1.1 requires a Host, and a missing one is a 400. A Host naming anything else gets 421
  // (Misdirected Request: this server does not answer for that name), whatever rebound it here.
  if (!target || !req.headers.host) return answerPlain(res, 400, 'Bad request');
  const host = loopbackHost(req.headers.host, port);
  if (!host) return answerPlain(res, 421, 'This server answers only as 127.0.0.1 or localhost');
  const media = target.pathname.startsWith(MEDIA_PREFIX);
  if (req.method !== 'GET' && req.method !== 'HEAD' && !(media && req.method === 'PUT')) {
    res.writeHead(405).end();
    return;
  }
  if (media) return pictures(target, req.method === 'HEAD');
  const relative = normalize(target.pathname === '/' ? 'index.html' : target.pathname.slice(1));
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
  // The socket by the name this page was asked for: the bridge connects to its own page's host.
  const policy = browserModePolicy(`ws://${host}`);
  const headers = {
    'Content-Type': contentTypeFor(extname(file)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': policy,
  };
  if (relative === 'index.html') {
    // The page's own policy (the Electron window's, whose only connection is
    // its own origin) gains the one WebSocket browser mode needs.
    // frame-ancestors only works as a header; in a <meta> the browser ignores it and says so.
    const pagePolicy = policy.replace(/; frame-ancestors [^;]*/, '');
    const html = readFileSync(file, 'utf8').replace(/(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/, `$1${pagePolicy}$2`);
    res.writeHead(200, { ...headers, 'Content-Length': Buffer.byteLength(html) });
    res.end(req.method === 'HEAD' ? undefined : html);
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': size });
  if (req.method === 'HEAD') res.end();
  // A file that vanished or became unreadable after the size check ends this response, not the core.
  else createReadStream(file).on('error', () => res.destroy()).pipe(res);
}

/** The Electron window's policy, plus the one WebSocket it needs, and no framing (frame-ancestors last: the page's copy drops it). */
function browserModePolicy(socketOrigin: string): string {
  return [contentSecurityPolicy([socketOrigin]), "frame-ancestors 'none'"].join('; ');
}
