// The desktop app's key store: safeStorage (the fake's, which encrypts
// reversibly but not in plain text) over files, keys moved from the real
// keytar on the test keyring, and damaged files met with words, not a crash.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/server';
import { createKeytarStore } from '../core/credentials/keychain';
import { Inbox } from '../core/inbox';
import { createLogger } from '../core/log';
import { chooseSecretStore } from './credentials';
import { recorder, resetFakeElectron } from '../../test-support/fake-electron';

vi.mock('electron', () => import('../../test-support/fake-electron'));

const ACCOUNT = { username: `owner-${randomUUID()}@example.com`, apiKey: `key-${randomUUID()}` };

describe('the key store the desktop app chooses', () => {
  let dataDir: string;
  let keytar: ReturnType<typeof createKeytarStore>;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'inbox-keys-'));
    resetFakeElectron(dataDir);
    keytar = createKeytarStore(`ClickSend Inbox test ${randomUUID()}`);
  });

  it('safeStorage where the OS encrypts; keytar where it would be plain text or is missing', () => {
    expect(chooseSecretStore(dataDir, 'linux', keytar).kind).toBe('safeStorage');
    expect(chooseSecretStore(dataDir, 'win32', keytar).kind).toBe('safeStorage');
    recorder.safeStorage.backend = 'basic_text';
    expect(chooseSecretStore(dataDir, 'linux', keytar).kind).toBe('keytar');
    expect(chooseSecretStore(dataDir, 'darwin', keytar).kind).toBe('safeStorage');
    recorder.safeStorage.available = false;
    expect(chooseSecretStore(dataDir, 'darwin', keytar).kind).toBe('keytar');
  });

  it('keeps each key encrypted in a file only its user can read', async () => {
    const { store } = chooseSecretStore(dataDir, 'linux', keytar);
    await store.set(ACCOUNT.username, ACCOUNT.apiKey);
    const [file] = readdirSync(join(dataDir, 'credentials'));
    const path = join(dataDir, 'credentials', file!);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).not.toContain(ACCOUNT.apiKey);
    expect(file).not.toContain('owner');
    expect(await store.get(ACCOUNT.username)).toBe(ACCOUNT.apiKey);
    expect(await store.delete(ACCOUNT.username)).toBe(true);
    expect(await store.get(ACCOUNT.username)).toBeNull();
  });

  it('moves a key found in keytar once: written, read back, then deleted from keytar', async () => {
    await keytar.set(ACCOUNT.username, ACCOUNT.apiKey);
    const { store } = chooseSecretStore(dataDir, 'linux', keytar);
    expect(await store.get(ACCOUNT.username)).toBe(ACCOUNT.apiKey);
    expect(await keytar.get(ACCOUNT.username)).toBeNull();
    expect(readdirSync(join(dataDir, 'credentials'))).toHaveLength(1);
    // From the file from now on, with keytar empty.
    expect(await chooseSecretStore(dataDir, 'linux', keytar).store.get(ACCOUNT.username)).toBe(ACCOUNT.apiKey);
  });

  describe('a damaged or foreign key file', () => {
    let sim: Simulator;
    beforeEach(async () => {
      sim = await startSimulator({ accounts: [ACCOUNT] });
      sim.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Kept through it all' });
    });
    afterEach(() => sim.close());

    it('says so in words, asks to sign in again, and loses no message', async () => {
      const lines: string[] = [];
      const log = createLogger({ error: (...p) => lines.push(p.join(' ')), warn: (...p) => lines.push(p.join(' ')), info: (...p) => lines.push(p.join(' ')) }, true);
      const inboxWith = () => new Inbox({ config: { apiUrl: sim.url, dataDir }, secrets: chooseSecretStore(dataDir, 'linux', keytar, log).store, log });

      const first = inboxWith();
      await first.dispatch('session.signIn', ACCOUNT);
      await first.dispatch('sync.now', {});
      await first.stop();

      const [file] = readdirSync(join(dataDir, 'credentials'));
      writeFileSync(join(dataDir, 'credentials', file!), 'encrypted by another computer');
      const second = inboxWith();
      await second.start();
      const session = await second.dispatch('session.get', {});
      expect(session).toMatchObject({ ok: true, value: { state: 'signed-out', notice: expect.stringMatching(/could not be read.*Sign in again/) } });

      await second.dispatch('session.signIn', ACCOUNT);
      const list = await second.dispatch('conversations.list', { limit: 10, offset: 0, filter: 'all' });
      expect(list).toMatchObject({ ok: true, value: { items: [expect.objectContaining({ lastBody: 'Kept through it all' })] } });
      await second.stop();
      expect(JSON.stringify([lines, session])).not.toContain(ACCOUNT.apiKey);
    });
  });
});
