// Which pages of a walk are stored, as sorted, merged, inclusive ranges:
// [[1, 57], [60, 60]] says 58 pages in 2 entries, so the cursor written with
// every page stays small on a walk of thousands.
export type PageRanges = Array<[number, number]>;

export function hasPage(ranges: PageRanges, page: number): boolean {
  return ranges.some(([from, to]) => page >= from && page <= to);
}

export function withPage(ranges: PageRanges, page: number): PageRanges {
  if (hasPage(ranges, page)) return ranges;
  const merged: PageRanges = [];
  for (const [from, to] of [...ranges, [page, page] as [number, number]].sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

export function pageCount(ranges: PageRanges): number {
  return ranges.reduce((n, [from, to]) => n + to - from + 1, 0);
}

/** Pages 1..last not yet stored, in order. */
export function missingPages(ranges: PageRanges, last: number): number[] {
  const missing: number[] = [];
  for (let page = 1; page <= last; page++) if (!hasPage(ranges, page)) missing.push(page);
  return missing;
}
