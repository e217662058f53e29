// ClickSend's search and sort parameters: q=field:value,field2:value,
// operator=AND|OR, order_by=field:asc|desc. Searches are case-insensitive.

export interface SearchTerm {
  field: string;
  value: string;
}

export interface Search {
  terms: SearchTerm[];
  any: boolean;
}

export interface Order {
  field: string;
  desc: boolean;
}

/** Terms on fields outside `allowed` are ignored, as ClickSend ignores unknown fields. */
export function parseSearch(query: URLSearchParams, allowed: readonly string[]): Search {
  const q = query.get('q') ?? '';
  const terms: SearchTerm[] = [];
  for (const part of q.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const field = part.slice(0, colon).trim().toLowerCase();
    if (allowed.includes(field)) terms.push({ field, value: part.slice(colon + 1).toLowerCase() });
  }
  return { terms, any: (query.get('operator') ?? '').toUpperCase() === 'OR' };
}

/** An unknown field or direction falls back to the default rather than failing. */
export function parseOrder(query: URLSearchParams, allowed: readonly string[], fallback: Order): Order {
  const raw = query.get('order_by');
  if (!raw) return fallback;
  const [field = '', dir = 'asc'] = raw.toLowerCase().split(':');
  if (!allowed.includes(field)) return fallback;
  return { field, desc: dir === 'desc' };
}

// Ids and enumerations match exactly; free text matches as a substring.
function isExactField(field: string): boolean {
  return field.endsWith('_id') || field === 'status' || field === 'direction';
}

export function termMatches(term: SearchTerm, value: unknown): boolean {
  // "field:" with no value matches any row that has a value there.
  if (term.value === '') return value !== null && value !== undefined && value !== '';
  if (value === null || value === undefined) return false;
  const v = String(value).toLowerCase();
  return isExactField(term.field) ? v === term.value : v.includes(term.value);
}

export function matchesSearch(search: Search, get: (field: string) => unknown): boolean {
  if (search.terms.length === 0) return true;
  const test = (t: SearchTerm): boolean => termMatches(t, get(t.field));
  return search.any ? search.terms.some(test) : search.terms.every(test);
}

export function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  const sa = String(a).toLowerCase();
  const sb = String(b).toLowerCase();
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

/** Filter and sort plain records; the sort is stable so ties keep insertion order. */
export function searchAndSort<T extends object>(items: readonly T[], search: Search, order: Order): T[] {
  const get = (item: T) => (field: string): unknown => (item as Record<string, unknown>)[field];
  const out = items.filter((item) => matchesSearch(search, get(item)));
  out.sort((a, b) => compareValues(get(a)(order.field), get(b)(order.field)));
  if (order.desc) out.reverse();
  return out;
}
