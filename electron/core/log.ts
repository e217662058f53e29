// Logging that cannot leak: every line passes through redact(), which hides
// the API keys the app holds, Basic authorisation values and phone numbers.
// Plain Node logs to the console; the Electron shell gives electron-log as the sink.
import type { Logger } from './requests/dispatch';

const secrets = new Set<string>();

/** Keys are registered as soon as the app holds them, so no log line can carry one. */
export function registerSecret(secret: string): void {
  if (secret.trim().length >= 4) secrets.add(secret.trim());
}

const BASIC = /\b(Basic|Bearer)\s+[A-Za-z0-9+/=._-]{6,}/gi;
/** A phone number: 8 to 15 digits, maybe with a +, spaces or dashes, not inside a longer token. */
const PHONE = /(?<![\w.+])\+?\d(?:[ -]?\d){7,14}(?![\w.])/g;

export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  out = out.replace(BASIC, '$1 [redacted]');
  return out.replace(PHONE, (number) => {
    const digits = number.replace(/\D/g, '');
    return `${number.startsWith('+') ? '+' : ''}${'•'.repeat(digits.length - 3)}${digits.slice(-3)}`;
  });
}

function describe(detail: unknown): unknown {
  if (detail instanceof Error) return redact(`${detail.name}: ${detail.message}`);
  if (typeof detail === 'string') return redact(detail);
  if (detail === undefined || detail === null || typeof detail !== 'object') return detail;
  try {
    return redact(JSON.stringify(detail));
  } catch {
    return '[unprintable]';
  }
}

/** Where lines go once redacted: the Logger's levels, taking anything. */
export type LogSink = Record<keyof Logger, (...parts: unknown[]) => void>;

export function createLogger(sink: LogSink, verbose = Boolean(process.env.INBOX_VERBOSE)): Logger {
  return {
    error: (message, ...details) => sink.error(redact(message), ...details.map(describe)),
    warn: (message, ...details) => sink.warn(redact(message), ...details.map(describe)),
    info: (message, ...details) => {
      if (verbose) sink.info(redact(message), ...details.map(describe));
    },
  };
}

export const consoleLogger: Logger = createLogger({
  error: (...parts) => console.error('[error]', ...parts),
  warn: (...parts) => console.warn('[warn]', ...parts),
  info: (...parts) => console.info('[info]', ...parts),
});
