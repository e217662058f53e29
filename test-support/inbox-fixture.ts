// For core tests end to end: simulators, Inboxes on a fresh data folder, and
// the real keychain under a service name of the test's own. After each test
// every Inbox is stopped, every key set in that keychain deleted (the OS
// keychain outlives the run) and every simulator closed.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createKeytarStore, type SecretStore } from '../electron/core/credentials/keychain';
import { Inbox, type InboxOptions } from '../electron/core/inbox';
import { consoleLogger } from '../electron/core/log';
import { startSimulator, type Simulator, type SimulatorOptions } from '../simulator/server';

/** An Inbox's options; `dataDir` defaults to the test's and `secrets` to its keychain. */
export type InboxParts = Partial<Omit<InboxOptions, 'config'>> & { apiUrl: string; dataDir?: string };

export interface InboxFixture {
  /** This test's data folder, empty at its start. */
  readonly dataDir: string;
  /** The real keychain under this test's own service name. */
  readonly keychain: SecretStore;
  /** A simulator, closed after the test. */
  simulator(options?: SimulatorOptions): Promise<Simulator>;
  /** An Inbox, started; stopped after the test. */
  inbox(parts: InboxParts): Promise<Inbox>;
}

interface TestParts {
  dataDir: string;
  keychain: SecretStore;
  /** Every account a key was set for, to delete after the test. */
  keysSet: Set<string>;
  simulators: Simulator[];
  inboxes: Inbox[];
}

/** A keychain store that remembers which accounts it was given a key for. */
function recordingKeychain(store: SecretStore, keysSet: Set<string>): SecretStore {
  return {
    get: (account) => store.get(account),
    set: (account, secret) => {
      keysSet.add(account);
      return store.set(account, secret);
    },
    delete: (account) => store.delete(account),
  };
}

export function useInboxFixture(folderPrefix: string): InboxFixture {
  let current: TestParts | null = null;
  beforeEach(() => {
    const keysSet = new Set<string>();
    current = {
      dataDir: mkdtempSync(join(tmpdir(), folderPrefix)),
      keychain: recordingKeychain(createKeytarStore(`ClickSend Inbox test ${randomUUID()}`), keysSet),
      keysSet,
      simulators: [],
      inboxes: [],
    };
  });
  afterEach(async () => {
    const test = current;
    current = null;
    if (!test) return;
    try {
      for (const inbox of test.inboxes) await inbox.stop();
    } finally {
      try {
        for (const account of test.keysSet) await test.keychain.delete(account);
      } finally {
        for (const sim of test.simulators) await sim.close();
      }
    }
  });
  const now = (): TestParts => {
    if (!current) throw new Error('useInboxFixture: used outside a test');
    return current;
  };
  return {
    get dataDir() {
      return now().dataDir;
    },
    get keychain() {
      return now().keychain;
    },
    async simulator(options) {
      const sim = await startSimulator(options);
      now().simulators.push(sim);
      return sim;
    },
    async inbox({ apiUrl, dataDir, ...options }) {
      const test = now();
      const inbox = new Inbox({ config: { apiUrl, dataDir: dataDir ?? test.dataDir }, secrets: test.keychain, log: consoleLogger, ...options });
      test.inboxes.push(inbox);
      await inbox.start();
      return inbox;
    },
  };
}
