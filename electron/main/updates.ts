// Updates that install themselves (electron-updater): checked at start and
// every few hours, downloaded in the background, installed on quit or when
// the user chooses "Restart to update". The setting "Install updates
// automatically" turns all of it off. Whether a restart may happen now is
// the core's rule (core/session/pending-update.ts).
import type { AppUpdater, UpdateInfo } from 'electron-updater';
import type { Settings } from '../../shared/contract';

/** The slice of electron-updater's AppUpdater the app uses (tests hand in a fake of the same type). */
export type Updater = Pick<AppUpdater, 'checkForUpdates' | 'quitAndInstall' | 'autoDownload' | 'autoInstallOnAppQuit'> & {
  on(event: 'update-downloaded', listener: (info: UpdateInfo) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
};

export const CHECK_EVERY_MS = 4 * 60 * 60 * 1000;

export interface UpdateOptions {
  updater: Updater;
  settings: Settings;
  downloaded(version: string): void;
  log: { warn(message: string, ...details: unknown[]): void };
  everyMs?: number;
}

export function keepUpdated(options: UpdateOptions): { settingsChanged(settings: Settings): void; stop(): void } {
  const { updater, log } = options;
  let timer: NodeJS.Timeout | null = null;
  updater.on('update-downloaded', (info) => options.downloaded(info.version));
  // Offline, or no release feed: normal, and said only in the log.
  updater.on('error', (error) => log.warn('updates: could not check or download', error));
  const check = () => void updater.checkForUpdates().catch((error: unknown) => log.warn('updates: check failed', error));

  const apply = (settings: Settings) => {
    updater.autoDownload = settings.autoUpdate;
    updater.autoInstallOnAppQuit = settings.autoUpdate;
    if (settings.autoUpdate && !timer) {
      check();
      timer = setInterval(check, options.everyMs ?? CHECK_EVERY_MS);
      timer.unref();
    } else if (!settings.autoUpdate && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
  apply(options.settings);
  return {
    settingsChanged: apply,
    stop: () => {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
