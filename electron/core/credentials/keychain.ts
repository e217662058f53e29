// API keys live only in the OS keychain (Keychain on macOS, Credential Vault
// on Windows, the Secret Service on Linux) through keytar. There is no
// fallback to a file: without a keychain the user is told what is missing.
import { createRequire } from 'node:module';
import type { UserError } from '../../../shared/contract';
import { nativeModuleAdvice } from '../native-modules';

export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

export const DEFAULT_KEYCHAIN_SERVICE = 'ClickSend Inbox';

export class KeychainError extends Error {
  constructor(readonly userError: UserError) {
    super(userError.message);
    this.name = 'KeychainError';
  }
}

type Keytar = {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
};

type Require = (id: string) => unknown;
const loaded = new WeakMap<Require, Keytar>();

/**
 * keytar is an optional dependency: `npm install` skips it where it cannot be
 * built (no libsecret headers), so the demo still runs. Its absence is said
 * only when a real account needs the keychain.
 */
function loadKeytar(require: Require): Keytar {
  const cached = loaded.get(require);
  if (cached) return cached;
  try {
    const keytar = require('keytar') as Keytar;
    loaded.set(require, keytar);
    return keytar;
  } catch (error) {
    if ((error as { code?: string }).code === 'MODULE_NOT_FOUND' && /'keytar'/.test(String(error))) {
      throw new KeychainError({
        code: 'KEYCHAIN_MODULE_MISSING',
        message: 'The keychain module (keytar) is not installed, so the API key cannot be stored safely.',
        action: 'It is skipped when it cannot be built: on Debian or Ubuntu run `sudo apt-get install libsecret-1-dev`, then `npm install` again. The demo (npm run demo) works without it.',
      });
    }
    throw new KeychainError({
      code: 'KEYCHAIN_MODULE',
      message: 'The keychain module (keytar) could not be loaded.',
      action: nativeModuleAdvice(error),
    });
  }
}

/** `require` resolves keytar; tests pass one from a folder without it. */
export function createKeytarStore(
  service = process.env.INBOX_KEYCHAIN_SERVICE || DEFAULT_KEYCHAIN_SERVICE,
  require: Require = createRequire(import.meta.url),
): SecretStore {
  const call = async <T>(operation: (k: Keytar) => Promise<T>): Promise<T> => {
    const k = loadKeytar(require);
    try {
      return await operation(k);
    } catch (error) {
      throw new KeychainError(explainKeychainFailure(error));
    }
  };
  return {
    get: (account) => call((k) => k.getPassword(service, account)),
    set: (account, secret) => call((k) => k.setPassword(service, account, secret)),
    delete: (account) => call((k) => k.deletePassword(service, account)),
  };
}

export function explainKeychainFailure(error: unknown): UserError {
  const text = error instanceof Error ? error.message : String(error);
  if (/secrets was not provided|autolaunch D-Bus|Could not connect|DBUS_SESSION_BUS_ADDRESS|org\.freedesktop\.DBus|ServiceUnknown/i.test(text)) {
    return {
      code: 'KEYCHAIN_UNAVAILABLE',
      message: 'No system keychain is running, so the API key cannot be stored safely.',
      action: 'On Linux, install and start a Secret Service (GNOME Keyring or KWallet), then sign in again.',
    };
  }
  if (/locked|cancel|denied|dismissed|user interaction|collection|prompt/i.test(text)) {
    return {
      code: 'KEYCHAIN_LOCKED',
      message: 'The system keychain is locked or access was refused.',
      action: 'Unlock your keychain (or allow ClickSend Inbox when asked), then try again.',
    };
  }
  return {
    code: 'KEYCHAIN_ERROR',
    message: 'The system keychain could not be used.',
    action: 'Check that your keychain is unlocked and working, then try again.',
  };
}
