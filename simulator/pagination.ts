// Laravel-style pagination, which is what ClickSend returns.

export interface PageRequest {
  page: number;
  limit: number;
}

export interface Page<T> {
  total: number;
  per_page: number;
  current_page: number;
  last_page: number;
  next_page_url: string | null;
  prev_page_url: string | null;
  /** null when the page is empty, as Laravel does */
  from: number | null;
  to: number | null;
  data: T[];
}

function intParam(raw: string | null): number | null {
  if (raw === null || raw.trim() === '') return null;
  const n = Number(raw);
  return Number.isFinite(n) ? Math.trunc(n) : null;
}

/** limit is clamped to 15..100 (default 15); page below 1 becomes 1. */
export function parsePage(query: URLSearchParams): PageRequest {
  const page = Math.max(1, intParam(query.get('page')) ?? 1);
  const limit = Math.min(100, Math.max(15, intParam(query.get('limit')) ?? 15));
  return { page, limit };
}

/**
 * Builds one page. `fetch(offset, count)` returns the items of the slice so
 * callers with huge virtual lists only materialise what is shown.
 * `pageUrl(n)` gives the absolute URL of page n.
 */
export function buildPage<T>(
  total: number,
  req: PageRequest,
  fetch: (offset: number, count: number) => T[],
  pageUrl: (page: number) => string,
): Page<T> {
  const lastPage = Math.max(1, Math.ceil(total / req.limit));
  const offset = (req.page - 1) * req.limit;
  const count = Math.max(0, Math.min(req.limit, total - offset));
  const data = count > 0 ? fetch(offset, count) : [];
  return {
    total,
    per_page: req.limit,
    current_page: req.page,
    last_page: lastPage,
    next_page_url: req.page < lastPage ? pageUrl(req.page + 1) : null,
    prev_page_url: req.page > 1 ? pageUrl(req.page - 1) : null,
    from: data.length > 0 ? offset + 1 : null,
    to: data.length > 0 ? offset + data.length : null,
    data,
  };
}

export function paginateArray<T>(items: readonly T[], req: PageRequest, pageUrl: (page: number) => string): Page<T> {
  return buildPage(items.length, req, (offset, count) => items.slice(offset, offset + count), pageUrl);
}

/** Page URL builder that keeps the other query parameters (limit, q, ...). */
export function pageUrlFor(base: string, query: URLSearchParams): (page: number) => string {
  return (page) => {
    const q = new URLSearchParams(query);
    q.set('page', String(page));
    return `${base}?${q.toString()}`;
  };
}
