import { describe, expect, it } from 'vitest';
import { pagesCovering, positionOf } from './list-pages';

describe('pagesCovering', () => {
  it('finds the pages holding the rows on screen', () => {
    expect(pagesCovering(0, 12, 100)).toEqual([0]);
    expect(pagesCovering(95, 110, 100)).toEqual([0, 1]);
    expect(pagesCovering(9_990, 9_999, 100)).toEqual([99]);
    expect(pagesCovering(100, 100, 100)).toEqual([1]);
  });

  it('asks for nothing when nothing is on screen', () => {
    expect(pagesCovering(5, 4, 100)).toEqual([]);
    expect(pagesCovering(-3, 0, 100)).toEqual([0]);
  });
});

describe('positionOf', () => {
  it('finds a loaded conversation by id, on any page', () => {
    const rows = { 0: { id: 7 }, 1: { id: 3 }, 250: { id: 42 } };
    expect(positionOf(rows, 3)).toBe(1);
    expect(positionOf(rows, 42)).toBe(250);
  });

  it('says when it is not loaded', () => {
    expect(positionOf({ 0: { id: 7 } }, 8)).toBeUndefined();
    expect(positionOf({}, 7)).toBeUndefined();
  });
});
