/** "30 Nov, 09:14": how the core dates what it tells the user (an opt-out, a scheduled message it could not cancel). */
export const dayAndTime = (at: number): string =>
  new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(at);
