// Where the desktop app keeps API keys. keytar was archived in 2022; where the
// OS offers real encryption to Electron (safeStorage, and on Linux a backend
// other than basic_text), keys are encrypted into files and moved there from
// keytar once. Otherwise keytar stays, and its errors say what to install.
// Never plain text.
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { createEncryptedFileStore } from '../core/credentials/encrypted-file-store';
import { createKeytarStore, type SecretStore } from '../core/credentials/keychain';

export function chooseSecretStore(
  dataDir: string,
  platform: NodeJS.Platform = process.platform,
  keytar: SecretStore = createKeytarStore(),
  log?: { warn(message: string, ...details: unknown[]): void },
): { store: SecretStore; kind: 'safeStorage' | 'keytar' } {
  const usable = safeStorage.isEncryptionAvailable() && (platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
  if (!usable) return { store: keytar, kind: 'keytar' };
  return { store: createEncryptedFileStore({ dir: join(dataDir, 'credentials'), encryption: safeStorage, legacy: keytar, log }), kind: 'safeStorage' };
}
