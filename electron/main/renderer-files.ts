// What the app:// scheme serves: only files inside the built renderer folder,
// each with its type and the page's Content-Security-Policy, and under
// /media/<id> the pictures the core has, by id (a PUT there streams a picture
// being attached to the core). Plain Node (no `electron`
// import) so it is tested against real folders, and with path.win32 for
// Windows installs.
import { readFile } from 'node:fs/promises';
import path, { type PlatformPath } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { contentTypeFor } from '../../shared/content-types';
import { PICTURE_RECEIPTS, type PictureBody, type PictureReceipt } from '../core/pictures/attachments';

export const APP_SCHEME = 'app';
const APP_HOST = 'inbox';
/** The page the window loads in the built app. */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
const MEDIA_PATH = '/media/';

/** How the page names a picture (the core hands these over): the page's own origin, so img-src 'self' covers it. */
export function appMediaUrl(id: string): string {
  return `${APP_SCHEME}://${APP_HOST}${MEDIA_PATH}${encodeURIComponent(id)}`;
}

/** The core's side of the media route (Inbox.picture, Inbox.receivePicture). */
export interface MediaRoute {
  /** A picture by id; null for an id it does not know. */
  picture(id: string): Promise<{ bytes: Buffer; contentType: string } | null>;
  /** The bytes of a picture being attached under this id. */
  receive(id: string, body: PictureBody): Promise<PictureReceipt>;
}

/** The file an app:// URL names inside `root`, or null for anything else (another host, a way out of the folder). */
export function resolveRendererFile(url: string, root: string, paths: PlatformPath = path): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password) return null;
  // An escaped slash, backslash or NUL only becomes one once decoded, after the URL parser removed dot segments.
  if (/%2f|%5c|%00/i.test(parsed.pathname) || parsed.pathname.includes('\\')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.length === 0) segments.push('index.html');
  // ':' would name a drive or an NTFS stream on Windows; the bundle's names never hold one.
  if (segments.some((s) => s === '.' || s === '..' || /[\\:\0]/.test(s))) return null;
  const file = paths.join(root, ...segments);
  const inside = paths.relative(root, file);
  if (inside === '' || inside.startsWith('..') || paths.isAbsolute(inside)) return null;
  return file;
}

/** The scheme's answer to one request: a picture by id under /media/, else a file of the page. */
export function appResponse(request: Request, root: string, media: MediaRoute): Promise<Response> {
  const id = mediaId(request.url);
  if (id === null) return rendererResponse(request, root);
  return request.method === 'PUT' ? receiveResponse(request, id, media) : pictureResponse(request, id, media);
}

/** A file of the page, or 404 (405 for a method other than GET and HEAD). */
export async function rendererResponse(request: Request, root: string, paths: PlatformPath = path): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  const file = resolveRendererFile(request.url, root, paths);
  if (!file) return plain(404, 'Not found');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return plain(404, 'Not found'); // missing, or a folder
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: headers(contentTypeFor(paths.extname(file))) });
}

/** The raw id after /media/ on the app's own host: the core looks it up (no path is one); undecoded, so an escape is no id. */
function mediaId(url: string): string | null {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (parsed?.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username || parsed.password) return null;
  return parsed.pathname.startsWith(MEDIA_PATH) ? parsed.pathname.slice(MEDIA_PATH.length) : null;
}

async function receiveResponse(request: Request, id: string, media: MediaRoute): Promise<Response> {
  const body = request.body ? Readable.fromWeb(request.body as WebReadableStream<Uint8Array>) : [];
  const [status, text] = PICTURE_RECEIPTS[await media.receive(id, body).catch((): PictureReceipt => 'incomplete')];
  return status === 204 ? new Response(null, { status, headers: headers('text/plain; charset=utf-8') }) : plain(status, text);
}

async function pictureResponse(request: Request, id: string, media: MediaRoute): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  // A cache closed by a sign-out mid-request is a picture no longer here.
  const found = await media.picture(id).catch(() => null);
  if (!found) return plain(404, 'Not found');
  // no-store: the same id is another picture in another account.
  const body = request.method === 'HEAD' ? null : new Uint8Array(found.bytes);
  return new Response(body, { status: 200, headers: { ...headers(found.contentType), 'Cache-Control': 'no-store' } });
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: headers('text/plain; charset=utf-8') });
}

function headers(type: string): Record<string, string> {
  return { 'Content-Type': type, 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
}
