// Calendar days in the user's time zone, for Spend. The window sends its IANA
// zone's name, not an offset: an offset is right for one side of a daylight-
// saving change only, and a range of 90 days usually crosses one. Each day's
// bounds are its own midnights resolved in that zone, so a day is 23 or 25
// hours long when the clocks change, and a message sent at 23:30 on that day
// is counted on it.
import { instantOf, wallTimeAt } from '../../../shared/schedule-times';
import type { SpendRange } from '../../../shared/contract';

/** A calendar date, YYYY-MM-DD. */
export type IsoDate = string;

const pad = (n: number) => String(n).padStart(2, '0');

function fromUtc(ms: number): IsoDate {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function parts(date: IsoDate): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** The date `days` after (or before) this one. Calendar arithmetic: no zone involved. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  return fromUtc(Date.UTC(y, m - 1, d + days));
}

/** The date it is in `zone` at this instant. */
export function dateIn(instantMs: number, zone: string): IsoDate {
  const w = wallTimeAt(instantMs, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/**
 * The first instant of a date in `zone`: its midnight, or, where the clocks
 * go forward at midnight (some zones do), the first minute that exists.
 */
export function startOfDay(date: IsoDate, zone: string): number {
  const [year, month, day] = parts(date);
  for (const [hour, minute] of [[0, 0], [0, 30], [1, 0], [2, 0]] as const) {
    const resolved = instantOf({ year, month, day, hour, minute }, zone);
    if (resolved.ok) return resolved.instantMs;
  }
  throw new Error(`${date} has no start in ${zone}`);
}

/** The first and last date of a range, as the user's calendar has them now. */
export function rangeDates(range: SpendRange, nowMs: number, zone: string): { from: IsoDate; to: IsoDate } {
  const today = dateIn(nowMs, zone);
  const [y, m] = parts(today);
  switch (range) {
    case 'this-month':
      return { from: `${y}-${pad(m)}-01`, to: today };
    case 'last-month': {
      const from = fromUtc(Date.UTC(y, m - 2, 1));
      return { from, to: fromUtc(Date.UTC(y, m - 1, 0)) };
    }
    case 'last-90-days':
      return { from: addDays(today, -89), to: today };
  }
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "2026-11-30 22:05:43" in the user's zone: what a spreadsheet reads as a date and time. One formatter per zone: building one costs more than a row. */
export function localTime(ms: number, zone: string): string {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('sv-SE', {
      timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formatters.set(zone, format);
  }
  return format.format(ms);
}
