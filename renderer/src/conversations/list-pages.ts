// The conversation list's loaded pages: which pages cover the rows on screen,
// and where a conversation is among the rows loaded.
export function pagesCovering(start: number, end: number, pageSize: number): number[] {
  if (end < start) return [];
  const first = Math.floor(Math.max(0, start) / pageSize);
  const last = Math.floor(Math.max(0, end) / pageSize);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The position of conversation `id` among the rows loaded (by position), or undefined when it is not loaded. */
export function positionOf(rows: Record<number, { id: number }>, id: number): number | undefined {
  for (const key in rows) if (rows[key]!.id === id) return Number(key);
  return undefined;
}
