import { describe, expect, it } from 'vitest';
import { instantOf, MIN_LEAD_SECONDS, parseLocalInput, quickChoices, scheduleProblem, toLocalInput, wallTimeAt } from './schedule-times';

const iso = (ms: number) => new Date(ms).toISOString();

describe('schedule times', () => {
  it('turns a wall-clock time into the right instant in different zones', () => {
    const nine = { year: 2026, month: 11, day: 25, hour: 9, minute: 0 };
    expect(instantOf(nine, 'Australia/Sydney')).toEqual({ ok: true, instantMs: Date.parse('2026-11-24T22:00:00Z'), repeated: false });
    expect(instantOf(nine, 'America/New_York')).toMatchObject({ instantMs: Date.parse('2026-11-25T14:00:00Z') });
    expect(instantOf(nine, 'UTC')).toMatchObject({ instantMs: Date.parse('2026-11-25T09:00:00Z') });
  });

  it('refuses a time skipped when the clocks go forward', () => {
    // London, 29 March 2026: 01:00 becomes 02:00.
    expect(instantOf({ year: 2026, month: 3, day: 29, hour: 1, minute: 30 }, 'Europe/London')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/does not exist/),
    });
    expect(iso((instantOf({ year: 2026, month: 3, day: 29, hour: 2, minute: 0 }, 'Europe/London') as { instantMs: number }).instantMs)).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    // New York, 8 March 2026: 02:00 becomes 03:00.
    expect(instantOf({ year: 2026, month: 3, day: 8, hour: 2, minute: 15 }, 'America/New_York').ok).toBe(false);
  });

  it('takes the first of a time that happens twice when the clocks go back', () => {
    // Sydney, 5 April 2026: 03:00 becomes 02:00, so 02:30 happens twice.
    const twice = instantOf({ year: 2026, month: 4, day: 5, hour: 2, minute: 30 }, 'Australia/Sydney');
    expect(twice).toEqual({ ok: true, instantMs: Date.parse('2026-04-04T15:30:00Z'), repeated: true });
  });

  it('round-trips the datetime-local field in the zone', () => {
    const at = Date.parse('2026-07-01T23:45:00Z');
    expect(toLocalInput(at, 'Australia/Sydney')).toBe('2026-07-02T09:45');
    expect(instantOf(parseLocalInput('2026-07-02T09:45')!, 'Australia/Sydney')).toMatchObject({ instantMs: at });
    expect(parseLocalInput('next tuesday')).toBeNull();
    expect(parseLocalInput('2026-13-01T09:00')).toBeNull();
  });

  it('refuses the past, too soon, and more than a year ahead, before any request', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(scheduleProblem(now - 1, now)).toMatch(/already passed/);
    expect(scheduleProblem(now + (MIN_LEAD_SECONDS - 1) * 1000, now)).toMatch(/too soon/);
    expect(scheduleProblem(now + MIN_LEAD_SECONDS * 1000, now)).toBeNull();
    expect(scheduleProblem(now + 400 * 86_400_000, now)).toMatch(/more than a year/);
    expect(scheduleProblem(Number.NaN, now)).toMatch(/Choose/);
  });

  it('offers in an hour, tomorrow 9:00 and next Monday 9:00, across a clock change', () => {
    // Saturday 28 March 2026, 20:10 in London; the clocks go forward that night.
    const now = Date.parse('2026-03-28T20:10:00Z');
    const [hour, tomorrow, monday] = quickChoices(now, 'Europe/London');
    expect(hour).toEqual({ label: 'In 1 hour', instantMs: Date.parse('2026-03-28T21:10:00Z') });
    expect(iso(tomorrow!.instantMs)).toBe('2026-03-29T08:00:00.000Z'); // 9:00 BST
    expect(iso(monday!.instantMs)).toBe('2026-03-30T08:00:00.000Z');
    expect(wallTimeAt(monday!.instantMs, 'Europe/London')).toMatchObject({ day: 30, hour: 9 });
  });

  it('on a Monday, next Monday is a week away', () => {
    const monday = Date.parse('2026-11-23T08:00:00Z');
    expect(iso(quickChoices(monday, 'UTC')[2]!.instantMs)).toBe('2026-11-30T09:00:00.000Z');
  });
});
