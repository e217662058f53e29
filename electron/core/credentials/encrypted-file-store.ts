// API keys encrypted by the operating system (Electron's safeStorage: DPAPI on
// Windows, the Keychain on macOS, libsecret or KWallet on Linux), one file
// per account in the data folder, readable by this user only. Keys found in
// the older keytar store are moved here once: written, read back, then
// deleted there. Never plain text: the shell uses this store only when the
// OS offers real encryption (see electron/main/credentials.ts).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { InboxError } from '../errors/inbox-error';
import { makePrivateDir, writePrivateFile } from '../private-files';
import type { SecretStore } from './keychain';

/** The slice of Electron's safeStorage this store needs. */
export interface OsEncryption {
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
}

export interface EncryptedFileStoreOptions {
  dir: string;
  encryption: OsEncryption;
  /** Where keys were kept before (keytar): read once, moved here, deleted there. */
  legacy?: SecretStore;
  log?: { warn(message: string, ...details: unknown[]): void };
}

export function createEncryptedFileStore(options: EncryptedFileStoreOptions): SecretStore {
  const { dir, encryption, legacy, log } = options;
  // Hashed: usernames are e-mail addresses, not safe file names.
  const fileOf = (account: string) => join(dir, `${createHash('sha256').update(account.toLowerCase()).digest('hex').slice(0, 16)}.key`);

  const write = async (account: string, secret: string) => {
    makePrivateDir(dir);
    const file = fileOf(account);
    writePrivateFile(`${file}.tmp`, await encryption.encryptStringAsync(secret));
    renameSync(`${file}.tmp`, file);
  };

  const read = async (account: string): Promise<string | null> => {
    const file = fileOf(account);
    if (!existsSync(file)) return null;
    try {
      const { result, shouldReEncrypt } = await encryption.decryptStringAsync(readFileSync(file));
      if (shouldReEncrypt) await write(account, result);
      return result;
    } catch (error) {
      log?.warn('credentials: a saved key could not be decrypted', error);
      // The file stays: a later sign-in replaces it; nothing else is touched.
      throw new InboxError(
        'KEY_UNREADABLE',
        `The saved API key for ${account} could not be read: it was saved under another user or computer, or the file is damaged.`,
        'Sign in again with your API key; your messages are kept.',
      );
    }
  };

  /** A key kept by keytar before: copied here and checked before it is deleted there. */
  const migrate = async (account: string): Promise<string | null> => {
    let old: string | null;
    try {
      old = (await legacy?.get(account)) ?? null;
    } catch (error) {
      log?.warn('credentials: the old keychain could not be read', error);
      return null;
    }
    if (old === null) return null;
    await write(account, old);
    if ((await read(account)) !== old) throw new InboxError('KEY_MIGRATION', 'The API key could not be moved to the new store.', 'Sign in again.');
    await legacy!.delete(account).catch((error: unknown) => log?.warn('credentials: the old keychain entry could not be deleted', error));
    return old;
  };

  return {
    get: async (account) => (await read(account)) ?? (await migrate(account)),
    set: (account, secret) => write(account, secret),
    delete: async (account) => {
      const file = fileOf(account);
      const had = existsSync(file);
      rmSync(file, { force: true });
      const hadOld = legacy ? await legacy.delete(account).catch(() => false) : false;
      return had || hadOld;
    },
  };
}
