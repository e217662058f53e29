// How the simulated network and ClickSend's front door behave: a round trip
// added to every API answer, and an optional per-account rate limit answered
// with 429 and Retry-After, as an API gateway does. Settable at start and at
// run time (POST /_sim/network), so one simulator can play a slow link.

export interface NetworkConditions {
  /** Added to every API answer (429s included): a round trip to ClickSend. */
  latencyMs: number;
  /** Requests per second per account beyond which the answer is 429; null: no limit. */
  rateLimitPerSecond: number | null;
}

export class Network {
  conditions: NetworkConditions;
  private readonly recent = new Map<string, number[]>();
  /** Requests in flight (answered or not yet), and the most at once: for benchmarks. */
  inFlight = 0;
  peakInFlight = 0;
  rateLimited = 0;

  constructor(conditions: Partial<NetworkConditions> = {}, private readonly now: () => number = () => Date.now()) {
    this.conditions = { latencyMs: 0, rateLimitPerSecond: null, ...conditions };
  }

  set(patch: Partial<NetworkConditions>): NetworkConditions {
    this.conditions = { ...this.conditions, ...patch };
    return this.conditions;
  }

  /**
   * Admits a request of this account, or says in how many seconds to try
   * again (a sliding one-second window, like ClickSend's gateway would count).
   */
  admit(account: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const limit = this.conditions.rateLimitPerSecond;
    if (limit === null) return { ok: true };
    const t = this.now();
    const times = (this.recent.get(account) ?? []).filter((at) => at > t - 1000);
    if (times.length >= limit) {
      this.recent.set(account, times);
      this.rateLimited++;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((times[0]! + 1000 - t) / 1000)) };
    }
    times.push(t);
    this.recent.set(account, times);
    return { ok: true };
  }

  started(): void {
    this.inFlight++;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
  }

  finished(): void {
    this.inFlight--;
  }

  resetCounters(): void {
    this.peakInFlight = this.inFlight;
    this.rateLimited = 0;
  }
}
