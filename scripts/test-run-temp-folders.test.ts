// A test run leaves nothing in the system's temporary folder: Vitest (and
// Playwright) put the run's temporary folders in one they remove at the end
// (temp-folder-per-run.mjs), and `npm test` removes its own, keyring included,
// whether the checks pass or fail.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * This run's environment minus what marks a process as a Vitest worker or as
 * inside npm test's keyring session. The Node running the tests is kept: under
 * an older one, npm test would fetch Node 22 and rebuild the native modules in
 * this tree for it (node-runtime.mjs), under the feet of the tests still running.
 */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^VITEST|^INBOX_TEST_KEYRING$/.test(name)));
  return { ...env, INBOX_NODE_RUNTIME: 'system', ...extra };
}

describe('temporary folders of a test run', () => {
  let watched: string;

  afterEach(() => rmSync(watched, { recursive: true, force: true }));

  it('a Vitest run removes the folders its tests leave', () => {
    watched = mkdtempSync(join(tmpdir(), 'inbox-watched-'));
    const record = join(mkdtempSync(join(tmpdir(), 'inbox-left-record-')), 'left.json');
    const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
    // The project's Vitest set-up, running one test that leaves folders and says where.
    const run = spawnSync(process.execPath, [vitest, 'run', '--config', 'test-support/temp-folders-left.vitest.config.ts'], {
      cwd: root,
      env: cleanEnv({ TMPDIR: watched, TMP: watched, TEMP: watched, INBOX_LEFT_FOLDERS_FILE: record }),
      encoding: 'utf8',
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const left = JSON.parse(readFileSync(record, 'utf8')) as string[];
    expect(left.length).toBeGreaterThan(0);
    for (const folder of left) expect(existsSync(folder), folder).toBe(false);
    expect(readdirSync(watched)).toEqual([]);
  }, 60_000);

  it('npm test removes its run folder and keyring, passed or failed', () => {
    watched = mkdtempSync(join(tmpdir(), 'inbox-watched-'));
    // --only=none: no check, only the set-up and the clean-up around them.
    const passed = spawnSync(process.execPath, ['scripts/test.mjs', '--only=none'], { cwd: root, env: cleanEnv({ TMPDIR: watched }), encoding: 'utf8' });
    expect(passed.status, passed.stdout + passed.stderr).toBe(0);
    expect(readdirSync(watched)).toEqual([]);

    // No dbus-run-session on the PATH: the run fails before any check.
    const failed = spawnSync(process.execPath, ['scripts/test.mjs', '--only=none'], {
      cwd: root,
      env: cleanEnv({ TMPDIR: watched, PATH: '/nonexistent' }),
      encoding: 'utf8',
    });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('npm test needs dbus-run-session');
    expect(readdirSync(watched)).toEqual([]);
  }, 60_000);
});
