// Text from customers (replies, names, imported contacts) may carry invisible
// characters that reorder what is shown: a right-to-left override makes
// "\u202E/moc.live" read as "evil.com/". The window shows each one as a visible
// mark instead of obeying it, and isolates every piece of customer text so it
// cannot reorder what stands beside it. Notifications drop them
// (notification-text.ts); the stored text is never changed.

/** Every character that changes the direction of the text after it. */
const NAMES: Record<string, string> = {
  '\u061C': 'ALM',
  '\u200E': 'LRM',
  '\u200F': 'RLM',
  '\u202A': 'LRE',
  '\u202B': 'RLE',
  '\u202C': 'PDF',
  '\u202D': 'LRO',
  '\u202E': 'RLO',
  '\u2066': 'LRI',
  '\u2067': 'RLI',
  '\u2068': 'FSI',
  '\u2069': 'PDI',
};
/** The same characters as a regular-expression class body, for every place that finds them (notifications drop them). */
export const DIRECTION_CONTROL_CLASS = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
const CONTROLS = new RegExp(`[${DIRECTION_CONTROL_CLASS}]`, 'g');

export interface TextPiece {
  text: string;
  /** The short name of a direction character shown as a mark (e.g. "RLO"), or null for plain text. */
  control: string | null;
}

/** The text cut at its direction characters, each one a piece of its own. */
export function directionPieces(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const m of text.matchAll(CONTROLS)) {
    if (m.index > at) pieces.push({ text: text.slice(at, m.index), control: null });
    pieces.push({ text: m[0], control: NAMES[m[0]]! });
    at = m.index + 1;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), control: null });
  return pieces;
}

/** The same text as one string with each direction character written out ("[RLO]"), for labels and dialogs. */
export function withDirectionMarksShown(text: string): string {
  return text.replace(CONTROLS, (c) => `[${NAMES[c]!}]`);
}

/** Words for a mark's tooltip and screen readers. */
export function directionControlDescription(name: string): string {
  return `Hidden direction character ${name}, shown here instead of reordering the text`;
}
