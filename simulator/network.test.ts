// The simulated link (issue 17): a round trip on every answer, and a
// per-account rate limit answered as a gateway would, with 429 and Retry-After.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from './server';
import { apiFor, control } from '../test-support/simulator-api';

describe('network conditions', () => {
  let sim: Simulator;
  afterEach(() => sim.close());

  it('answers every API request after the latency, and says how many were in flight at once', async () => {
    sim = await startSimulator({ network: { latencyMs: 150 } });
    const api = apiFor(sim);
    const started = performance.now();
    const answers = await Promise.all([1, 2, 3, 4].map(() => api('GET', '/account')));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expect((await control(sim, 'GET', '/network')).body).toMatchObject({ latencyMs: 150, peakInFlight: 4 });
  });

  it('beyond the rate, answers 429 with Retry-After, per account, and admits again a second later', async () => {
    sim = await startSimulator({
      accounts: [
        { username: 'test-user', apiKey: 'test-key' },
        { username: 'other', apiKey: 'other-key' },
      ],
      network: { rateLimitPerSecond: 5 },
    });
    const api = apiFor(sim);
    const answers = await Promise.all(Array.from({ length: 8 }, () => api('GET', '/account')));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(5);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(3);
    expect(refused[0]!.headers.get('retry-after')).toBe('1');
    expect(refused[0]!.body.response_code).toBe('TOO_MANY_REQUESTS');
    // Another account has its own allowance.
    expect((await apiFor(sim, 'other', 'other-key')('GET', '/account')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_050));
    expect((await api('GET', '/account')).status).toBe(200);
    expect((await control(sim, 'GET', '/network')).body).toMatchObject({ rateLimited: 3 });
  });

  it('is set and lifted at run time through the control endpoint', async () => {
    sim = await startSimulator();
    const api = apiFor(sim);
    await control(sim, 'POST', '/network', { rateLimitPerSecond: 1 });
    expect((await Promise.all([api('GET', '/account'), api('GET', '/account')])).map((a) => a.status).sort()).toEqual([200, 429]);
    await control(sim, 'POST', '/network', { rateLimitPerSecond: null });
    expect((await Promise.all([api('GET', '/account'), api('GET', '/account')])).map((a) => a.status)).toEqual([200, 200]);
  });
});
