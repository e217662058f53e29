// Browser mode's media route: /media/<id>?token=… serves a picture the core
// has, by id (Inbox.picture). An <img> cannot send headers, so the per-run
// token rides in the query, as it does for the socket; a cookie would not do:
// cookies ignore the port, so every other server on 127.0.0.1 would get it.
import type { ServerResponse } from 'node:http';
import type { Inbox } from '../core/inbox';
import { sameSecret } from './request-checks';

export const MEDIA_PREFIX = '/media/';

/** How the page names a picture: the core hands these URLs over (pictures.show, pictures.prepare). */
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

function answer(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
}
