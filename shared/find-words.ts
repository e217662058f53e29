// What the user typed into a search, as terms; and words as find-in-thread
// sees them on both sides of its index: the core files each message under its
// conversation's words (electron/core/cache/find-in-thread.ts) and the thread
// marks the same words in a bubble, so what is counted is what is marked.

/** Letters, digits and the marks on them: a word, as FTS5's unicode61 tokenizer sees one. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const WORD_CHAR_AT_END = /[\p{L}\p{N}\p{M}]$/u;
const MARKS = /\p{M}/gu;
// eslint-disable-next-line no-control-regex -- the whole ASCII range, on purpose
const NON_ASCII = /[^\u0000-\u007f]/;
const MAX_INPUT = 1000;
const MAX_TERMS = 16;

/** A word, or a "quoted phrase" of words in a row; the word being typed matches as a prefix. */
export interface SearchTerm {
  /** As typed (not folded). */
  words: string[];
  prefix: boolean;
}

/**
 * "see you" (in quotes) is a phrase; other words must all appear; the last
 * word, while still being typed, matches as a prefix. Null when nothing
 * searchable was typed. Quotes are the only syntax: everything else is words.
 */
export function searchTerms(text: string): SearchTerm[] | null {
  const terms: SearchTerm[] = [];
  const input = text.slice(0, MAX_INPUT);
  const parts = input.split('"');
  parts.forEach((part, index) => {
    const words = part.match(WORD) ?? [];
    if (words.length === 0) return;
    const insideQuotes = index % 2 === 1 && index < parts.length - 1;
    if (insideQuotes) terms.push({ words, prefix: false });
    else for (const word of words) terms.push({ words: [word], prefix: false });
  });
  if (terms.length === 0) return null;
  const kept = terms.slice(0, MAX_TERMS);
  const typingLastWord = WORD_CHAR_AT_END.test(input) && !input.trimEnd().endsWith('"');
  if (typingLastWord && kept.length === terms.length) kept[kept.length - 1]!.prefix = true;
  return kept;
}

/**
 * "Café", "CAFE" and "cafe" are one word: lower case, marks (accents) dropped.
 * Part of the find index's format: a change here needs a migration that
 * rebuilds `find_fts`.
 */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(MARKS, '') : lower;
}

/** Each word of a text, folded, where it stands (UTF-16 offsets into the text). */
export function wordSpans(text: string): Array<{ start: number; end: number; folded: string }> {
  const spans: Array<{ start: number; end: number; folded: string }> = [];
  for (const match of text.matchAll(WORD)) {
    const folded = foldWord(match[0]);
    if (folded) spans.push({ start: match.index, end: match.index + match[0].length, folded });
  }
  return spans;
}

/** A text's words, folded (a word of marks alone folds to nothing and is left out). */
export function foldedWords(text: string): string[] {
  const words: string[] = [];
  for (const word of text.match(WORD) ?? []) {
    const folded = foldWord(word);
    if (folded) words.push(folded);
  }
  return words;
}
