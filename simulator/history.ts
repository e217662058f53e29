// Per-account SMS history: rows created by the API (materialised) plus virtual
// rows from seedHistory. Queries produce a sorted list of row seqs which is
// cached until the history changes, so paging through a million rows is cheap.
import type { HistoryRow } from './history-row';
import { GeneratedSegment } from './generated-history';
import type { Order, Search } from './query';
import { matchesSearch } from './query';

export const HISTORY_SEARCH_FIELDS = [
  'status', 'to', 'from', 'message_id', 'subaccount_id', 'custom_string', 'direction',
] as const;
export const HISTORY_ORDER_FIELDS = ['date', 'from', 'to', 'status', 'body', 'message_id'] as const;

export interface HistoryQuery {
  search: Search;
  order: Order;
  dateFrom: number | null;
  dateTo: number | null;
}

interface CacheEntry {
  structureVersion: number;
  statusVersion: number;
  seqs: Float64Array;
}

const MAX_CACHED_QUERIES = 8;

export class HistoryStore {
  /** in insertion (seq) order */
  private readonly rows: HistoryRow[] = [];
  private readonly byId = new Map<string, HistoryRow>();
  private readonly segments: GeneratedSegment[] = [];
  private structureVersion = 0;
  private statusVersion = 0;
  private readonly cache = new Map<string, CacheEntry>();

  constructor(private readonly subaccountId: number) {}

  get size(): number {
    return this.rows.length + this.segments.reduce((n, s) => n + s.n, 0);
  }

  add(row: HistoryRow): void {
    this.rows.push(row);
    this.byId.set(row.message_id, row);
    this.structureVersion++;
  }

  addSegment(seg: GeneratedSegment): void {
    this.segments.push(seg);
    this.structureVersion++;
  }

  get(messageId: string): HistoryRow | undefined {
    const row = this.byId.get(messageId);
    if (row) return row;
    const parsed = GeneratedSegment.parseId(messageId);
    if (!parsed) return undefined;
    const seg = this.segments.find((s) => s.segmentId === parsed.segmentId);
    return seg && parsed.index < seg.n ? seg.row(parsed.index) : undefined;
  }

  /** Changes status fields of a row (materialised or generated). */
  update(messageId: string, patch: Partial<Pick<HistoryRow, 'status' | 'status_code' | 'status_text'>>): HistoryRow | undefined {
    const row = this.byId.get(messageId);
    if (row) {
      Object.assign(row, patch);
    } else {
      const parsed = GeneratedSegment.parseId(messageId);
      const seg = parsed && this.segments.find((s) => s.segmentId === parsed.segmentId);
      if (!parsed || !seg || parsed.index >= seg.n) return undefined;
      seg.overrides.set(parsed.index, { ...seg.overrides.get(parsed.index), ...patch });
    }
    this.statusVersion++;
    return this.get(messageId);
  }

  /** Materialised rows only (what the API and demo data created). */
  materialised(): readonly HistoryRow[] {
    return this.rows;
  }

