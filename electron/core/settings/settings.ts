// App-wide settings (not per account), in INBOX_DATA_DIR/settings.json. The
// Electron shell backs it with electron-store, browser mode with `conf` (the
// library electron-store is built on): one file format for both. A file that
// is not valid JSON, or not valid settings, is kept aside and replaced by the
// defaults, with a notice: never a crash.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { DEFAULT_SETTINGS, Settings } from '../../../shared/contract';

export interface SettingsStore {
  read(): Settings;
  update(patch: Partial<Settings>): Settings;
  /** Set when the file on disk was unusable and has been reset. */
  readonly notice: string | null;
}

/** What both conf and electron-store offer: the whole object, read and written at once. */
export interface BackingStore {
  store: Settings;
}
export type OpenStore = (options: { cwd: string; configName: string; name: string; defaults: Settings; clearInvalidConfig: boolean }) => BackingStore;

const openConf: OpenStore = (options) => new Conf<Settings>(options);

export function fileSettings(dataDir: string, open: OpenStore = openConf): SettingsStore {
  const file = join(dataDir, 'settings.json');
  let notice: string | null = null;
  if (existsSync(file)) {
    if (!isValidSettingsFile(file)) {
      const aside = join(dataDir, `settings.corrupt-${Date.now()}.json`);
      renameSync(file, aside);
      notice = `The settings file could not be read, so the defaults are back. The old file is kept as ${aside}.`;
    }
  }
  const conf = open({ cwd: dataDir, configName: 'settings', name: 'settings', defaults: DEFAULT_SETTINGS, clearInvalidConfig: true });
  return {
    notice,
    read: () => Settings.parse({ ...DEFAULT_SETTINGS, ...conf.store }),
    update(patch) {
      const next = Settings.parse({ ...DEFAULT_SETTINGS, ...conf.store, ...patch });
      conf.store = next;
      return next;
    },
  };
}

function isValidSettingsFile(file: string): boolean {
  try {
    return Settings.partial().safeParse(JSON.parse(readFileSync(file, 'utf8'))).success;
  } catch {
    return false;
  }
}
