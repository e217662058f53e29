#!/usr/bin/env node
// `npm run bench` (not part of `npm test`): the benchmark needs a keychain for
// the start-up measurement, so on Linux it runs inside its own D-Bus session
// with a throw-away GNOME Keyring, like the tests. `--quick` for a small run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
const run = ['node', '--import', 'tsx', 'bench/run.ts', ...args];
let result;
if (process.platform === 'linux' && !process.env.INBOX_TEST_KEYRING) {
  const inner = 'printf inbox-bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec "$@"';
  result = spawnSync('dbus-run-session', ['--', 'sh', '-c', inner, 'bench', ...run], {
    stdio: 'inherit',
    env: { ...process.env, INBOX_TEST_KEYRING: '1', XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'inbox-bench-keyring-')) },
  });
} else {
  result = spawnSync(run[0], run.slice(1), { stdio: 'inherit' });
}
process.exit(result.status ?? 1);
