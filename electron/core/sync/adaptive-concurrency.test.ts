import { describe, expect, it } from 'vitest';
import { AdaptiveConcurrency } from './adaptive-concurrency';

describe('adaptive concurrency', () => {
  it('starts at a few, grows one per fast round, and stops at the ceiling', () => {
    const c = new AdaptiveConcurrency({ start: 3, max: 5 });
    for (let i = 0; i < 3; i++) c.succeeded(200);
    expect(c.limit).toBe(4);
    for (let i = 0; i < 4; i++) c.succeeded(210);
    expect(c.limit).toBe(5);
    for (let i = 0; i < 50; i++) c.succeeded(200);
    expect(c.limit).toBe(5);
  });

  it('does not grow on slow answers (the rate limiter or the server is holding them back)', () => {
    const c = new AdaptiveConcurrency({ start: 3, slowMs: 1_000 });
    c.succeeded(200);
    for (let i = 0; i < 10; i++) c.succeeded(2_500);
    expect(c.limit).toBe(3);
  });

  it('halves on congestion, honours Retry-After, and backs off harder when congestion repeats', () => {
    let now = 1_000;
    const c = new AdaptiveConcurrency({ start: 8, now: () => now });
    c.congested(2_000);
    expect(c.limit).toBe(4);
    expect(c.waitMs()).toBe(2_000);
    now += 2_000;
    c.congested(null);
    c.congested(null);
    c.congested(null);
    expect(c.limit).toBe(1);
    expect(c.waitMs()).toBe(2_000); // the 2nd, 3rd and 4th in a row: 500, 1,000, then 2,000 ms
    c.succeeded(200);
    expect(c.limit).toBe(2);
  });
});
