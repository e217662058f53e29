// Where find-in-thread's words stand in a message, to mark them: the words the
// core matched (shared/find-words.ts folds them alike on both sides), a quoted
// phrase from its first word to its last, the word being typed as a prefix
// (the whole word is marked, as search snippets do). Pure: the bubble renders
// the pieces as text, never HTML.
import { foldWord, wordSpans, type SearchTerm } from '../../../shared/find-words';

export interface Piece {
  text: string;
  match: boolean;
}

export function markFound(text: string, terms: readonly SearchTerm[]): Piece[] {
  const wanted = terms
    .map((term) => ({ words: term.words.map(foldWord).filter(Boolean), prefix: term.prefix }))
    .filter((term) => term.words.length > 0);
  const spans = wordSpans(text);
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < spans.length; i++) {
    for (const term of wanted) {
      const n = term.words.length;
      if (i + n > spans.length) continue;
      const matches = term.words.every((want, k) => {
        const word = spans[i + k]!.folded;
        return word === want || (term.prefix && k === n - 1 && word.startsWith(want));
      });
      if (matches) ranges.push([spans[i]!.start, spans[i + n - 1]!.end]);
    }
  }
  if (ranges.length === 0) return [{ text, match: false }];
  ranges.sort((a, b) => a[0] - b[0]);
  const pieces: Piece[] = [];
  let at = 0;
  let open: [number, number] | null = null;
  const flush = () => {
    if (!open) return;
    if (open[0] > at) pieces.push({ text: text.slice(at, open[0]), match: false });
    pieces.push({ text: text.slice(open[0], open[1]), match: true });
    at = open[1];
  };
  for (const range of ranges) {
    // Overlapping phrases (or a word found by two terms) make one mark.
    if (open && range[0] <= open[1]) open[1] = Math.max(open[1], range[1]);
    else {
      flush();
      open = [range[0], range[1]];
    }
  }
  flush();
  if (at < text.length) pieces.push({ text: text.slice(at), match: false });
  return pieces;
}
