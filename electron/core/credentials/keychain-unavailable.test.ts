// With no Secret Service reachable, signing in must say what is missing and
// store the key nowhere. Run in a child process whose D-Bus address leads
// nowhere, so the real keytar meets a real missing keychain.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../simulator/server';
import { createKeytarStore } from './keychain';

const root = resolve(import.meta.dirname, '../../..');

describe('sign-in without a keychain', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = await startSimulator({ accounts: [{ username: 'u', apiKey: 'key-that-must-not-leak' }] });
  });
  afterEach(() => sim.close());

  it('refuses with plain words naming the Secret Service, and writes the key nowhere', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'inbox-nokeychain-'));
    const script = join(dataDir, 'sign-in.mts');
    writeFileSync(
      script,
      `import { Inbox } from ${JSON.stringify(join(root, 'electron/core/inbox'))};
       import { createKeytarStore } from ${JSON.stringify(join(root, 'electron/core/credentials/keychain'))};
       import { consoleLogger } from ${JSON.stringify(join(root, 'electron/core/log'))};
       const inbox = new Inbox({ config: { apiUrl: ${JSON.stringify(sim.url)}, dataDir: ${JSON.stringify(dataDir)} }, secrets: createKeytarStore(), log: consoleLogger });
       await inbox.start();
       const reply = await inbox.dispatch('session.signIn', { username: 'u', apiKey: 'key-that-must-not-leak' });
       // Only the outcome is printed: the reply is what is checked for the key, not a channel for it.
       const leaked = JSON.stringify(reply).includes('key-that-must-not-leak');
       console.log(JSON.stringify(reply.ok ? { ok: true, leaked } : { ok: false, leaked, error: { code: reply.error.code, action: reply.error.action } }));
       await inbox.stop();`,
    );
    // Asynchronous: the simulator answers from this process's event loop.
    const result = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' },
    });
    const reply = JSON.parse(result.stdout.trim().split('\n').pop()!);
    expect(reply).toMatchObject({ ok: false, leaked: false, error: { code: 'KEYCHAIN_UNAVAILABLE', action: expect.stringMatching(/Secret Service/) } });
    expect(result.stdout + result.stderr).not.toContain('key-that-must-not-leak');
    for (const file of readdirSync(dataDir, { recursive: true }) as string[]) {
      if (file.endsWith('.mts')) continue;
      expect(readFileSync(join(dataDir, file), 'latin1')).not.toContain('key-that-must-not-leak');
    }
  });
});

describe('keytar skipped by npm install (no libsecret headers on the machine)', () => {
  it('says what to install, only when the keychain is needed', async () => {
    // A real module lookup from a folder where keytar is not installed, as after `npm install` skipped it.
    const elsewhere = createRequire(join(mkdtempSync(join(tmpdir(), 'inbox-no-keytar-')), 'index.js'));
    const store = createKeytarStore('ClickSend Inbox test', elsewhere);
    await expect(store.get('u')).rejects.toMatchObject({
      userError: { code: 'KEYCHAIN_MODULE_MISSING', action: expect.stringContaining('libsecret-1-dev') },
    });
    await expect(store.set('u', 'secret')).rejects.toMatchObject({ userError: { code: 'KEYCHAIN_MODULE_MISSING' } });
  });
});
