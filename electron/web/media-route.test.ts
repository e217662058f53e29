// Browser mode's media route over real HTTP, with a signed-in core whose
// picture came from the simulator: served by id only with the token and a
// Host naming this server, typed by its bytes; no other id, however written.
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract';
import { pageFolder, rawStatus } from '../../test-support/browser-mode';
import { until, value } from '../../test-support/core';
import { useInboxFixture } from '../../test-support/inbox-fixture';
import type { Inbox } from '../core/inbox';
import { consoleLogger } from '../core/log';
import { makePicture } from '../../test-support/pictures';
import { startWebServer, type WebServer } from './server';

const ACCOUNT = { username: 'media-route-user', apiKey: `key-${randomUUID()}` };

describe('browser mode’s media route', () => {
  const fixture = useInboxFixture('inbox-media-route-');
  let origin: string;
  let port: number;
  let token: string;
  /** The src the core handed over for the picture. */
  let src: string;
  let mediaDir: string;
  let server: WebServer;
  let rendererDir: string;
  let inbox: Inbox;

  beforeEach(async () => {
    const sim = await fixture.simulator({ accounts: [{ ...ACCOUNT, balance: 20 }] });
    sim.seedMms({ username: ACCOUNT.username, to: '+61422222222', subject: 'Your parcel', body: 'Here it is' });
    inbox = await fixture.inbox({ apiUrl: sim.url });
    rendererDir = pageFolder();
    server = await startWebServer({ inbox, port: 0, rendererDir, log: consoleLogger });
    origin = new URL(server.url).origin;
    port = Number(new URL(server.url).port);
    token = new URL(server.url).searchParams.get('token')!;
    value(await inbox.dispatch('session.signIn', ACCOUNT));
    const [conversation] = await until(
      async () => value<Result<'conversations.list'>>(await inbox.dispatch('conversations.list', { limit: 10 })).items,
      (items) => items[0]?.lastIsPicture === true,
    );
    const [picture] = value<Result<'messages.list'>>(await inbox.dispatch('messages.list', { conversationId: conversation!.id, limit: 10 }));
    src = value<Result<'pictures.show'>>(await inbox.dispatch('pictures.show', { id: picture!.id })).src!;
    mediaDir = join(fixture.dataDir, 'accounts');
  });

  afterEach(async () => {
    await server.close();
    rmSync(rendererDir, { recursive: true, force: true });
  });

  const get = (path: string) => fetch(new URL(path, origin));

  it('serves the cached picture by id with its sniffed type, not stored, to the token only', async () => {
    expect(src).toMatch(new RegExp(`^/media/\\d+\\?token=${token}$`));
    const served = await get(src);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('cache-control')).toBe('no-store');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = Buffer.from(await served.arrayBuffer());
    const kept = findFiles(mediaDir).filter((f) => f.endsWith('.jpeg'));
    expect(kept.map((f) => readFileSync(f))).toContainEqual(bytes);

    const path = src.replace(/\?.*/, '');
    expect((await get(path)).status).toBe(403);
    expect((await get(`${path}?token=${token.slice(1)}x`)).status).toBe(403);
    expect((await get(`${path}?token=`)).status).toBe(403);
  });

  it('takes a picture being attached by PUT from the page only (token and its own Origin), streamed to the core; one cut short is said in words', async () => {
    const jpeg = await makePicture('jpeg', 40, 30);
    const attach = async (name: string, size: number) => value<Result<'pictures.attach'>>(await inbox.dispatch('pictures.attach', { name, size }));
    const put = (url: string, headers: Record<string, string>, body: Buffer = jpeg) => fetch(new URL(url, origin), { method: 'PUT', body: new Uint8Array(body), headers });
    const own = { Origin: origin };

    const { attachmentId, uploadUrl } = await attach('shelf.jpg', jpeg.length);
    expect(uploadUrl).toBe(`/media/${attachmentId}?token=${token}`);
    expect((await put(uploadUrl, {})).status).toBe(403); // no Origin: not the page
    expect((await put(uploadUrl, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await put(uploadUrl.replace(token, `${token.slice(1)}x`), own)).status).toBe(403);
    expect((await put(uploadUrl, own)).status).toBe(204);
    expect((await put(uploadUrl, own)).status).toBe(404); // taken once
    const prepared = value<Result<'pictures.prepare'>>(await inbox.dispatch('pictures.prepare', { attachmentId }));
    expect(Buffer.from(await (await get(prepared.preview!)).arrayBuffer())).toEqual(jpeg);

    // The connection drops after 100 of the bytes announced.
    const cut = await attach('cut.jpg', jpeg.length);
    const head = `PUT ${cut.uploadUrl} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin}\r\nContent-Length: ${jpeg.length}\r\n\r\n`;
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(Buffer.concat([Buffer.from(head), jpeg.subarray(0, 100)]), () => socket.destroy()));
      socket.on('close', () => resolve());
    });
    // The server carries on; whether the cut reached the route yet or not, the core says the same.
    expect((await get(src)).status).toBe(200);
    expect(await inbox.dispatch('pictures.prepare', { attachmentId: cut.attachmentId })).toMatchObject({ ok: false, error: { code: 'PICTURE_INCOMPLETE', message: '“cut.jpg” did not reach the app whole.' } });
  });

  it('refuses a Host that is not this server’s, an unknown id, and every path-like id', async () => {
    const path = src.replace(/\?.*/, '');
    const raw = (target: string, host = `127.0.0.1:${port}`) => rawStatus(port, `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    expect(await raw(src)).toBe(200);
    expect(await raw(src, `localhost:${port}`)).toBe(200);
    expect(await raw(src, `evil.example:${port}`)).toBe(421);

    writeFileSync(join(fixture.dataDir, 'secret.jpeg'), readFileSync(findFiles(mediaDir).find((f) => f.endsWith('.jpeg'))!));
    const withToken = (id: string) => `/media/${id}?token=${token}`;
    for (const id of [
      '999999',
      '0',
      `${path.slice('/media/'.length)}.jpeg`,
      '../secret.jpeg',
      '..%2fsecret.jpeg',
      '%2e%2e%2fsecret.jpeg',
      '%2e%2e/%2e%2e/secret.jpeg',
      `${encodeURIComponent(join(fixture.dataDir, 'secret.jpeg'))}`,
      `%2F${join(fixture.dataDir, 'secret.jpeg').slice(1)}`,
      readdirSync(mediaDir)[0]!,
      '00000000-0000-0000-0000-000000000000',
    ]) {
      const answer = await get(withToken(id));
      expect([id, answer.status]).toEqual([id, 404]);
      expect(answer.headers.get('content-type'), id).not.toMatch(/^image\//);
    }
  });
});

function findFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
