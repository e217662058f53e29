// Browser mode's media route over real HTTP, with a signed-in core whose
// picture came from the simulator: served by id only with the token and a
// Host naming this server, typed by its bytes; no other id, however written.
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract';
import { pageFolder, rawStatus } from '../../test-support/browser-mode';
import { until, value } from '../../test-support/core';
import { useInboxFixture } from '../../test-support/inbox-fixture';
import { consoleLogger } from '../core/log';
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

  beforeEach(async () => {
    const sim = await fixture.simulator({ accounts: [{ ...ACCOUNT, balance: 20 }] });
    sim.seedMms({ username: ACCOUNT.username, to: '+61422222222', subject: 'Your parcel', body: 'Here it is' });
    const inbox = await fixture.inbox({ apiUrl: sim.url });
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
