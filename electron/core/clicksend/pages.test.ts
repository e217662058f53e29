import { describe, expect, it } from 'vitest';
import { clampLimit, walkPages } from './pages';
import type { Page } from './schemas';

function pageOf(rows: number[], page: number, limit: number): Page<number> {
  const lastPage = Math.max(1, Math.ceil(rows.length / limit));
  return { total: rows.length, per_page: limit, current_page: page, last_page: lastPage, data: rows.slice((page - 1) * limit, page * limit) };
}

async function walk(fetch: (page: number, limit: number) => Promise<Page<number>>, limit = 15) {
  const out: number[] = [];
  for await (const rows of walkPages(fetch, { key: (n) => n, limit })) out.push(...rows);
  return out;
}

describe('walkPages', () => {
  it('clamps the limit to ClickSend’s 15..100', () => {
    expect([clampLimit(1), clampLimit(50), clampLimit(1000)]).toEqual([15, 50, 100]);
  });

  it('stops on the last page', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => i);
    let calls = 0;
    expect(await walk(async (p, l) => (calls++, pageOf(rows, p, l)))).toEqual(rows);
    expect(calls).toBe(3);
  });

  it('neither repeats nor loses a row when one is added at the front mid-walk', async () => {
    let rows = Array.from({ length: 40 }, (_, i) => i + 1);
    const out = await walk(async (p, l) => {
      const page = pageOf(rows, p, l);
      if (p === 1) rows = [0, ...rows]; // newest first: everything shifts back by one
      return page;
    });
    expect(out.sort((a, b) => a - b)).toEqual(Array.from({ length: 41 }, (_, i) => i));
  });

  it('does not lose a row when one is removed mid-walk', async () => {
    let rows = Array.from({ length: 40 }, (_, i) => i);
    const out = await walk(async (p, l) => {
      const page = pageOf(rows, p, l);
      if (p === 1) rows = rows.filter((n) => n !== 3); // everything shifts forward by one
      return page;
    });
    expect(new Set(out).size).toBe(out.length);
    for (let n = 0; n < 40; n++) if (n !== 3) expect(out).toContain(n);
  });
});

describe('walkPages asking ahead', () => {
  it('asks for the next pages while one is used, yields them in order, and each row once when a total moves between walks', async () => {
    let rows = Array.from({ length: 100 }, (_, i) => i + 1);
    const asked: number[] = [];
    let resolveFirst!: () => void;
    const firstAnswered = new Promise<void>((r) => (resolveFirst = r));
    const out: number[] = [];
    for await (const page of walkPages(
      async (p, l) => {
        asked.push(p);
        const answer = pageOf(rows, p, l);
        if (p === 1) resolveFirst();
        // A row lands at the front mid-walk: later pages shift and their total moves, so it walks again.
        if (p === 3 && asked.filter((n) => n === 3).length === 1) rows = [0, ...rows];
        return answer;
      },
      { key: (n) => n, limit: 15, ahead: 3 },
    )) {
      out.push(...page);
    }
    await firstAnswered;
    expect(asked.slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect(out.sort((a, b) => a - b)).toEqual(Array.from({ length: 101 }, (_, i) => i));
  });
});
