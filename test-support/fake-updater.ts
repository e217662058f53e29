// electron-updater's autoUpdater as the shell uses it (the `Updater` type is
// a Pick of its declarations): records checks and installs; tests emit its
// events to drive the update flow.
import { EventEmitter } from 'node:events';
import type { UpdateCheckResult } from 'electron-updater';
import type { Updater } from '../electron/main/updates';

export class FakeUpdater extends EventEmitter implements Updater {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  checks = 0;
  installs = 0;
  checkForUpdates(): Promise<UpdateCheckResult | null> {
    this.checks++;
    return Promise.resolve(null);
  }
  quitAndInstall(): void {
    this.installs++;
  }
}
