// How often to poll. Replies should feel instant while someone is looking,
// and an inbox left open all night should cost almost nothing.

export const FOCUSED_MIN_MS = 5_000;
/** Unfocused this long counts as idle. */
export const IDLE_AFTER_MS = 10 * 60_000;
export const IDLE_MAX_MS = 5 * 60_000;

/** The window's focus, as cadence needs it (the session's Presence also says which thread is open). */
export interface WindowFocus {
  focused: boolean;
  /** Epoch ms when the window last lost focus (or the app started unfocused). */
  unfocusedSince: number;
}

export function pollDelay(baseMs: number, focus: WindowFocus, now: number): number {
  if (focus.focused) return Math.min(baseMs, Math.max(FOCUSED_MIN_MS, Math.round(baseMs / 3)));
  if (now - focus.unfocusedSince >= IDLE_AFTER_MS) return Math.max(baseMs, Math.min(IDLE_MAX_MS, baseMs * 4));
  return baseMs;
}

/** Templates and contacts change rarely: refreshed on this period, and on "Sync now". */
export const DIRECTORY_EVERY_MS = 5 * 60_000;
