// Redirects from a picture link, over real HTTP on 127.0.0.1: each hop is
// checked before it is requested, so a redirect into another local server
// never reaches it; a chain within the simulator's origin still works, and a
// loop stops with words.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePicture } from '../../../test-support/pictures';
import { openCache, type Db } from '../cache/database';
import { ingestMessages } from '../cache/ingest';
import { replyFrom } from '../../../test-support/replies';
import { MediaCache, PICTURE_WORDS, servedPicture } from './media-cache';
import { accountCacheRules } from '../session/cache-rules';

interface Local {
  server: Server;
  origin: string;
  paths: string[];
  connections: number;
}

/** A server on loopback that answers `route` and records every connection and request. */
async function local(route: (path: string) => { status: number; location?: string; body?: Buffer }): Promise<Local> {
  const server = createServer((req, res) => {
    seen.paths.push(req.url ?? '');
    const { status, location, body } = route(req.url ?? '');
    res.writeHead(status, { ...(location ? { Location: location } : {}), ...(body ? { 'Content-Type': 'image/jpeg' } : {}) });
    res.end(body);
  });
  const seen: Local = { server, origin: '', paths: [], connections: 0 };
  server.on('connection', () => seen.connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  seen.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return seen;
}

describe('media cache: redirects', () => {
  let db: Db;
  let dir: string;
  let jpeg: Buffer;
  let api: Local;
  let other: Local;
  let messages = 0;

  /** A picture message whose link is `url`, shown through a cache that trusts `loopbackOrigin`. */
  const show = async (url: string, loopbackOrigin: string | null = api.origin) => {
    const messageId = `mms-${++messages}`;
    ingestMessages(db, [replyFrom('+61422222222', { messageId, body: 'Picture', createdAt: Date.now(), unread: false, picture: { subject: 'Photo', mediaUrl: url } })]);
    const id = db.prepare<[string], { id: number }>('SELECT id FROM messages WHERE message_id = ?').get(messageId)!.id;
    const media = new MediaCache({ db, dir: join(dir, `cache-${messages}`), limitBytes: () => 1e7, loopbackOrigin });
    const missing = await media.show(id, join(dir, 'outgoing'));
    const file = media.file(id, join(dir, 'outgoing'));
    // What the media route would serve: the type sniffed from the kept file.
    return { src: missing === null && file ? ((await servedPicture(file))?.contentType ?? null) : null, missing };
  };

  beforeEach(async () => {
    db = openCache(':memory:', accountCacheRules);
    dir = mkdtempSync(join(tmpdir(), 'inbox-media-'));
    jpeg = await makePicture('jpeg', 8, 6);
    other = await local(() => ({ status: 200, body: jpeg }));
    // The simulator's origin: its pictures, chains of redirects and redirects elsewhere.
    api = await local((path) => {
      const hops = /^\/hops\/(\d+)$/.exec(path);
      if (hops) return Number(hops[1]) > 0 ? { status: 302, location: `/hops/${Number(hops[1]) - 1}` } : { status: 200, body: jpeg };
      if (path === '/chain') return { status: 301, location: '/chain/2' };
      if (path === '/chain/2') return { status: 307, location: `${api.origin}/chain/3` };
      if (path === '/chain/3') return { status: 308, location: '../hops/0' };
      if (path === '/away') return { status: 302, location: `${other.origin}/stolen.jpg` };
      if (path === '/away-https') return { status: 302, location: `${other.origin.replace('http:', 'https:')}/stolen.jpg` };
      if (path === '/metadata') return { status: 302, location: 'https://169.254.169.254/latest/meta-data/' };
      if (path === '/loop') return { status: 302, location: '/loop' };
      // A picture past the 5 MB the app downloads, sent without a Content-Length (chunked): only reading finds out.
      if (path === '/huge') return { status: 200, body: Buffer.concat([jpeg, Buffer.alloc(6 * 1024 * 1024)]) };
      return { status: 404 };
    });
  });

  afterEach(async () => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
    for (const { server } of [api, other]) await new Promise((resolve) => server.close(resolve));
  });

  it('a redirect from the simulator to another server on this computer is refused before that server hears of it', async () => {
    expect(await show(`${api.origin}/away`)).toEqual({ src: null, missing: PICTURE_WORDS.insecure });
    expect(other.paths).toEqual([]);
    expect(await show(`${api.origin}/away-https`)).toEqual({ src: null, missing: PICTURE_WORDS.internal });
    expect(await show(`${api.origin}/metadata`)).toEqual({ src: null, missing: PICTURE_WORDS.internal });
    expect(other.connections).toBe(0);
    expect(api.paths).toEqual(['/away', '/away-https', '/metadata']);
  });

  it('with an API on the internet, a link to this computer is refused before any request', async () => {
    expect(await show(`${other.origin.replace('http:', 'https:')}/a.jpg`, null)).toEqual({ src: null, missing: PICTURE_WORDS.internal });
    expect(await show(`${other.origin}/a.jpg`, null)).toEqual({ src: null, missing: PICTURE_WORDS.insecure });
    expect(other.connections).toBe(0);
  });

  it('redirects within the simulator’s origin are followed, relative or not, up to five', async () => {
    expect((await show(`${api.origin}/chain`)).src).toBe('image/jpeg');
    expect((await show(`${api.origin}/hops/5`)).src).toBe('image/jpeg');
    expect(api.paths).toEqual(['/chain', '/chain/2', '/chain/3', '/hops/0', '/hops/5', '/hops/4', '/hops/3', '/hops/2', '/hops/1', '/hops/0']);
  });

  it('a picture larger than the app downloads is refused in words, however its size is (not) announced', async () => {
    expect(await show(`${api.origin}/huge`)).toEqual({ src: null, missing: PICTURE_WORDS.tooLarge });
  });

  it('a redirect loop, or a sixth redirect, stops with words', async () => {
    expect(await show(`${api.origin}/loop`)).toEqual({ src: null, missing: PICTURE_WORDS.redirects });
    expect(api.paths).toEqual(Array(6).fill('/loop'));
    expect(await show(`${api.origin}/hops/6`)).toEqual({ src: null, missing: PICTURE_WORDS.redirects });
    expect(api.paths).not.toContain('/hops/0');
  });
});
