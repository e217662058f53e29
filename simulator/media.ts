// Stored pictures and GET /_media/<file>: public, unauthenticated URLs like the
// S3 links ClickSend hands out for uploads. Faults whose path names /_media/
// can make them 404, slow, or answer something that is not an image.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultBook } from './faults';
import type { ImageType } from './image-type';
import { CONTENT_TYPES } from './image-type';

export const MEDIA_PREFIX = '/_media/';

export interface StoredMedia {
  username: string;
  bytes: Buffer;
  type: ImageType;
}

export class MediaStore {
  private readonly files = new Map<string, StoredMedia>();

  put(fileName: string, media: StoredMedia): void {
    this.files.set(fileName, media);
  }

  get(fileName: string): StoredMedia | undefined {
    return this.files.get(fileName);
  }

  clear(): void {
    this.files.clear();
  }
}

/** What a misconfigured bucket or a captive portal answers: a web page labelled as a JPEG. */
export const NOT_AN_IMAGE_BODY = Buffer.from(
  '<!DOCTYPE html><html><head><title>Access denied</title></head><body><h1>Access denied</h1>' +
    '<p>You do not have permission to view this file.</p></body></html>',
);

const CORS = { 'Access-Control-Allow-Origin': '*' };

function writeText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'text/plain', 'Content-Length': String(Buffer.byteLength(text)), ...CORS, ...headers });
  res.end(text);
}

function writeBytes(req: IncomingMessage, res: ServerResponse, contentType: string, bytes: Buffer): void {
  res.writeHead(200, { 'Content-Type': contentType, 'Content-Length': String(bytes.length), ...CORS });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

/**
 * Answers GET/HEAD /_media/<file>. Not an API request: no auth, no rate limit,
 * no latency, not in requests() or arrivals().
 */
export async function serveMedia(
  core: { faults: FaultBook; media: MediaStore; sleep(ms: number): Promise<void> },
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  isClosed: () => boolean,
): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    writeText(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const fault = core.faults.take(method, pathname, undefined, 'media');
  const stored = core.media.get(decodeURIComponent(pathname.slice(MEDIA_PREFIX.length)));
  switch (fault?.kind) {
    case undefined:
      break;
    case '404':
      writeText(res, 404, 'Not Found');
      return;
    case '401':
    case '403':
      writeText(res, fault.kind === '401' ? 401 : 403, fault.kind === '401' ? 'Unauthorized' : 'Forbidden');
      return;
    case 'not-an-image':
    case 'malformed':
    case 'wrong-shape':
      writeBytes(req, res, 'image/jpeg', NOT_AN_IMAGE_BODY);
      return;
    case '500':
      writeText(res, 500, 'Internal Server Error');
      return;
    case '429':
      writeText(res, 429, 'Too Many Requests', { 'Retry-After': String(fault.retryAfter ?? 1) });
      return;
    case 'slow':
      await core.sleep(fault.delayMs ?? 1000);
      if (isClosed()) return;
      break;
    case 'stall':
      return;
    case 'drop':
    case 'drop-after-apply':
    case 'truncated': {
      // Half the picture: 'truncated' ends the response there, the drops cut the connection.
      if (!stored) break;
      const half = stored.bytes.subarray(0, Math.floor(stored.bytes.length / 2));
      if (fault.kind === 'truncated') {
        writeBytes(req, res, CONTENT_TYPES[stored.type], half);
      } else {
        res.writeHead(200, { 'Content-Type': CONTENT_TYPES[stored.type], 'Content-Length': String(stored.bytes.length), ...CORS });
        res.write(half, () => req.socket.destroy());
      }
      return;
    }
  }
  if (!stored) {
    writeText(res, 404, 'Not Found');
    return;
  }
  writeBytes(req, res, CONTENT_TYPES[stored.type], stored.bytes);
}
