// How many requests a walk keeps in flight: a few at first, one more after
// each round that came back fast and fine, half as many after a 429, a 5xx or
// a time-out (and none at all until Retry-After has passed). The client's
// per-account rate limiter stays the ceiling whatever this says: when it
// holds requests back, answers come back slower and growth stops by itself.
export interface ConcurrencyOptions {
  start?: number;
  max?: number;
  /** An answer slower than this (and than 4× the fastest seen) does not count towards growing. */
  slowMs?: number;
  now?: () => number;
}

export class AdaptiveConcurrency {
  limit: number;
  private readonly max: number;
  private readonly slowMs: number;
  private readonly now: () => number;
  private fastest = Infinity;
  private fastInARow = 0;
  private congestedInARow = 0;
  /** Epoch ms before which no request may start (Retry-After, or a back-off). */
  resumeAt = 0;

  constructor(options: ConcurrencyOptions = {}) {
    this.limit = options.start ?? 3;
    this.max = options.max ?? 12;
    this.slowMs = options.slowMs ?? 1_500;
    this.now = options.now ?? Date.now;
  }

  succeeded(latencyMs: number): void {
    this.congestedInARow = 0;
    this.fastest = Math.min(this.fastest, latencyMs);
    if (latencyMs > Math.max(this.slowMs, this.fastest * 4)) {
      this.fastInARow = 0;
      return;
    }
    // A round: as many fast answers in a row as requests allowed in flight.
    if (++this.fastInARow >= this.limit && this.limit < this.max) {
      this.limit++;
      this.fastInARow = 0;
    }
  }

  /** 429, 5xx, a time-out or a dropped connection: halve, and wait before the next request. */
  congested(retryAfterMs: number | null): void {
    this.limit = Math.max(1, Math.floor(this.limit / 2));
    this.fastInARow = 0;
    this.congestedInARow++;
    const backoff = Math.min(30_000, 250 * 2 ** (this.congestedInARow - 1));
    this.resumeAt = Math.max(this.resumeAt, this.now() + (retryAfterMs ?? backoff));
  }

  /** Milliseconds to wait before another request may start (0: now). */
  waitMs(): number {
    return Math.max(0, this.resumeAt - this.now());
  }
}
