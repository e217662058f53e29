// Walking a paginated endpoint. Each row is yielded once, keyed by its id;
// if the total changes while the walk is under way (rows added or removed
// upstream, shifting page boundaries), the walk starts over, skipping rows
// already yielded, so nothing is lost and nothing repeated. Once the first
// page says how many there are, the next few are asked for while the
// current one is used (a keep-alive socket each): the wait for ClickSend
// overlaps with the work here. Pages are still yielded in order.
import type { Page } from './schemas';

export const MIN_LIMIT = 15;
export const MAX_LIMIT = 100;
/** Pages asked for ahead of the one being used. */
const AHEAD = 4;

export function clampLimit(limit: number): number {
  return Math.min(MAX_LIMIT, Math.max(MIN_LIMIT, Math.floor(limit)));
}

export interface WalkOptions<T> {
  key: (row: T) => string | number;
  limit?: number;
  /** Walks to try before accepting a moving total. */
  maxWalks?: number;
  /** Pages to ask for ahead (0: one at a time). */
  ahead?: number;
}

export async function* walkPages<T>(
  fetchPage: (page: number, limit: number) => Promise<Page<T>>,
  options: WalkOptions<T>,
): AsyncGenerator<T[], void, undefined> {
  const limit = clampLimit(options.limit ?? MAX_LIMIT);
  const ahead = options.ahead ?? AHEAD;
  const maxWalks = options.maxWalks ?? 3;
  // Rows yielded so far, kept as the pages they came in. Keys are looked up
  // only once a total has moved (the rare case): hashing every id of a quiet
  // walk cost more than parsing its JSON.
  const yielded: T[][] = [];
  let seen: Set<string | number> | null = null;
  const remember = () => {
    seen ??= new Set(yielded.flat().map(options.key));
    return seen;
  };
  for (let walk = 1; walk <= maxWalks; walk++) {
    let firstTotal: number | null = null;
    let lastTotal: number | undefined;
    const requested = new Map<number, Promise<Page<T>>>();
    const ask = (pageNumber: number) => {
      const request = fetchPage(pageNumber, limit);
      // Asked ahead and perhaps never awaited (the consumer stopped, or a page before it failed).
      request.catch(() => undefined);
      requested.set(pageNumber, request);
    };
    try {
      for (let pageNumber = 1; ; pageNumber++) {
        if (!requested.has(pageNumber)) ask(pageNumber);
        const page = await requested.get(pageNumber)!;
        requested.delete(pageNumber);
        firstTotal ??= page.total;
        lastTotal = page.total;
        const last = page.data.length === 0 || page.current_page >= page.last_page;
        if (!last) for (let next = pageNumber + 1; next <= Math.min(page.last_page, pageNumber + ahead); next++) if (!requested.has(next)) ask(next);
        let fresh = page.data;
        if (seen !== null || page.total !== firstTotal) {
          const known = remember();
          fresh = page.data.filter((row) => {
            const key = options.key(row);
            if (known.has(key)) return false;
            known.add(key);
            return true;
          });
        } else {
          yielded.push(fresh);
        }
        if (fresh.length) yield fresh;
        if (last) break;
      }
    } finally {
      requested.clear();
    }
    if (firstTotal === lastTotal) return;
    // Walking again: every row from now on is checked against those yielded.
    remember();
  }
}
