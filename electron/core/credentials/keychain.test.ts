// Runs against the real Secret Service that `npm test` starts (GNOME Keyring
// in a private D-Bus session), under a service name of its own.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createKeytarStore, explainKeychainFailure } from './keychain';

describe('keychain (real keytar)', () => {
  const store = createKeytarStore(`ClickSend Inbox test ${randomUUID()}`);

  it('stores, reads and deletes a key', async () => {
    const account = `user-${randomUUID()}@example.com`;
    expect(await store.get(account)).toBeNull();
    await store.set(account, 'secret-key-1');
    expect(await store.get(account)).toBe('secret-key-1');
    await store.set(account, 'secret-key-2');
    expect(await store.get(account)).toBe('secret-key-2');
    expect(await store.delete(account)).toBe(true);
    expect(await store.get(account)).toBeNull();
  });

  it('keeps accounts apart', async () => {
    const a = `a-${randomUUID()}`;
    const b = `b-${randomUUID()}`;
    await store.set(a, 'key-a');
    await store.set(b, 'key-b');
    expect(await store.get(a)).toBe('key-a');
    expect(await store.get(b)).toBe('key-b');
    await store.delete(a);
    await store.delete(b);
  });

  it('names what is missing when no Secret Service runs', () => {
    const error = explainKeychainFailure(new Error('The name org.freedesktop.secrets was not provided by any .service files'));
    expect(error.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(error.action).toMatch(/GNOME Keyring/);
  });
});

describe('native module advice', () => {
  it('names the command to run for a build made for another runtime', async () => {
    const { nativeModuleAdvice } = await import('../native-modules');
    const advice = nativeModuleAdvice(
      new Error("The module 'keytar.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 133."),
    );
    expect(advice).toContain('npm run native:node');
    expect(advice).toContain('npm run native:electron');
    expect(nativeModuleAdvice(new Error('libsecret-1.so.0: cannot open shared object file'))).toContain('npm rebuild');
  });
});
