// App-wide settings (not per account), in INBOX_DATA_DIR/settings.json. The
// Electron shell backs it with electron-store; browser mode writes the same
// plain JSON file itself (conf, under electron-store, costs a fifth of browser
// mode's start-up for features the zod schema already covers). A file that is
// not valid JSON, or not valid settings, is kept aside and replaced by the
// defaults, with a notice: never a crash.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { apiAddressProblem } from '../../../shared/api-address';
import { DEFAULT_SETTINGS, Settings } from '../../../shared/contract';
import { makePrivateDir, PRIVATE_FILE_MODE, writePrivateFile } from '../private-files';

export interface SettingsStore {
  read(): Settings;
  update(patch: Partial<Settings>): Settings;
  /** Set when the file on disk was unusable and has been reset. */
  readonly notice: string | null;
}

/** What electron-store (and the plain file below) offer: the whole object, read and written at once. */
export interface BackingStore {
  store: Settings;
}
export type OpenStore = (options: {
  cwd: string;
  configName: string;
  name: string;
  defaults: Settings;
  clearInvalidConfig: boolean;
  /** electron-store's mode for settings.json (its default lets every user read it). */
  configFileMode: number;
}) => BackingStore;

/** The same settings.json electron-store writes, written atomically (a temporary file, then a rename). */
const openJsonFile: OpenStore = ({ cwd, defaults }) => {
  const file = join(cwd, 'settings.json');
  let current: Settings = { ...defaults };
  if (existsSync(file)) current = { ...defaults, ...(JSON.parse(readFileSync(file, 'utf8')) as Partial<Settings>) };
  return {
    get store() {
      return current;
    },
    set store(next: Settings) {
      makePrivateDir(cwd);
      writePrivateFile(`${file}.tmp`, `${JSON.stringify(next, null, '\t')}\n`);
      renameSync(`${file}.tmp`, file);
      current = next;
    },
  };
};

/**
 * `platform` decides what an unset choice means (close-to-tray: yes on
 * Windows and Linux, no on macOS, its dock convention): the core says it once,
 * and the window and the shell read the answer.
 */
export function fileSettings(dataDir: string, open: OpenStore = openJsonFile, platform: NodeJS.Platform = process.platform): SettingsStore {
  const file = join(dataDir, 'settings.json');
  let notice: string | null = null;
  if (existsSync(file)) {
    const cleared = clearRefusedApiAddress(file);
    if (cleared) {
      notice = `The API base URL in the settings was cleared: ${cleared}`;
    } else if (!isValidSettingsFile(file)) {
      const aside = join(dataDir, `settings.corrupt-${Date.now()}.json`);
      renameSync(file, aside);
      notice = `The settings file could not be read, so the defaults are back. The old file is kept as ${aside}.`;
    }
  }
  // electron-store makes a missing folder with the umask's mode: made private first.
  makePrivateDir(dataDir);
  const conf = open({ cwd: dataDir, configName: 'settings', name: 'settings', defaults: DEFAULT_SETTINGS, clearInvalidConfig: true, configFileMode: PRIVATE_FILE_MODE });
  // Parsed once and kept: electron-store's `store` getter reads and parses the
  // file on every access, and settings are read per send and per imported row.
  // Only this process writes the file, through update().
  const resolved = (settings: Settings): Settings => ({ ...settings, closeToTray: settings.closeToTray ?? platform !== 'darwin' });
  // What the user chose is what is stored (an unset choice stays unset); readers get it resolved.
  let chosen = Settings.parse({ ...DEFAULT_SETTINGS, ...conf.store });
  let current = resolved(chosen);
  return {
    notice,
    read: () => current,
    update(patch) {
      chosen = Settings.parse({ ...chosen, ...patch });
      conf.store = chosen;
      current = resolved(chosen);
      return current;
    },
  };
}

/**
 * An older version took plain http to any host: that address alone is
 * dropped (the rest of the file is good), and why is returned.
 */
function clearRefusedApiAddress(file: string): string | null {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<keyof Settings, unknown>>;
    const problem = typeof stored.apiBaseUrl === 'string' ? apiAddressProblem(stored.apiBaseUrl) : null;
    if (!problem || !Settings.partial().safeParse({ ...stored, apiBaseUrl: null }).success) return null;
    writePrivateFile(`${file}.tmp`, `${JSON.stringify({ ...stored, apiBaseUrl: null }, null, '\t')}\n`);
    renameSync(`${file}.tmp`, file);
    return problem;
  } catch {
    return null;
  }
}

function isValidSettingsFile(file: string): boolean {
  try {
    return Settings.partial().safeParse(JSON.parse(readFileSync(file, 'utf8'))).success;
  } catch {
    return false;
  }
}
