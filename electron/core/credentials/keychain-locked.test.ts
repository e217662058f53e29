// A keychain that is locked when the app starts: on Linux the Secret Service
// then answers a lookup with nothing (as if the key were gone) and refuses
// to store. The app must not call the key deleted or forget the account;
// once the keychain is unlocked, "Continue as" works again.
//
// Run in a child process with its own D-Bus session and gnome-keyring, so
// locking it cannot disturb tests running beside this one.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../simulator/server';

const root = resolve(import.meta.dirname, '../../..');
const KEY = 'key-that-must-not-leak-7f3a';
const LOCK = `dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login`;
// The user unlocking their keychain (what its prompt does, without a display).
const UNLOCK = `/usr/bin/python3 ${join(import.meta.dirname, 'unlock-keyring.fixture.py')} pw`;

describe('a locked keychain', () => {
  let sim: Simulator;
  beforeEach(async () => {
    sim = await startSimulator({ accounts: [{ username: 'u', apiKey: KEY }] });
  });
  afterEach(() => sim.close());

  it('says the keychain may be locked, keeps the account, refuses to store, and works once unlocked', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'inbox-locked-'));
    const script = join(dataDir, 'scenario.mts');
    writeFileSync(
      script,
      `import { execSync } from 'node:child_process';
       import { readdirSync, readFileSync, statSync } from 'node:fs';
       import { join } from 'node:path';
       import { Inbox } from ${JSON.stringify(join(root, 'electron/core/inbox'))};
       import { createKeytarStore } from ${JSON.stringify(join(root, 'electron/core/credentials/keychain'))};
       const dataDir = ${JSON.stringify(dataDir)};
       const make = async () => {
         const inbox = new Inbox({ config: { apiUrl: ${JSON.stringify(sim.url)}, dataDir: join(dataDir, 'app') }, secrets: createKeytarStore('locked-test'), log: { error() {}, warn() {}, info() {} } });
         await inbox.start();
         return inbox;
       };
       const outcome = (reply) => reply.ok ? { state: reply.value.state, notice: reply.value.notice ?? null, savedAccounts: reply.value.savedAccounts ?? null } : { error: reply.error };
       const steps = {};
       let inbox = await make();
       steps.signedIn = outcome(await inbox.dispatch('session.signIn', { username: 'u', apiKey: ${JSON.stringify(KEY)} }));
       await inbox.stop();
       execSync(${JSON.stringify(LOCK)}, { stdio: 'ignore' });
       inbox = await make();
       steps.lockedStart = outcome(await inbox.dispatch('session.get', {}));
       steps.signInWhileLocked = outcome(await inbox.dispatch('session.signIn', { username: 'u', apiKey: ${JSON.stringify(KEY)} }));
       steps.continueWhileLocked = outcome(await inbox.dispatch('accounts.switch', { username: 'u' }));
       execSync(${JSON.stringify(UNLOCK)}, { stdio: 'ignore' });
       steps.continueUnlocked = outcome(await inbox.dispatch('accounts.switch', { username: 'u' }));
       await inbox.stop();
       let files = '';
       for (const f of readdirSync(join(dataDir, 'app'), { recursive: true })) {
         const p = join(dataDir, 'app', f);
         if (statSync(p).isFile()) files += readFileSync(p, 'latin1');
       }
       steps.keyInFiles = files.includes(${JSON.stringify(KEY)});
       steps.keyInReplies = JSON.stringify(steps).includes(${JSON.stringify(KEY)});
       console.log(JSON.stringify(steps));`,
    );
    const inner = `printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "${process.execPath}" --import tsx "${script}"`;
    // Asynchronous: the simulator answers from this process's event loop.
    const result = await promisify(execFile)('dbus-run-session', ['--', 'sh', '-c', inner], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'inbox-locked-keyring-')) },
      timeout: 60_000,
    });
    const steps = JSON.parse(result.stdout.trim().split('\n').at(-1)!);

    expect(steps.signedIn).toMatchObject({ state: 'signed-in' });
    expect(steps.lockedStart).toEqual({
      state: 'signed-out',
      notice: 'The API key for u was not found in the system keychain: the keychain may be locked, or the key was removed. Unlock your keychain and choose Continue as u, or sign in again.',
      savedAccounts: ['u'],
    });
    expect(steps.signInWhileLocked).toEqual({
      error: { code: 'KEYCHAIN_LOCKED', message: 'The system keychain is locked or access was refused.', action: 'Unlock your keychain (or allow ClickSend Inbox when asked), then try again.' },
    });
    expect(steps.continueWhileLocked).toMatchObject({ error: { code: 'KEY_MISSING' } });
    expect(steps.continueUnlocked).toMatchObject({ state: 'signed-in' });
    expect(steps.keyInFiles).toBe(false);
    expect(steps.keyInReplies).toBe(false);
  }, 90_000);
});
