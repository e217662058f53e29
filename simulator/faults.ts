// Injected failures for API requests and for /_media/ URLs: a queue of specs,
// each hitting up to `count` matching requests, first match wins. A fault
// whose path names `_media` hits only media URLs; any other fault only the API.
// A fault naming a `username` hits only that account's requests (its Basic auth).
// A `hold` keeps its request unanswered until the test releases it: a test that
// must see the app while a request is in flight waits on nothing but itself.
import { z } from 'zod';

export type FaultKind =
  | '500' | '429' | 'slow' | 'stall' | 'drop' | 'malformed' | 'truncated' | 'wrong-shape' | 'drop-after-apply'
  /** 403 FORBIDDEN, not applied: what ClickSend answers where a feature is not offered to the account */
  | '403'
  /** 401 INVALID_CREDENTIALS, not applied, whatever the key: a key rotated elsewhere, or one endpoint refusing it */
  | '401'
  /** API only: not answered until release() (control: POST /faults/release), then answered as usual */
  | 'hold'
  /** media only: the picture's URL answers 404 */
  | '404'
  /** media only: 200 Content-Type image/jpeg with an HTML page as the body */
  | 'not-an-image';

export interface FaultSpec {
  kind: FaultKind;
  /** HTTP method, case-insensitive; any when absent */
  method?: string;
  /** substring of the path after /v3, or "/regex/" source; any when absent. For media: "/_media/" (every
   * picture) or "/_media/<file>" (one), matched against the URL's path. */
  path?: string;
  /** a query parameter the request must carry (e.g. date_from); any when absent */
  param?: string;
  /** only this account's requests (by the username in their Basic auth); any account when absent */
  username?: string;
  /** how many matching requests it hits; default 1, Infinity allowed */
  count?: number;
  /** seconds, for 429; default 1 */
  retryAfter?: number;
  /** for slow; default 1000 */
  delayMs?: number;
}

export const FAULT_KINDS = [
  '500', '429', 'slow', 'stall', 'drop', 'malformed', 'truncated', 'wrong-shape', 'drop-after-apply', '401', '403', '404',
  'not-an-image', 'hold',
] as const satisfies readonly FaultKind[];

const MEDIA_ONLY_KINDS: readonly FaultKind[] = ['404', 'not-an-image'];

/** API requests and media URLs draw from the same book but never take each other's faults. */
export type FaultScope = 'api' | 'media';

const scopeOf = (spec: FaultSpec): FaultScope => (spec.path?.includes('_media') ? 'media' : 'api');

/** Control-endpoint body; count may be the string "Infinity" since JSON has no Infinity. */
export const faultSpecSchema = z.object({
  kind: z.enum(FAULT_KINDS),
  method: z.string().optional(),
  path: z.string().optional(),
  param: z.string().optional(),
  username: z.string().min(1).optional(),
  count: z.union([z.number().int().positive(), z.literal('Infinity').transform(() => Infinity)]).optional(),
  retryAfter: z.number().nonnegative().optional(),
  delayMs: z.number().nonnegative().optional(),
});

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
  matchPath: (path: string) => boolean;
}

function pathMatcher(path: string | undefined): (p: string) => boolean {
  if (path === undefined || path === '') return () => true;
  if (path.length > 2 && path.startsWith('/') && path.endsWith('/')) {
    const re = new RegExp(path.slice(1, -1));
    return (p) => re.test(p);
  }
  return (p) => p.includes(path);
}

export class FaultBook {
  private faults: ActiveFault[] = [];
  /** The requests a hold fault keeps waiting, each resumed by release(). */
  private held: Array<() => void> = [];

  add(spec: FaultSpec): void {
    const count = spec.count ?? 1;
    if (!(count > 0)) throw new Error('fault count must be positive');
    if (MEDIA_ONLY_KINDS.includes(spec.kind) && scopeOf(spec) !== 'media') {
      throw new Error(`a ${spec.kind} fault is for picture URLs: give it path "/_media/"`);
    }
    if (spec.kind === 'hold' && scopeOf(spec) === 'media') throw new Error('a hold fault is for API requests, not picture URLs');
    this.faults.push({ spec: { ...spec }, remaining: count, matchPath: pathMatcher(spec.path) });
  }

  /** Cleared faults hold nothing either: the requests they held go on. */
  clear(): void {
    this.faults = [];
    this.release();
  }

  /** Resolves when release() is called: how a request hit by a hold fault waits. */
  hold(): Promise<void> {
    return new Promise((resolve) => this.held.push(resolve));
  }

  /**
   * Lets every held request go on, to be answered as usual, and drops the hold faults no request has met yet,
   * so a release that comes before its request leaves nothing waiting. Returns how many requests were held.
   */
  release(): number {
    this.faults = this.faults.filter((f) => f.spec.kind !== 'hold');
    const held = this.held.splice(0);
    for (const resume of held) resume();
    return held.length;
  }

  list(): Array<FaultSpec & { remaining: number }> {
    return this.faults.map((f) => ({ ...f.spec, remaining: f.remaining }));
  }

  /** Consumes one hit of the first fault matching this request, if any; `username` is the request's account, if it named one. */
  take(method: string, path: string, params?: URLSearchParams, scope: FaultScope = 'api', username?: string): FaultSpec | undefined {
    const i = this.faults.findIndex(
      (f) =>
        scopeOf(f.spec) === scope &&
        (!f.spec.method || f.spec.method.toUpperCase() === method.toUpperCase()) &&
        f.matchPath(path) &&
        (!f.spec.param || (params?.has(f.spec.param) ?? false)) &&
        (!f.spec.username || f.spec.username === username),
    );
    const f = this.faults[i];
    if (!f) return undefined;
    f.remaining -= 1;
    if (f.remaining <= 0) this.faults.splice(i, 1);
    return f.spec;
  }
}
