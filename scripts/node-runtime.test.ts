// The Node this app says it needs (package.json's engines) is what its
// packages need, the README names it, and CI and the two commands get it
// where the machine's is older (node-runtime.mjs), without changing the
// machine's own Node.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { neededVersion, runtimeEnv, satisfies } from './node-runtime.mjs';

const require = createRequire(import.meta.url);
const semver = require('semver') as { minVersion(range: string): { version: string } | null; gt(a: string, b: string): boolean };
const read = (file: string) => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');

describe('the Node this app needs', () => {
  it('is at least what every package in the lock file asks for (Electron and its tools, axe: 22.12)', () => {
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { engines?: { node?: string } }> };
    const needed = neededVersion();
    const asksMore = Object.entries(lock.packages)
      .filter(([name, p]) => name !== '' && p.engines?.node)
      .map(([name, p]) => [name, semver.minVersion(p.engines!.node!)?.version ?? '0.0.0'] as const)
      .filter(([, least]) => semver.gt(least, needed));
    expect(needed).toBe('22.12.0');
    expect(asksMore).toEqual([]);
  });

  it('is the one the README names, and CI puts it first on PATH before npm ci', () => {
    const major = neededVersion().split('.')[0];
    const twoCommands = read('README.md').split('## Two commands')[1]!.split('\n## ')[0]!;
    expect(twoCommands).toContain(`Node ${major}.12 or later`);
    expect(twoCommands).not.toMatch(/Node 20\b/);
    const ci = read('.ci/run');
    const runtimeLine = ci.search(/^runtime_env="\$\(node scripts\/node-runtime\.mjs env\)"$/m);
    expect(runtimeLine).toBeGreaterThan(-1);
    expect(runtimeLine).toBeLessThan(ci.search(/^npm ci /m));
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.postinstall).toMatch(/^node scripts\/node-runtime\.mjs postinstall && /);
  });

  it('compares versions as numbers', () => {
    expect(satisfies('v20.20.2')).toBe(false);
    expect(satisfies('22.11.9')).toBe(false);
    expect(satisfies('22.12.0')).toBe(true);
    expect(satisfies('v22.23.5')).toBe(true);
    expect(satisfies('24.0.0')).toBe(true);
  });

  it('runs what needs it with that Node first on PATH and its headers for node-gyp', () => {
    const runtime = { node: '/r/bin/node', bin: '/r/bin', nodedir: '/r', version: 'v22.23.5' };
    expect(runtimeEnv(runtime, { PATH: '/usr/bin', HOME: '/root' })).toEqual({ PATH: '/r/bin:/usr/bin', HOME: '/root', npm_config_nodedir: '/r' });
  });

  it('asks for nothing where this Node will do, or the machine’s is asked for; CI\'s shell gets no export then', () => {
    for (const env of [{ INBOX_NODE_RUNTIME: 'system' }, ...(satisfies(process.versions.node) ? [{}] : [])]) {
      const result = spawnSync(process.execPath, ['scripts/node-runtime.mjs', 'env'], { encoding: 'utf8', env: { ...process.env, ...env } });
      expect(result.status).toBe(0);
      expect(result.stdout).toBe('');
    }
  });
});
