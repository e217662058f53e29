// The desktop app's entry: the real settings file, keychain and logs, handed
// to the shell (shell.ts), which the tests run against a fake of Electron.
import ElectronStore from 'electron-store';
import type { Settings } from '../../shared/contract';
import { createKeytarStore } from '../core/credentials/keychain';
import { fileSettings } from '../core/settings/settings';
import { electronLogSink } from './logging';
import { runShell } from './shell';

void runShell({
  settings: (dataDir) => fileSettings(dataDir, (options) => new ElectronStore<Settings>(options)),
  secrets: () => createKeytarStore(),
  logging: electronLogSink,
});
