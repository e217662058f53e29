// Text as it may appear in a system notification. Message bodies and contact
// names are untrusted: they must not format, spoof or inject anything there.
import { DIRECTION_CONTROL_CLASS } from './bidi-controls';

/** C0 and C1 controls (line breaks become spaces below), and every direction character. */
const INVISIBLE = new RegExp(`[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F${DIRECTION_CONTROL_CLASS}]`, 'g');

/**
 * Text as it may appear in a notification: one line, no control characters,
 * shortened with an ellipsis. Notification servers on Linux read a subset of
 * markup in the body, so the shell escapes it there (see escapeMarkup).
 */
export function plainText(text: string, max: number): string {
  const oneLine = text.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  const chars = [...oneLine];
  return chars.length <= max ? oneLine : `${chars.slice(0, max - 1).join('')}…`;
}

/** For notification servers that interpret markup (freedesktop body markup). */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

