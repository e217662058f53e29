// Pictures are fetched by the core, never by the page: the window's
// Content-Security-Policy stays closed to remote images, and a picture seen
// once still shows offline. Each account keeps its pictures in its own media
// folder, indexed in its cache (cache/media.ts), under a size limit: the
// least recently shown go first. A download must be https to the internet,
// checked at every redirect (picture-links.ts), at most MAX_FETCH_BYTES, and
// a picture by its bytes. The page names a picture by id (its message's, or
// an attachment's); the host serves the file by that id, never by a path.
import { createHash } from 'node:crypto';
import { open, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReadableStream as WebStream } from 'node:stream/web';
import type { Db } from '../cache/database';
import { forgetMedia, leastRecentlyUsedMedia, mediaEntry, mediaFiles, mediaTotalBytes, pictureSource, putMedia, touchMedia } from '../cache/media';
import { PastLimit, readAtMost } from './capped-body';
import { linkRefusal } from './picture-links';
import { makePrivateDir, savePrivateFile } from '../private-files';
import { browserShows, CONTENT_TYPES, pictureType } from './picture-types';

export const MAX_FETCH_BYTES = 5 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 20_000;
/** Redirects followed before giving up: a loop, or a chain no picture link needs. */
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** A picture that could not be fetched is not asked for again before this (each render would). */
const RETRY_AFTER_MS = 60_000;

/** A picture as the page's media route serves it: the type is what its bytes are. */
export type ServedPicture = { bytes: Buffer; contentType: string };

