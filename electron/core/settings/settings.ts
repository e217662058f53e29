// App-wide settings (not per account), in INBOX_DATA_DIR/settings.json through
// `conf`, the store electron-store is built on, so both modes share one file
// format. A file that is not valid JSON, or not valid settings, is kept aside
// and replaced by the defaults, with a notice: never a crash.
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

export function fileSettings(dataDir: string): SettingsStore {
  const file = join(dataDir, 'settings.json');
  let notice: string | null = null;
  if (existsSync(file)) {
    if (!isValidSettingsFile(file)) {
      const aside = join(dataDir, `settings.corrupt-${Date.now()}.json`);
      renameSync(file, aside);
      notice = `The settings file could not be read, so the defaults are back. The old file is kept as ${aside}.`;
    }
  }
  const conf = new Conf<Settings>({ cwd: dataDir, configName: 'settings', defaults: DEFAULT_SETTINGS, clearInvalidConfig: true });
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
