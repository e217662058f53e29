// Browser mode's media route: GET /media/<id>?token=… serves a picture the core
// has, by id (Inbox.picture); PUT streams to the core the picture being
// attached under that id (Inbox.receivePicture). An <img> cannot send headers, so the per-run
// token rides in the query, as it does for the socket; a cookie would not do:
// cookies ignore the port, so every other server on 127.0.0.1 would get it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Inbox } from '../core/inbox';
import { PICTURE_RECEIPTS, type PictureReceipt } from '../core/pictures/attachments';
import { sameSecret } from './request-checks';

export const MEDIA_PREFIX = '/media/';

/** How the page names a picture: the core hands these URLs over (pictures.show, pictures.attach, pictures.prepare). */
export function mediaUrls(token: string): (id: string) => string {
  return (id) => `${MEDIA_PREFIX}${encodeURIComponent(id)}?token=${token}`;
}

/** After the Host and method checks: the token, then the id, which the core looks up (never a path). */
export async function servePicture(
  res: ServerResponse,
  target: { pathname: string; query: URLSearchParams },
  options: { inbox: Inbox; token: string; head: boolean },
): Promise<void> {
  if (!sameSecret(target.query.get('token') ?? '', options.token)) return answer(res, 403, 'Forbidden');
  // A cache closed by a sign-out mid-request is a picture no longer here.
  const picture = await options.inbox.picture(target.pathname.slice(MEDIA_PREFIX.length)).catch(() => null);
  if (!picture) return answer(res, 404, 'Not found');
  res.writeHead(200, {
    'Content-Type': picture.contentType,
    'Content-Length': picture.bytes.length,
    // The same id is another picture in another account.
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'",
  });
  res.end(options.head ? undefined : picture.bytes);
}

/** After the Host check: the token and the page's own Origin (a fetch PUT always sends one), then the body, streamed to the core. */
export async function receivePicture(
  req: IncomingMessage,
  res: ServerResponse,
  target: { pathname: string; query: URLSearchParams },
  options: { inbox: Inbox; token: string; ownOrigin: boolean },
): Promise<void> {
  if (!options.ownOrigin || !sameSecret(target.query.get('token') ?? '', options.token)) {
    req.resume(); // read and dropped, so the answer is not lost to a reset
    return answer(res, 403, 'Forbidden');
  }
  const receipt = await options.inbox.receivePicture(target.pathname.slice(MEDIA_PREFIX.length), req).catch((): PictureReceipt => 'incomplete');
  // Refused mid-body: the rest is dropped, not read into memory; the connection closes after the answer.
  if (!req.complete) res.shouldKeepAlive = false;
  const [status, text] = PICTURE_RECEIPTS[receipt];
  if (status === 204) res.writeHead(204).end();
  else answer(res, status, text);
}

function answer(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
}
