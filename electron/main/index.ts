// The desktop app's entry: the real settings file, key store and logs, handed
// to the shell (shell.ts), which the tests run against a fake of Electron.
import ElectronStore from 'electron-store';
import electronUpdater from 'electron-updater';
import type { Settings } from '../../shared/contract';
import { fileSettings } from '../core/settings/settings';
import { chooseSecretStore } from './credentials';
import { electronLogSink } from './logging';
import { runShell } from './shell';

void runShell({
  settings: (dataDir) => fileSettings(dataDir, (options) => new ElectronStore<Settings>(options)),
  secrets: (dataDir) => chooseSecretStore(dataDir).store,
  logging: electronLogSink,
  updater: electronUpdater.autoUpdater,
});
