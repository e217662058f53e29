// Which accounts are saved and which one is signed in, and where each
// account's cache lives. Only usernames are written here; keys are in the keychain.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivateDir, writePrivateFile } from '../private-files';

export interface SessionFile {
  activeAccount: string | null;
  accounts: string[];
  /** The API server (scheme, host, port) the saved accounts' keys were entered for; null before it was recorded. */
  apiOrigin: string | null;
}

export function accountCachePath(dataDir: string, username: string): string {
  // Hashed: usernames are e-mail addresses, not safe folder names.
  const slug = createHash('sha256').update(username.toLowerCase()).digest('hex').slice(0, 16);
  return join(dataDir, 'accounts', slug, 'cache.sqlite');
}

export function readSessionFile(dataDir: string): SessionFile {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, 'session.json'), 'utf8')) as Partial<SessionFile>;
    const active = typeof parsed.activeAccount === 'string' && parsed.activeAccount ? parsed.activeAccount : null;
    const accounts = Array.isArray(parsed.accounts) ? parsed.accounts.filter((a): a is string => typeof a === 'string' && a !== '') : [];
    if (active && !accounts.includes(active)) accounts.push(active);
    const apiOrigin = typeof parsed.apiOrigin === 'string' && parsed.apiOrigin ? parsed.apiOrigin : null;
    return { activeAccount: active, accounts, apiOrigin };
  } catch {
    return { activeAccount: null, accounts: [], apiOrigin: null };
  }
}

export function writeSessionFile(dataDir: string, file: SessionFile): void {
  makePrivateDir(dataDir);
  const path = join(dataDir, 'session.json');
  writePrivateFile(`${path}.tmp`, JSON.stringify(file, null, 2));
  renameSync(`${path}.tmp`, path);
}
