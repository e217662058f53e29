#!/usr/bin/env node
// `npm start` and the postinstall step. Electron's binary is downloaded from
// GitHub; where that is impossible (offline, locked-down networks) install
// still succeeds and `npm start` says so in one line, pointing at browser mode.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const command = process.argv[2];

export function electronBinary() {
  if (process.env.INBOX_ELECTRON_BINARY) return existsSync(process.env.INBOX_ELECTRON_BINARY) ? process.env.INBOX_ELECTRON_BINARY : null;
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function fetchBinary() {
  if (process.env.INBOX_SKIP_ELECTRON_DOWNLOAD) return false;
  const dir = dirname(require.resolve('electron/package.json'));
  const result = spawnSync(process.execPath, [join(dir, 'install.js')], { stdio: 'pipe', encoding: 'utf8', timeout: 300_000 });
  return result.status === 0 && electronBinary() !== null;
}

const browserMode = 'Run the app in browser mode instead: npm run start:web (then open the printed URL in Chromium).';

if (command === 'check') {
  process.exit(electronBinary() ? 0 : 1);
} else if (command === 'install') {
  if (process.env.CI || process.env.INBOX_SKIP_ELECTRON_DOWNLOAD || electronBinary()) process.exit(0);
  if (!fetchBinary()) console.log(`Note: the Electron binary could not be downloaded. ${browserMode}`);
} else if (command === 'start') {
  if (!electronBinary() && !fetchBinary()) {
    console.error(`The Electron binary is not installed on this machine (its download failed). ${browserMode}`);
    process.exit(1);
  }
  // Native modules must match Electron's ABI while the desktop app runs.
  const rebuild = spawnSync('npx', ['electron-builder', 'install-app-deps'], { stdio: 'inherit' });
  if (rebuild.status !== 0) process.exit(rebuild.status ?? 1);
  const dev = spawnSync('npx', ['electron-vite', 'dev'], { stdio: 'inherit' });
  process.exit(dev.status ?? 0);
}
