// The fixture leaves nothing behind: the OS keychain outlives the test run,
// so a key set during a test must be gone after it. The second test looks at
// what the first left (tests in a file run in order).
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SecretStore } from '../electron/core/credentials/keychain';
import type { Inbox } from '../electron/core/inbox';
import type { Simulator } from '../simulator/server';
import { value } from './core';
import { useInboxFixture } from './inbox-fixture';

const ACCOUNT = { username: 'fixture-user', apiKey: `key-${randomUUID()}` };

describe('useInboxFixture', () => {
  const fixture = useInboxFixture('inbox-fixture-');
  let left: { keychain: SecretStore; sim: Simulator; inbox: Inbox } | null = null;

  it('an Inbox signed in keeps its key in the test’s own keychain', async () => {
    const sim = await fixture.simulator({ accounts: [ACCOUNT] });
    const inbox = await fixture.inbox({ apiUrl: sim.url, syncIntervalMs: 60_000 });
    value(await inbox.dispatch('session.signIn', ACCOUNT));
    await fixture.keychain.set('set-by-the-test', 'another-key');
    expect(await fixture.keychain.get(ACCOUNT.username)).toBe(ACCOUNT.apiKey);
    left = { keychain: fixture.keychain, sim, inbox };
  });

  it('after the test every key set is deleted, and its simulator closed', async () => {
    expect(left).not.toBeNull();
    expect(await left!.keychain.get(ACCOUNT.username)).toBeNull();
    expect(await left!.keychain.get('set-by-the-test')).toBeNull();
    await expect(fetch(`${left!.sim.url}/account`)).rejects.toThrow();
  });
});
