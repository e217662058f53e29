// Where the focus goes in the conversation list for a key: ↑/↓ one row,
// PageUp/PageDown a screenful, Home/End the ends. The list is one Tab stop.

/** The row to focus after `key` from row `at` of `total`, or null when the key does not move. */
export function rowAfterKey(key: string, at: number, total: number, pageRows: number): number | null {
  if (total === 0) return null;
  const page = Math.max(1, pageRows);
  const to =
    key === 'ArrowDown' ? at + 1
    : key === 'ArrowUp' ? at - 1
    : key === 'PageDown' ? at + page
    : key === 'PageUp' ? at - page
    : key === 'Home' ? 0
    : key === 'End' ? total - 1
    : null;
  return to === null ? null : Math.min(total - 1, Math.max(0, to));
}
