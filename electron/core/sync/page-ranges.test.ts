import { describe, expect, it } from 'vitest';
import { hasPage, missingPages, pageCount, withPage, type PageRanges } from './page-ranges';

describe('page ranges', () => {
  it('merges pages stored in any order into as few ranges as possible', () => {
    let ranges: PageRanges = [];
    for (const page of [3, 1, 2, 7, 5, 6, 9]) ranges = withPage(ranges, page);
    expect(ranges).toEqual([
      [1, 3],
      [5, 7],
      [9, 9],
    ]);
    expect(withPage(ranges, 4)).toEqual([
      [1, 7],
      [9, 9],
    ]);
    expect(withPage(ranges, 2)).toBe(ranges);
    expect(pageCount(ranges)).toBe(7);
    expect(hasPage(ranges, 8)).toBe(false);
    expect(missingPages(ranges, 11)).toEqual([4, 8, 10, 11]);
  });
});
