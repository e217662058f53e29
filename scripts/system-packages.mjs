#!/usr/bin/env node
// The Debian packages the tests need, installed with apt-get when missing, so
// `npm test` (and CI's `.ci/run`) set up a fresh Debian machine by themselves:
// Chromium for the end-to-end specs; libsecret's headers to build keytar;
// GNOME Keyring, D-Bus and python3-dbus for a real, throw-away Secret Service;
// python3, make and g++ to build the native modules.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const TEST_PACKAGES = ['chromium', 'libsecret-1-dev', 'gnome-keyring', 'dbus', 'python3', 'python3-dbus', 'make', 'g++'];

const isDebian = () => spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status === 0;

export function missingPackages(packages = TEST_PACKAGES) {
  if (process.platform !== 'linux' || !isDebian()) return [];
  return packages.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return !/install ok installed/.test(result.stdout ?? '');
  });
}

/** Installs what is missing; returns false (having said what to run) when it cannot. */
export function installMissing(packages = TEST_PACKAGES) {
  const missing = missingPackages(packages);
  if (missing.length === 0) return true;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  let sudo = [];
  if (process.getuid?.() !== 0) {
    // Without a terminal to ask for a password, only passwordless sudo will do.
    const interactive = process.stdin.isTTY;
    if (!interactive && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status !== 0) {
      console.error(`The tests need these Debian packages: ${missing.join(' ')}\nInstall them with: sudo sh -c '${command}'`);
      return false;
    }
    sudo = interactive ? ['sudo'] : ['sudo', '-n'];
  }
  console.log(`Installing Debian packages the tests need: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => {
    const [cmd, ...rest] = [...sudo, ...args];
    return spawnSync(cmd, rest, { stdio: 'inherit', env }).status === 0;
  };
  if (!run(['apt-get', 'update', '-qq']) || !run(['apt-get', 'install', '-y', '-qq', ...missing])) {
    console.error(`Installing failed. Try by hand: sudo sh -c '${command}'`);
    return false;
  }
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exit(installMissing() ? 0 : 1);
}
