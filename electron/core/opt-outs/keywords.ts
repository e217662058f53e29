// What a customer's reply says about being texted: the keyword lists carriers
// and regulators name (US CTIA and the FCC's 2025 revocation rule, Australia's
// Spam Act, the UK's PECR), in one place. A reply that is only a keyword
// (any case, punctuation and spacing ignored) decides; a longer one that
// contains an opt-out word is only flagged for the user to confirm.

export const OPT_OUT_WORDS = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPT OUT'] as const;
/** YES counts only after an opt-out (it answers "reply YES to confirm" otherwise). */
export const OPT_IN_WORDS = ['START', 'UNSTOP', 'YES'] as const;

export type ReplyIntent = 'opt-out' | 'opt-in' | 'possible-opt-out' | null;

/** Letters and digits only, words single-spaced, upper case: "Stop!!" → "STOP", "opt-out." → "OPT OUT". */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const optOut: readonly string[] = OPT_OUT_WORDS;
const optIn = new Set<string>(OPT_IN_WORDS);
/** "OPTOUT" and "OPT OUT" alike. */
const joined = (words: string) => words.replace(/ /g, '');

/** Whether the number is opted out is asked only for a YES (ingestion asks the cache, so it asks as little as it can). */
export function replyIntent(body: string, { optedOut }: { optedOut: boolean | (() => boolean) }): ReplyIntent {
  const text = normalise(body);
  if (text === '') return null;
  if (optOut.some((w) => joined(w) === joined(text))) return 'opt-out';
  if (optIn.has(text)) return text === 'YES' && !(typeof optedOut === 'function' ? optedOut() : optedOut) ? null : 'opt-in';
  const words = ` ${text} `;
  if (optOut.some((w) => words.includes(` ${w} `))) return 'possible-opt-out';
  return null;
}
