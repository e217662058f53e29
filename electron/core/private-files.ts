// The data folder holds customers' numbers, messages and pictures: readable by
// this user alone. Every folder the app makes is 0700 and every file it
// writes 0600, whatever the umask. Windows has no such modes (the profile's
// ACL already keeps other users out), so nothing is changed there.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

const modesApply = process.platform !== 'win32';

/** mkdir -p, each new folder 0700 (a umask narrows a mode, never widens it). One already there is tightenDataDir's, at start. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** A new file is created 0600; one already there keeps its mode through a write, so it is tightened. */
export function writePrivateFile(file: string, data: string | NodeJS.ArrayBufferView): void {
  writeFileSync(file, data, { mode: PRIVATE_FILE_MODE });
  if (modesApply) chmodSync(file, PRIVATE_FILE_MODE);
}

/** writePrivateFile without blocking the event loop that also answers the window. */
export async function savePrivateFile(file: string, data: NodeJS.ArrayBufferView): Promise<void> {
  await writeFile(file, data, { mode: PRIVATE_FILE_MODE });
  if (modesApply) await chmod(file, PRIVATE_FILE_MODE);
}

/** Creates the file empty (0600) when missing, or tightens it: for files another library opens, such as SQLite's. */
export function preparePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  if (modesApply) chmodSync(file, PRIVATE_FILE_MODE);
}

/** What the app keeps at the top of the data folder (in the desktop app it is Electron's userData, shared with Chromium's own files). */
const APP_FILE = /^(settings|session)([.-].*)?\.(json|tmp)$/;
const APP_FOLDERS = new Set(['accounts', 'logs', 'credentials']);

/**
 * At start: an older version left the folder 0755 and its files 0644. The
 * folder and the app's own files are tightened; a folder already 0700 was
 * made by this version, which writes 0600, so it is not walked again (a media
 * folder holds thousands of pictures).
 */
export function tightenDataDir(dataDir: string): void {
  if (!modesApply || !existsSync(dataDir)) return;
  chmodSync(dataDir, PRIVATE_DIR_MODE);
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    const path = join(dataDir, entry.name);
    if (entry.isFile() && APP_FILE.test(entry.name)) chmodSync(path, PRIVATE_FILE_MODE);
    else if (entry.isDirectory() && APP_FOLDERS.has(entry.name)) tightenTree(path);
  }
}

/** Files and subfolders first, the folder last: a start cut short tightens the rest next time. */
function tightenTree(dir: string): void {
  if ((statSync(dir).mode & 0o777) === PRIVATE_DIR_MODE) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isFile()) chmodSync(path, PRIVATE_FILE_MODE);
    else if (entry.isDirectory()) tightenTree(path);
  }
  chmodSync(dir, PRIVATE_DIR_MODE);
}
