// Which account is signed in, and where each account's cache lives. Only the
// username is written here; the key is in the keychain.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface SessionFile {
  activeAccount: string | null;
}

export function accountCachePath(dataDir: string, username: string): string {
  // Hashed: usernames are e-mail addresses, not safe folder names.
  const slug = createHash('sha256').update(username.toLowerCase()).digest('hex').slice(0, 16);
  return join(dataDir, 'accounts', slug, 'cache.sqlite');
}

export function readActiveAccount(dataDir: string): string | null {
  try {
    const parsed = JSON.parse(readFileSync(join(dataDir, 'session.json'), 'utf8')) as Partial<SessionFile>;
    return typeof parsed.activeAccount === 'string' && parsed.activeAccount ? parsed.activeAccount : null;
  } catch {
    return null;
  }
}

export function writeActiveAccount(dataDir: string, username: string | null): void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'session.json');
  const body: SessionFile = { activeAccount: username };
  writeFileSync(`${file}.tmp`, JSON.stringify(body, null, 2));
  renameSync(`${file}.tmp`, file);
}
