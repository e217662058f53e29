// The e2e harness: a ClickSend simulator on loopback, the app's core with a
// fresh data folder and its own keychain entry, and a real browser window on
// it. Where the Electron binary exists the window is the real Electron app;
// elsewhere it is browser mode (`electron/web/main.ts`) in Debian's Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { test as base, chromium, _electron, type Browser, type ElectronApplication, type Page } from '@playwright/test';
import type * as Keytar from 'keytar';
import { startSimulator, type Simulator } from '../simulator/server';

export const ACCOUNT = { username: 'e2e-user', apiKey: 'e2e-key-1234' };
const root = join(dirname(new URL(import.meta.url).pathname), '..');

export function electronBinary(): string | null {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const binary = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export const mode: 'electron' | 'browser' = process.env.INBOX_E2E_MODE === 'browser' || !electronBinary() ? 'browser' : 'electron';

export interface InboxApp {
  page: Page;
  simulator: Simulator;
  dataDir: string;
  env: Record<string, string>;
  /** SIGKILLs the app's core (browser mode's core process, or Electron's main process): a crash. */
  killCore(): Promise<void>;
  /** Stops the core and starts it again on the same data (a restart of the app); `meanwhile` runs while it is down. */
  restart(meanwhile?: () => void | Promise<void>): Promise<void>;
  /** ClickSend goes away (connections refused) ... */
  stopSimulator(): Promise<void>;
  /** ... and comes back on the same address, empty but for the account. */
  startSimulatorAgain(): Promise<Simulator>;
  signIn(username?: string, apiKey?: string): Promise<void>;
  /** The window loses the focus to another and gets it back, as when the user was in another app for a while. */
  refocusWindow(): Promise<void>;
  /** Calls the ClickSend API as the dashboard would (another client of the same account); returns `data`. */
  dashboard(method: string, path: string, body?: unknown): Promise<DashboardData>;
}

/** An API answer's `data`: an item, or a page of them in `data`. */
export type DashboardData = Record<string, unknown> & { data?: Array<Record<string, unknown>> };

/** Debian's Chromium (Playwright's own browser download fails on these machines). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Waits for a started process to print `Inbox ready at <url>`. */
export function readyUrl(child: ChildProcess, timeoutMs = 30_000): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Inbox ready at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited (${code}):\n${output}`));
    });
  });
}

/** keytar is optional: without it browser mode stores no key, and Electron keeps its own in an encrypted file. */
function loadKeytar(): typeof Keytar | null {
  try {
    return createRequire(import.meta.url)('keytar') as typeof Keytar;
  } catch {
    return null;
  }
}

/** The accounts holding a key under this keychain service. */
export async function keychainAccounts(service: string): Promise<string[]> {
  return ((await loadKeytar()?.findCredentials(service)) ?? []).map((c) => c.account);
}

/** Deletes every key the test's core stored under its service: the OS keychain outlives the run. */
async function forgetKeys(service: string): Promise<void> {
  for (const account of await keychainAccounts(service)) await loadKeytar()!.deletePassword(service, account);
}

class BrowserModeRunner {
  private core: ChildProcess | null = null;
  private browser: Browser | null = null;
  page!: Page;

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    const url = await this.startCore();
    this.browser ??= await launchChromium();
    // A context of its own (axe-core needs one it can open pages in).
    if (!this.page || this.page.isClosed()) this.page = await (await this.browser.newContext()).newPage();
    await this.page.goto(url);
  }

  private startCore(): Promise<string> {
    const core = spawn(process.execPath, ['--import', 'tsx', 'electron/web/main.ts'], {
      cwd: root,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.core = core;
    return readyUrl(core);
  }

  async stopCore(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const core = this.core;
    if (!core || core.exitCode !== null || core.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      core.once('exit', () => resolve());
      core.kill(signal);
    });
  }

  killCore(): Promise<void> {
    return this.stopCore('SIGKILL');
  }

  /** Chromium here is headless and keeps its pages focused: the page is told it lost the focus, then that it has it back. */
  async refocusWindow(): Promise<void> {
    await this.page.evaluate(() => {
      document.hasFocus = () => false;
      window.dispatchEvent(new Event('blur'));
    });
    await this.page.evaluate(() => {
      delete (document as { hasFocus?: unknown }).hasFocus; // Document.prototype's again: true under Playwright
      window.dispatchEvent(new Event('focus'));
    });
  }

  async close(): Promise<void> {
    await this.stopCore();
    await this.browser?.close();
  }
}

class ElectronRunner {
  private app: ElectronApplication | null = null;
  page!: Page;

  constructor(private readonly env: Record<string, string>) {}

  async start(): Promise<void> {
    this.app = await _electron.launch({
      executablePath: electronBinary()!,
      args: [join(root, 'out/main/index.js')],
      env: { ...process.env, ...this.env } as Record<string, string>,
    });
    this.page = await this.app.firstWindow();
  }

  async stopCore(): Promise<void> {
    await this.app?.close();
    this.app = null;
  }

  async killCore(): Promise<void> {
    const main = this.app?.process();
    this.app = null;
    if (!main || main.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      main.once('exit', () => resolve());
      main.kill('SIGKILL');
    });
  }

  /** The real window's blur and focus, each seen by the page before the next. */
  async refocusWindow(): Promise<void> {
    await this.app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.blur());
    await this.page.waitForFunction(() => !document.hasFocus());
    await this.app!.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.focus());
    await this.page.waitForFunction(() => document.hasFocus());
  }

  close(): Promise<void> {
    return this.stopCore();
  }
}

export const test = base.extend<{ app: InboxApp; coreEnv: Record<string, string> }>({
  /** Extra environment for the app's core (e.g. no D-Bus session: no keychain). */
  coreEnv: [{}, { option: true }],
  app: async ({ coreEnv }, use) => {
    let simulator = await startSimulator({ accounts: [{ ...ACCOUNT, balance: 50 }] });
    const port = Number(new URL(simulator.url).port);
    const dataDir = mkdtempSync(join(tmpdir(), 'inbox-e2e-'));
    const env = {
      CLICKSEND_API_URL: simulator.url,
      INBOX_DATA_DIR: dataDir,
      INBOX_WEB_PORT: '0',
      // Each test has keychain entries of its own.
      INBOX_KEYCHAIN_SERVICE: `ClickSend Inbox e2e ${randomUUID()}`,
      INBOX_SYNC_INTERVAL_MS: '1000',
      ...coreEnv,
    };
    const runner = mode === 'electron' ? new ElectronRunner(env) : new BrowserModeRunner(env);
    await runner.start();
    const app: InboxApp = {
      get page() {
        return runner.page;
      },
      get simulator() {
        return simulator;
      },
      dataDir,
      env,
      stopSimulator: () => simulator.close(),
      startSimulatorAgain: async () => {
        simulator = await startSimulator({ port, accounts: [{ ...ACCOUNT, balance: 50 }] });
        return simulator;
      },
      killCore: () => runner.killCore(),
      restart: async (meanwhile) => {
        await runner.stopCore();
        await meanwhile?.();
        await runner.start();
      },
      dashboard: async (method, path, body) => {
        const response = await fetch(`${simulator.url}${path}`, {
          method,
          headers: {
            Authorization: `Basic ${Buffer.from(`${ACCOUNT.username}:${ACCOUNT.apiKey}`).toString('base64')}`,
            'Content-Type': 'application/json',
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return ((await response.json()) as { data: DashboardData }).data;
      },
      refocusWindow: () => runner.refocusWindow(),
      signIn: async (username = ACCOUNT.username, apiKey = ACCOUNT.apiKey) => {
        await runner.page.getByLabel('API username').fill(username);
        await runner.page.getByLabel('API key').fill(apiKey);
        await runner.page.getByRole('button', { name: 'Sign in' }).click();
      },
    };
    await use(app);
    try {
      await runner.close();
      await forgetKeys(env.INBOX_KEYCHAIN_SERVICE);
    } finally {
      await simulator.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

/**
 * A conversation row's title inside the row: the one place the specs name it by its class, since the row's
 * accessible name is all it shows (title, time, preview, status) run together.
 */
export const ROW_TITLE = '.title';

/** The app's landmarks, named once for every spec. */
export const ui = {
  list: (page: Page) => page.getByRole('navigation', { name: 'Conversations' }),
  /** A conversation's row, by its title exactly (a string), or a title matching a pattern. */
  row: (page: Page, title: string | RegExp) =>
    ui.list(page).getByRole('option').filter({ has: page.locator(ROW_TITLE).getByText(title, { exact: true }) }),
  /** Every row's title, top to bottom (undefined for a row still loading). */
  rowTitles: (page: Page) => ui.list(page).getByRole('option').evaluateAll((rows, title) => rows.map((row) => row.querySelector(title)?.textContent), ROW_TITLE),
  /** The focused element's row title, if it is a row, and its place in the list (aria-posinset). */
  focusedRow: (page: Page) =>
    page.evaluate((title) => ({ name: document.activeElement?.querySelector(title)?.textContent, at: Number(document.activeElement?.getAttribute('aria-posinset')) }), ROW_TITLE),
  thread: (page: Page) => page.getByRole('region', { name: 'Messages' }),
  composer: (page: Page) => page.getByRole('textbox', { name: 'Message' }),
  section: (page: Page, name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name }),
  searchResults: (page: Page) => page.getByRole('region', { name: 'Search results' }),
};

export { expect } from '@playwright/test';