  resolve(seq: number): HistoryRow {
    const seg = this.segments.find((s) => s.has(seq));
    if (seg) return seg.row(seq - seg.baseSeq);
    // rows are in seq order, so binary search
    let lo = 0;
    let hi = this.rows.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const row = this.rows[mid];
      if (!row) break;
      if (row.seq === seq) return row;
      if (row.seq < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    throw new Error(`history row ${seq} not found`);
  }

  field(row: HistoryRow, field: string): unknown {
    return field === 'subaccount_id' ? this.subaccountId : (row as unknown as Record<string, unknown>)[field];
  }

  /** Sorted seqs of every row matching the query. */
  query(q: HistoryQuery): Float64Array {
    const key = JSON.stringify([q.search, q.order, q.dateFrom, q.dateTo]);
    const dependsOnStatus = q.order.field === 'status' || q.search.terms.some((t) => t.field === 'status');
    const hit = this.cache.get(key);
    if (
      hit &&
      hit.structureVersion === this.structureVersion &&
      (!dependsOnStatus || hit.statusVersion === this.statusVersion)
    ) {
      return hit.seqs;
    }
    const seqs = this.compute(q);
    this.cache.delete(key);
    this.cache.set(key, { structureVersion: this.structureVersion, statusVersion: this.statusVersion, seqs });
    if (this.cache.size > MAX_CACHED_QUERIES) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return seqs;
  }

  private compute(q: HistoryQuery): Float64Array {
    const from = q.dateFrom ?? -Infinity;
    const to = q.dateTo ?? Infinity;
    const filtering = q.search.terms.length > 0;
    const sub = this.subaccountId;
    const ownField = (row: HistoryRow) => (f: string): unknown => this.field(row, f);
    const segField = (seg: GeneratedSegment, i: number) => (f: string): unknown =>
      f === 'subaccount_id' ? sub : seg.field(i, f);

    // Each source lists its matching rows sorted by (date, seq).
    interface Source { len: number; date(k: number): number; seq(k: number): number; key(k: number, f: string): unknown }
    const own = this.rows
      .filter((r) => r.date >= from && r.date <= to && (!filtering || matchesSearch(q.search, ownField(r))))
      .sort((a, b) => a.date - b.date || a.seq - b.seq);
    const sources: Source[] = [{
      len: own.length,
      date: (k) => own[k]?.date ?? 0,
      seq: (k) => own[k]?.seq ?? 0,
      key: (k, f) => { const r = own[k]; return r ? this.field(r, f) : null; },
    }];
    for (const seg of this.segments) {
      const lo = seg.lowerBound(from);
      const hi = to === Infinity ? seg.n : seg.lowerBound(to + 1);
      if (!filtering) {
        sources.push({
          len: Math.max(0, hi - lo),
          date: (k) => seg.date(lo + k),
          seq: (k) => seg.baseSeq + lo + k,
          key: (k, f) => segField(seg, lo + k)(f),
        });
      } else {
        const idx: number[] = [];
        for (let i = lo; i < hi; i++) if (matchesSearch(q.search, segField(seg, i))) idx.push(i);
        sources.push({
          len: idx.length,
          date: (k) => seg.date(idx[k] ?? 0),
          seq: (k) => seg.baseSeq + (idx[k] ?? 0),
          key: (k, f) => segField(seg, idx[k] ?? 0)(f),
        });
      }
    }

    const total = sources.reduce((n, s) => n + s.len, 0);
    const out = new Float64Array(total);
    if (q.order.field === 'date') {
      // k-way merge; k is tiny (one per seedHistory call plus one)
      const pos = sources.map(() => 0);
      for (let w = 0; w < total; w++) {
        let best = -1;
        let bestDate = 0;
        let bestSeq = 0;
        for (let s = 0; s < sources.length; s++) {
          const src = sources[s];
          const p = pos[s] ?? 0;
          if (!src || p >= src.len) continue;
          const d = src.date(p);
          const sq = src.seq(p);
          if (best < 0 || d < bestDate || (d === bestDate && sq < bestSeq)) {
            best = s;
            bestDate = d;
            bestSeq = sq;
          }
        }
        out[w] = bestSeq;
        pos[best] = (pos[best] ?? 0) + 1;
      }
    } else {
      // Other orders: sort by a precomputed, lower-cased key with seq as tie-break.
      const field = q.order.field;
      const keys: Array<string | number | null> = new Array(total);
      let w = 0;
      for (const src of sources) {
        for (let k = 0; k < src.len; k++, w++) {
          out[w] = src.seq(k);
          const v = src.key(k, field);
          keys[w] = typeof v === 'number' ? v : v === null || v === undefined ? null : String(v).toLowerCase();
        }
      }
      const order = new Uint32Array(total);
      for (let k = 0; k < total; k++) order[k] = k;
      order.sort((a, b) => compareKeys(keys[a] ?? null, keys[b] ?? null) || (out[a] ?? 0) - (out[b] ?? 0));
      const sorted = new Float64Array(total);
      for (let k = 0; k < total; k++) sorted[k] = out[order[k] ?? 0] ?? 0;
      if (q.order.desc) sorted.reverse();
      return sorted;
    }
    if (q.order.desc) out.reverse();
    return out;
  }
}

function compareKeys(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}
