// Which pages of the conversation list cover the rows on screen.
export function pagesCovering(start: number, end: number, pageSize: number): number[] {
  if (end < start) return [];
  const first = Math.floor(Math.max(0, start) / pageSize);
  const last = Math.floor(Math.max(0, end) / pageSize);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
