import { describe, expect, it } from 'vitest';
import { rowAfterKey } from './list-keys';

describe('keys in the conversation list', () => {
  it('move a row, a screenful or to an end, never past either end', () => {
    expect(rowAfterKey('ArrowDown', 3, 30, 8)).toBe(4);
    expect(rowAfterKey('ArrowUp', 0, 30, 8)).toBe(0);
    expect(rowAfterKey('PageDown', 25, 30, 8)).toBe(29);
    expect(rowAfterKey('PageUp', 5, 30, 8)).toBe(0);
    expect(rowAfterKey('PageDown', 0, 30, 0)).toBe(1);
    expect(rowAfterKey('Home', 17, 30, 8)).toBe(0);
    expect(rowAfterKey('End', 2, 30, 8)).toBe(29);
  });

  it('leaves other keys, and an empty list, alone', () => {
    expect(rowAfterKey('a', 3, 30, 8)).toBeNull();
    expect(rowAfterKey('ArrowDown', 0, 0, 8)).toBeNull();
  });
});
