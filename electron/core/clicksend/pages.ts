// Walking a paginated endpoint. Each row is yielded once, keyed by its id;
// if the total changes while the walk is under way (rows added or removed
// upstream, shifting page boundaries), the walk starts over, skipping rows
// already yielded, so nothing is lost and nothing repeated.
import type { Page } from './schemas';

export const MIN_LIMIT = 15;
export const MAX_LIMIT = 100;

export function clampLimit(limit: number): number {
  return Math.min(MAX_LIMIT, Math.max(MIN_LIMIT, Math.floor(limit)));
}

export interface WalkOptions<T> {
  key: (row: T) => string | number;
  limit?: number;
  /** Walks to try before accepting a moving total. */
  maxWalks?: number;
}

export async function* walkPages<T>(
  fetchPage: (page: number, limit: number) => Promise<Page<T>>,
  options: WalkOptions<T>,
): AsyncGenerator<T[], void, undefined> {
  const limit = clampLimit(options.limit ?? MAX_LIMIT);
  const seen = new Set<string | number>();
  const maxWalks = options.maxWalks ?? 3;
  for (let walk = 1; walk <= maxWalks; walk++) {
    let firstTotal: number | null = null;
    let lastTotal: number | undefined;
    for (let pageNumber = 1; ; pageNumber++) {
      const page = await fetchPage(pageNumber, limit);
      firstTotal ??= page.total;
      lastTotal = page.total;
      const fresh = page.data.filter((row) => {
        const key = options.key(row);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      if (fresh.length) yield fresh;
      if (page.data.length === 0 || page.current_page >= page.last_page) break;
    }
    if (firstTotal === lastTotal) return;
  }
}
