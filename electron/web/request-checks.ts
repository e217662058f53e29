// What browser mode asks of every request before it looks any further: a
// target it can read, and a Host naming this server on loopback. A page that
// reached 127.0.0.1 by DNS rebinding still names its own host, so it is refused.
import { timingSafeEqual } from 'node:crypto';

/** The names the server answers to; it listens on 127.0.0.1 only. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost'];

interface RequestTarget {
  /** Percent-decoded. */
  pathname: string;
  query: URLSearchParams;
}

/** The request line's target, or null when it is not a path this server could mean. */
export function parseTarget(raw: string | undefined): RequestTarget | null {
  // Origin-form only: an absolute URL (`GET http://elsewhere/`) or `*` names no file here, and
  // a path starting `//` reads as another host wherever it is resolved as a URL.
  if (!raw?.startsWith('/') || raw.startsWith('//')) return null;
  try {
    // Appended to a fixed origin, not resolved against it: `//host/...` would read as another host.
    const url = new URL(`http://target${raw}`);
    const pathname = decodeURIComponent(url.pathname);
    return pathname.includes('\0') ? null : { pathname, query: url.searchParams };
  } catch {
    // A malformed escape (`%ff`, `%E0%A4%A`) or a target the URL parser refuses.
    return null;
  }
}

/** The Host header as `name:port` when it names this server, else null. */
export function loopbackHost(header: string | undefined, port: number): string | null {
  const host = header?.toLowerCase();
  return LOOPBACK_NAMES.map((name) => `${name}:${port}`).find((allowed) => allowed === host) ?? null;
}

/** Whether a WebSocket's Origin is a page this server served (by either name). */
export function isOwnOrigin(origin: string | undefined, port: number): boolean {
  return origin?.startsWith('http://') === true && loopbackHost(origin.slice('http://'.length), port) !== null;
}

/** The per-run token, compared in constant time: how long a wrong guess takes says nothing of the token. */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
