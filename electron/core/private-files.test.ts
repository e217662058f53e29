// The data folder is this user's alone: the core run against the simulator
// (sign in, sync, a text and a picture sent, a picture shown, a setting
// changed) under a permissive umask, then every folder and file looked at.
import { randomUUID } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Result, Session } from '../../shared/contract';
import type { Simulator } from '../../simulator/server';
import { attachPicture, until, value } from '../../test-support/core';
import { useInboxFixture } from '../../test-support/inbox-fixture';
import { usePermissiveUmask } from '../../test-support/umask';
import { createEncryptedFileStore, type OsEncryption } from './credentials/encrypted-file-store';
import type { Inbox } from './inbox';

const ACCOUNT = { username: 'modes-user', apiKey: `key-${randomUUID()}` };
const CUSTOMER = '+61422222222';

/** Stands in for the OS's encryption (Electron's safeStorage): the subject here is the files' modes. */
const encryption: OsEncryption = {
  encryptStringAsync: async (text) => Buffer.from(text).reverse(),
  decryptStringAsync: async (bytes) => ({ result: Buffer.from(bytes).reverse().toString(), shouldReEncrypt: false }),
};

/** Every folder and file under the data folder (itself included), with its mode. */
function modes(dataDir: string): Map<string, string> {
  const found = new Map<string, string>([['.', (lstatSync(dataDir).mode & 0o777).toString(8)]]);
  for (const entry of readdirSync(dataDir, { recursive: true }) as string[]) {
    const path = join(dataDir, entry);
    found.set(relative(dataDir, path), (lstatSync(path).mode & 0o777).toString(8));
  }
  return found;
}

/** Whatever is not 0700 (folders) or 0600 (files). */
function notPrivate(dataDir: string): string[] {
  return [...modes(dataDir)]
    .filter(([path, mode]) => mode !== (lstatSync(join(dataDir, path)).isDirectory() ? '700' : '600'))
    .map(([path, mode]) => `${path} ${mode}`);
}

describe('the data folder is readable by this user only', () => {
  const fixture = useInboxFixture('inbox-modes-');
  let sim: Simulator;
  let dataDir: string;

  const makeInbox = () =>
    fixture.inbox({
      apiUrl: sim.url,
      dataDir,
      secrets: createEncryptedFileStore({ dir: join(dataDir, 'credentials'), encryption }),
      syncIntervalMs: 200,
      clientTimeoutMs: 2000,
    });

  /** What a user does on a first day: sign in, read, reply, send a picture, look at one, change a setting. */
  const useTheApp = async (inbox: Inbox) => {
    value(await inbox.dispatch('session.signIn', ACCOUNT));
    const [conversation] = await until(
      async () => value<Result<'conversations.list'>>(await inbox.dispatch('conversations.list', { limit: 10 })).items,
      (items) => items.length === 1 && items[0]!.lastIsPicture,
    );
    value(await inbox.dispatch('messages.send', { to: CUSTOMER, body: 'Thanks, on its way' }));
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3366cc' } }).jpeg().toBuffer();
    const prepared = value<Result<'pictures.prepare'>>(await attachPicture(inbox, 'shelf.jpg', jpeg));
    value(await inbox.dispatch('messages.send', { to: CUSTOMER, body: 'The blue one', picture: { attachmentId: prepared.attachmentId, subject: 'Photo' } }));
    const thread = value<Result<'messages.list'>>(await inbox.dispatch('messages.list', { conversationId: conversation!.id, limit: 10 }));
    const dashboardPicture = thread.find((m) => m.picture?.subject === 'Your parcel')!;
    expect(value<Result<'pictures.show'>>(await inbox.dispatch('pictures.show', { id: dashboardPicture.id })).src).toBe(`media/${dashboardPicture.id}`);
    expect((await inbox.picture(String(dashboardPicture.id)))?.contentType).toMatch(/^image\//);
    value(await inbox.dispatch('settings.update', { theme: 'dark' }));
  };

  usePermissiveUmask();

  beforeEach(async () => {
    sim = await fixture.simulator({ accounts: [{ ...ACCOUNT, balance: 20 }] });
    sim.injectInbound({ username: ACCOUNT.username, from: CUSTOMER, body: 'Can you send a photo?' });
    sim.seedMms({ username: ACCOUNT.username, to: CUSTOMER, subject: 'Your parcel', body: 'Here it is' });
    // A folder the app makes itself, as on a first start.
    dataDir = join(fixture.dataDir, 'ClickSend Inbox');
  });

  it('every folder it makes is 0700 and every file it writes 0600, whatever the umask', async () => {
    const inbox = await makeInbox();
    await useTheApp(inbox);

    const written = [...modes(dataDir).keys()];
    const account = written.find((p) => p.endsWith('cache.sqlite'))!.replace(/\/cache\.sqlite$/, '');
    // The walk below sees the whole app at work, not an empty folder.
    expect(written).toEqual(
      expect.arrayContaining([
        'settings.json',
        'session.json',
        'credentials',
        `${account}/cache.sqlite`,
        `${account}/cache.sqlite-wal`,
        `${account}/cache.sqlite-shm`,
        `${account}/media/cache`,
        `${account}/media/outgoing`,
      ]),
    );
    expect(written.filter((p) => p.startsWith(`${account}/media/cache/`))).toHaveLength(2);
    expect(written.filter((p) => p.startsWith('credentials/'))).toHaveLength(1);
    expect(notPrivate(dataDir)).toEqual([]);

    await inbox.stop();
    expect(notPrivate(dataDir)).toEqual([]);
  });

  it('a data folder left 0755 with 0644 files by an older version is tightened at start, and the session goes on', async () => {
    const first = await makeInbox();
    await useTheApp(first);
    await first.stop();
    // What an older version left: folders 0755, files 0644, and its log.
    mkdirSync(join(dataDir, 'logs'));
    writeFileSync(join(dataDir, 'logs', 'main.log'), 'an older version’s log\n');
    for (const [path] of modes(dataDir)) {
      const full = join(dataDir, path);
      chmodSync(full, lstatSync(full).isDirectory() ? 0o755 : 0o644);
    }
    expect(notPrivate(dataDir).length).toBeGreaterThan(10);

    const restarted = await makeInbox();
    expect(notPrivate(dataDir)).toEqual([]);
    expect(value<Session>(await restarted.dispatch('session.get', {})).state).toBe('signed-in');
    value(await restarted.dispatch('sync.now', {}));
    expect(notPrivate(dataDir)).toEqual([]);
  });
});
