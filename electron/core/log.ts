// A console logger for plain-Node use. Nothing secret is ever passed to a
// logger; the Electron shell swaps in electron-log.
import type { Logger } from './contract/dispatch';

export const consoleLogger: Logger = {
  error: (message, ...details) => console.error(`[error] ${message}`, ...details.map(describe)),
  warn: (message, ...details) => console.warn(`[warn] ${message}`, ...details.map(describe)),
  info: (message, ...details) => {
    if (process.env.INBOX_VERBOSE) console.info(`[info] ${message}`, ...details);
  },
};

function describe(detail: unknown): unknown {
  return detail instanceof Error ? `${detail.name}: ${detail.message}` : detail;
}
