// Scheduling in the user's time zone. A wall-clock time ("Monday 9:00") is
// turned into an instant for a named IANA zone, so tests can pin the zone and
// cross daylight-saving changes: a time that does not exist that day (clocks
// go forward) is refused with a reason; one that happens twice (clocks go
// back) means the first.

/** ClickSend needs a moment to accept a schedule; closer than this is refused. */
export const MIN_LEAD_SECONDS = 120;
/** Further ahead than this is almost certainly a typo (a wrong year). */
export const MAX_AHEAD_DAYS = 365;

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function wallTimeAt(instantMs: number, timeZone: string): WallTime & { second: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(instantMs)).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Minutes the zone is ahead of UTC at this instant. */
function offsetMs(instantMs: number, timeZone: string): number {
  const w = wallTimeAt(instantMs, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instantMs / 1000) * 1000;
}

const same = (a: WallTime, b: WallTime) =>
  a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;

export type Resolved = { ok: true; instantMs: number; repeated: boolean } | { ok: false; reason: string };

/** The instant a wall-clock time names in a zone. */
export function instantOf(wall: WallTime, timeZone: string): Resolved {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const offsets = new Set([offsetMs(asUtc - 86_400_000, timeZone), offsetMs(asUtc, timeZone), offsetMs(asUtc + 86_400_000, timeZone)]);
  const candidates = [...offsets]
    .map((o) => asUtc - o)
    .filter((instant) => same(wallTimeAt(instant, timeZone), wall))
    .sort((a, b) => a - b);
  if (candidates.length === 0) {
    return { ok: false, reason: 'That time does not exist on that day: the clocks go forward. Choose a time after the change.' };
  }
  return { ok: true, instantMs: candidates[0]!, repeated: new Set(candidates).size > 1 };
}

/** "2026-11-25T09:00" (a datetime-local value) → wall time. */
export function parseLocalInput(value: string): WallTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  return { year, month, day, hour, minute };
}

export function toLocalInput(instantMs: number, timeZone: string): string {
  const w = wallTimeAt(instantMs, timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}`;
}

/** Why a schedule cannot be used, or null when it can. */
export function scheduleProblem(instantMs: number, nowMs: number): string | null {
  if (!Number.isFinite(instantMs)) return 'Choose a date and time.';
  if (instantMs <= nowMs) return 'That time has already passed. Choose a time in the future.';
  if (instantMs < nowMs + MIN_LEAD_SECONDS * 1000) return `That is too soon. Schedule at least ${MIN_LEAD_SECONDS / 60} minutes ahead, or send it now.`;
  if (instantMs > nowMs + MAX_AHEAD_DAYS * 86_400_000) return `That is more than a year ahead. Check the date.`;
  return null;
}

function addDays(wall: WallTime, days: number): WallTime {
  const d = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: wall.hour, minute: wall.minute };
}

/** The quick choices: in an hour, tomorrow 9:00, next Monday 9:00, in the user's zone. */
export function quickChoices(nowMs: number, timeZone: string): Array<{ label: string; instantMs: number }> {
  const today = wallTimeAt(nowMs, timeZone);
  const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay(); // 0 = Sunday
  const daysToMonday = ((8 - weekday) % 7) || 7;
  const at9 = (days: number) => instantOf({ ...addDays(today, days), hour: 9, minute: 0 }, timeZone);
  const choices: Array<{ label: string; instantMs: number }> = [{ label: 'In 1 hour', instantMs: Math.ceil((nowMs + 3_600_000) / 60_000) * 60_000 }];
  const tomorrow = at9(1);
  if (tomorrow.ok) choices.push({ label: 'Tomorrow 9:00', instantMs: tomorrow.instantMs });
  const monday = at9(daysToMonday);
  if (monday.ok) choices.push({ label: 'Next Monday 9:00', instantMs: monday.instantMs });
  return choices;
}
