// What can go wrong with the cache file itself, in words a user can act on.
// better-sqlite3 throws SqliteError with SQLite's result code in `code`.
import type { UserError } from '../../../shared/contract';

export type StorageFault = 'busy' | 'full' | 'corrupt' | 'readonly' | 'io';

export function storageFault(error: unknown): StorageFault | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'busy';
  if (code === 'SQLITE_FULL') return 'full';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'corrupt';
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM') return 'readonly';
  if (code.startsWith('SQLITE_IOERR')) return 'io';
  return null;
}

const WORDS: Record<StorageFault, Omit<UserError, 'code'>> = {
  busy: {
    message: 'The saved copy of your messages is in use by another program, so nothing could be saved just now.',
    action: 'If the inbox is open twice, or a backup tool holds its files, close that; the app tries again by itself.',
  },
  full: {
    message: 'The disk is full, so new messages cannot be saved on this computer.',
    action: 'Free some disk space; the app tries again by itself, and nothing is lost at ClickSend meanwhile.',
  },
  corrupt: {
    message: 'The saved copy of your messages is damaged.',
    action: 'The app keeps the damaged file aside and rebuilds the copy from ClickSend.',
  },
  readonly: {
    message: 'The app is not allowed to write its files, so nothing can be saved.',
    action: 'Check that your user may write to the app’s data folder, then restart the app.',
  },
  io: {
    message: 'The disk reported an error while the app read or wrote its files.',
    action: 'Check the disk; the app tries again by itself.',
  },
};

export function storageUserError(fault: StorageFault): UserError {
  return { code: `STORAGE_${fault.toUpperCase()}`, ...WORDS[fault] };
}
