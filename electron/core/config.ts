// Configuration both modes honour, from the environment.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_API_URL } from './clicksend/client';

export const APP_FOLDER = 'ClickSend Inbox';
export const DEFAULT_WEB_PORT = 4780;

export interface CoreConfig {
  apiUrl: string;
  dataDir: string;
  /** Poll interval; INBOX_SYNC_INTERVAL_MS overrides the 15 s default (tests, demos). */
  syncIntervalMs?: number;
}

/** The OS app-data folder, the same one Electron's userData resolves to. */
export function defaultDataDir(platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}

export function configFromEnv(env = process.env, fallbackDataDir = defaultDataDir()): CoreConfig {
  return {
    apiUrl: env.CLICKSEND_API_URL?.trim() || DEFAULT_API_URL,
    dataDir: env.INBOX_DATA_DIR?.trim() || fallbackDataDir,
    syncIntervalMs: Number(env.INBOX_SYNC_INTERVAL_MS) > 0 ? Number(env.INBOX_SYNC_INTERVAL_MS) : undefined,
  };
}

export function webPortFromEnv(env = process.env): number {
  const raw = env.INBOX_WEB_PORT?.trim();
  if (!raw) return DEFAULT_WEB_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`INBOX_WEB_PORT must be a port number from 0 to 65535 (got "${raw}").`);
  }
  return port;
}
