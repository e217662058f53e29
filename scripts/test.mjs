#!/usr/bin/env node
// `npm test`: every check, in order, failing on the first that fails.
// On a fresh Debian machine it first installs the packages the tests need
// (scripts/system-packages.mjs) and builds keytar if `npm install` had to skip
// it. On Linux the keychain tests need a Secret Service: this re-runs itself
// inside a private D-Bus session with an unlocked GNOME Keyring, so the tests
// use a real keychain and never the user's own.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { rerunUnderRuntime } from './node-runtime.mjs';
import { exitAs, runPassingSignals } from './run-passing-signals.mjs';
import { installMissing } from './system-packages.mjs';
import { temporaryFolderForRun } from './temp-folder-per-run.mjs';

// Under Node 22 from the npm registry where the machine's is older (node-runtime.mjs).
await rerunUnderRuntime({ install: true });

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);

function run(title, command, commandArgs, env = process.env) {
  console.log(`\n── ${title}: ${[command, ...commandArgs].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✗ ${title} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${title} (${seconds} s)`);
}

/** Asked in a fresh process: this one remembers a failed lookup even after the package arrives. */
function resolves(name) {
  return spawnSync(process.execPath, ['-e', `require.resolve(${JSON.stringify(name)})`], { stdio: 'ignore' }).status === 0;
}

if (!process.env.INBOX_TEST_KEYRING) {
  if (!installMissing()) process.exit(1);
  // keytar is optional, so `npm install` skipped it on a machine without libsecret's headers; now they are here.
  if (!resolves('keytar')) {
    run('keytar (skipped by npm install)', 'npm', ['install', '--no-fund', '--no-audit', '--no-save']);
    if (!resolves('keytar')) {
      console.error('keytar could not be built, and the keychain tests need it. It needs libsecret-1-dev, python3, make and g++ (see README).');
      process.exit(1);
    }
  }
}

if (!process.env.INBOX_TEST_KEYRING) {
  // One folder for the run's temporary files (TMPDIR, inherited by every check) and the throw-away keyring,
  // removed at the end, passed or failed: whatever a test leaves behind goes with it.
  const runFolder = temporaryFolderForRun();
  process.on('exit', runFolder.teardown);

  if (process.platform === 'linux') {
    // A throw-away keyring folder and password: the user's own keyrings are never touched.
    const keyrings = join(runFolder.folder, 'keyring');
    mkdirSync(keyrings);
    const inner = 'printf inbox-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec node scripts/test.mjs "$@"';
    // This process outlives a Ctrl+C (the checks get it too) or a SIGTERM (passed on), to remove the folder after them.
    const ended = await runPassingSignals('dbus-run-session', ['--', 'sh', '-c', inner, 'test', ...args], {
      env: { ...process.env, INBOX_TEST_KEYRING: '1', XDG_DATA_HOME: keyrings },
    }).catch(() => {
      console.error('npm test needs dbus-run-session and gnome-keyring on Linux (apt-get install dbus gnome-keyring); see README.');
      return { code: 1, signal: null };
    });
    // Now, not on 'exit': a process ended by a signal runs no 'exit' listener.
    runFolder.teardown();
    exitAs(ended);
  }
}

// Native modules built for Electron's ABI cannot load in Node: rebuild them.
for (const name of ['better-sqlite3', 'keytar']) {
  try {
    const mod = require(name);
    if (name === 'better-sqlite3') new mod(':memory:').close();
  } catch (error) {
    if (/NODE_MODULE_VERSION|different Node\.js version/.test(String(error))) {
      console.log(`${name} was built for another runtime (Electron); rebuilding it for Node.`);
      run('native modules for Node', 'npm', ['run', 'native:node']);
    } else {
      console.error(`${name} could not be loaded: ${error instanceof Error ? error.message : error}\nRun: npm rebuild ${name}`);
      process.exit(1);
    }
  }
}

const reports = 'out/test-reports';
mkdirSync(reports, { recursive: true });
const hasElectron = spawnSync(process.execPath, ['scripts/electron-binary.mjs', 'check']).status === 0;

const steps = {
  typecheck: () => run('type check', 'npx', ['tsc', '-b']),
  lint: () => run('lint', 'npx', ['eslint', '--max-warnings', '0', '.']),
  security: () => run('Electron security scan (Electronegativity)', 'node', ['scripts/security-scan.mjs']),
  unit: () =>
    run('unit and integration tests', 'npx', [
      'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`,
    ]),
  e2e: () => {
    if (hasElectron) {
      // The same specs against the real Electron app, with native modules built for it.
      run('Electron build', 'npx', ['electron-vite', 'build']);
      run('native modules for Electron', 'npm', ['run', 'native:electron']);
      try {
        run('end-to-end tests (Electron)', 'npx', ['playwright', 'test']);
      } finally {
        run('native modules for Node', 'npm', ['run', 'native:node']);
      }
    } else {
      run('renderer build', 'npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
      run('end-to-end tests (browser mode in Chromium)', 'npx', ['playwright', 'test']);
    }
  },
};
for (const [name, step] of Object.entries(steps)) if (!only || only === name) step();

// One plain closing line over both runners.
let passed = 0;
let failed = 0;
let skipped = 0;
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const vitest = read(`${reports}/vitest.json`);
if (vitest && (!only || only === 'unit')) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
}
const e2e = read(`${reports}/e2e.json`);
if (e2e && (!only || only === 'e2e')) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected;
  skipped += e2e.stats.skipped;
}
console.log('\nAll checks passed.');
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
