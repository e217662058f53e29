import { describe, expect, it } from 'vitest';
import { FOCUSED_MIN_MS, IDLE_AFTER_MS, IDLE_MAX_MS, pollDelay } from './cadence';

const now = 1_000_000_000;

describe('poll cadence', () => {
  it('polls at the configured interval while the window is open but unfocused', () => {
    expect(pollDelay(15_000, { focused: false, unfocusedSince: now - 60_000 }, now)).toBe(15_000);
  });

  it('polls three times as often while focused, never faster than every 5 s', () => {
    expect(pollDelay(15_000, { focused: true, unfocusedSince: 0 }, now)).toBe(5_000);
    expect(pollDelay(60_000, { focused: true, unfocusedSince: 0 }, now)).toBe(20_000);
    expect(pollDelay(9_000, { focused: true, unfocusedSince: 0 }, now)).toBe(FOCUSED_MIN_MS);
    // A user who asked for 2 s polling is never slowed down by focus.
    expect(pollDelay(2_000, { focused: true, unfocusedSince: 0 }, now)).toBe(2_000);
  });

  it('slows to four times the interval after ten idle minutes, at most five minutes', () => {
    const idle = { focused: false, unfocusedSince: now - IDLE_AFTER_MS };
    expect(pollDelay(15_000, idle, now)).toBe(60_000);
    expect(pollDelay(120_000, idle, now)).toBe(IDLE_MAX_MS);
    expect(pollDelay(600_000, idle, now)).toBe(600_000);
    expect(pollDelay(15_000, { focused: false, unfocusedSince: now - IDLE_AFTER_MS + 1 }, now)).toBe(15_000);
  });
});