/** A picture's id in the page's media URL: a message's row id, or an attachment's UUID. Nothing else (no path) is one. */
export const PICTURE_ID = /^(?:[1-9]\d{0,14}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export const PICTURE_WORDS = {
  offline: 'This picture has not been downloaded yet and ClickSend cannot be reached. It shows once you are back online.',
  gone: 'This picture is no longer available at ClickSend.',
  notPicture: 'ClickSend’s link for this picture did not return a picture.',
  insecure: 'This picture’s link is not secure (not https), so the app does not download it.',
  internal: 'This picture’s link points into this computer or a private network, so the app does not download it.',
  redirects: 'This picture’s link redirects too many times (more than 5), so the app stopped following it.',
  tooLarge: 'This picture is larger than the app downloads (5 MB).',
  heic: 'This HEIC picture cannot be shown here.',
  sending: 'The picture is on its way to ClickSend.',
} as const;

class FetchRefused extends Error {
  constructor(readonly words: string) {
    super(words);
  }
}

export interface MediaCacheOptions {
  db: Db;
  /** The account's media folder. */
  dir: string;
  /** Bytes the folder may hold (from the settings). */
  limitBytes: () => number;
  /** The API's origin when the API runs on this computer (the simulator): the one place plain http and loopback are allowed. */
  loopbackOrigin?: string | null;
  now?: () => number;
}

export class MediaCache {
  private readonly failures = new Map<string, { words: string; at: number }>();
  private readonly fetching = new Map<string, Promise<string | null>>();
  /** Pictures being kept (written, indexed) right now: a show of one waits for it rather than download it. */
  private readonly keeping = new Map<string, Promise<void>>();
  private readonly now: () => number;

  constructor(private readonly options: MediaCacheOptions) {
    this.now = options.now ?? Date.now;
    makePrivateDir(options.dir);
    void this.dropStrayFiles();
  }

  /** Whether a picture message's picture can be shown (fetched first if need be), or why not. */
  async show(messageRowId: number, outgoingDir: string): Promise<string | null> {
    const source = pictureSource(this.options.db, messageRowId);
    if (!source?.isPicture) return 'That message has no picture.';
    if (source.pictureFile) return refusalOfFile(join(outgoingDir, source.pictureFile));
    if (!source.mediaUrl) return PICTURE_WORDS.sending;
    return this.forUrl(source.mediaUrl);
  }

  /** The file holding a picture message's picture, when there is one: what the media route serves. */
  file(messageRowId: number, outgoingDir: string): string | null {
    const source = pictureSource(this.options.db, messageRowId);
    if (!source?.isPicture) return null;
    if (source.pictureFile) return join(outgoingDir, source.pictureFile);
    const entry = source.mediaUrl ? mediaEntry(this.options.db, source.mediaUrl) : null;
    return entry ? join(this.options.dir, entry.file) : null;
  }

  /**
   * A picture we already have (one we sent): kept under its URL and any
   * `alias` (ClickSend's answer may name it differently), no download, then
   * `after` (the sender's tidying). Written off the event loop; a show of
   * either URL asked meanwhile waits for it.
   */
  keep(url: string, bytes: Buffer | Promise<Buffer>, options: { alias?: string | null; after?: () => Promise<void> } = {}): Promise<void> {
    const kept = (async () => {
      const data = await Promise.resolve(bytes).catch(() => null); // unreadable or gone: fetched if ever shown
      if (data) await this.store(url, data);
      if (options.alias) this.alias(options.alias, url);
      await options.after?.();
    })()
      // The account signed out meanwhile (its cache closed), or a file could not be written: nothing more to do.
      .catch(() => undefined);
    const urls = options.alias ? [url, options.alias] : [url];
    for (const each of urls) this.keeping.set(each, kept);
    void kept.then(() => urls.forEach((each) => this.keeping.get(each) === kept && this.keeping.delete(each)));
    return kept;
  }

  private async store(url: string, bytes: Buffer): Promise<void> {
    const type = pictureType(bytes);
    if (!type) return;
    const file = fileFor(url, type);
    await savePrivateFile(join(this.options.dir, file), bytes);
    putMedia(this.options.db, { url, file, bytes: bytes.length, contentType: CONTENT_TYPES[type], usedAt: this.now() });
    await this.evict();
  }

  /** The same picture under a second URL (ClickSend's answer may name the upload differently). */
  alias(url: string, existingUrl: string): void {
    const entry = mediaEntry(this.options.db, existingUrl);
    if (entry && url !== existingUrl) putMedia(this.options.db, { ...entry, url, usedAt: this.now() });
  }

  private async forUrl(url: string): Promise<string | null> {
    await this.keeping.get(url);
    const entry = mediaEntry(this.options.db, url);
    if (entry && (await refusalOfFile(join(this.options.dir, entry.file))) === null) {
      touchMedia(this.options.db, url, this.now());
      return null;
    }
    const failed = this.failures.get(url);
    if (failed && this.now() - failed.at < RETRY_AFTER_MS) return failed.words;
    let pending = this.fetching.get(url);
    if (!pending) {
      pending = this.download(url).finally(() => this.fetching.delete(url));
      this.fetching.set(url, pending);
    }
    return pending;
  }

  private async download(url: string): Promise<string | null> {
    try {
      const bytes = await this.fetchPicture(url);
      this.failures.delete(url);
      await this.store(url, bytes);
      return refusalOf(bytes);
    } catch (error) {
      const words = error instanceof FetchRefused ? error.words : PICTURE_WORDS.offline;
      this.failures.set(url, { words, at: this.now() });
      return words;
    }
  }

  private async fetchPicture(url: string): Promise<Buffer> {
    const response = await this.follow(url);
    if (response.status === 404 || response.status === 403 || response.status === 410) throw new FetchRefused(PICTURE_WORDS.gone);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const type = (response.headers.get('content-type') ?? '').toLowerCase();
    if (type && !type.startsWith('image/') && !type.includes('octet-stream')) throw new FetchRefused(PICTURE_WORDS.notPicture);
    if (Number(response.headers.get('content-length') ?? 0) > MAX_FETCH_BYTES) throw new FetchRefused(PICTURE_WORDS.tooLarge);
    const bytes = await readAtMost((response.body as WebStream<Uint8Array> | null) ?? [], MAX_FETCH_BYTES).catch((error: unknown) => {
      throw error instanceof PastLimit ? new FetchRefused(PICTURE_WORDS.tooLarge) : error;
    });
    if (!pictureType(bytes)) throw new FetchRefused(PICTURE_WORDS.notPicture);
    return bytes;
  }

  /** Redirects followed by hand, each link checked before it is requested: fetch's own following would request it first. */
  private async follow(url: string): Promise<Response> {
    const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
    let link = url;
    for (let redirects = 0; ; redirects++) {
      const refusal = linkRefusal(link, this.options.loopbackOrigin ?? null);
      if (refusal) throw new FetchRefused(PICTURE_WORDS[refusal]);
      const response = await fetch(link, { signal, redirect: 'manual' });
      const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
      if (location === null) return response;
      await response.body?.cancel();
      if (redirects === MAX_REDIRECTS) throw new FetchRefused(PICTURE_WORDS.redirects);
      link = URL.canParse(location, link) ? new URL(location, link).href : location;
    }
  }

  /** Least recently shown first, until the folder is within its limit. */
  private async evict(): Promise<void> {
    const { db, dir } = this.options;
    const limit = this.options.limitBytes();
    while (mediaTotalBytes(db) > limit) {
      const [oldest] = leastRecentlyUsedMedia(db, 1);
      if (!oldest) return;
      if (forgetMedia(db, oldest)) await rm(join(dir, oldest.file), { force: true }).catch(() => undefined);
    }
  }

  /** Files the index does not know (a cache rebuilt after damage): they would never be evicted. */
  private async dropStrayFiles(): Promise<void> {
    const known = mediaFiles(this.options.db);
    for (const name of await readdir(this.options.dir).catch(() => [])) {
      if (!known.has(name) && /^[0-9a-f]{64}\.\w+$/.test(name)) await rm(join(this.options.dir, name), { force: true }).catch(() => undefined);
    }
  }
}

function fileFor(url: string, type: keyof typeof CONTENT_TYPES): string {
  return `${createHash('sha256').update(url).digest('hex')}.${type}`;
}

/** Why these bytes cannot be shown in the page, or null when they can. */
export function refusalOf(bytes: Uint8Array): string | null {
  const type = pictureType(bytes);
  if (!type) return PICTURE_WORDS.notPicture;
  return browserShows(type) ? null : PICTURE_WORDS.heic;
}

/** The same from the file's first bytes only: asked for every picture shown, so it reads no more. */
async function refusalOfFile(path: string): Promise<string | null> {
  try {
    const file = await open(path);
    try {
      const { buffer, bytesRead } = await file.read(Buffer.alloc(16), 0, 16, 0);
      return refusalOf(buffer.subarray(0, bytesRead));
    } finally {
      await file.close();
    }
  } catch {
    return PICTURE_WORDS.offline;
  }
}

/** The file as the page is served it, or null (gone, not a picture, HEIC). */
export async function servedPicture(path: string): Promise<ServedPicture | null> {
  const bytes = await readFile(path).catch(() => null);
  const type = bytes && pictureType(bytes);
  return bytes && type && browserShows(type) ? { bytes, contentType: CONTENT_TYPES[type] } : null;
}
