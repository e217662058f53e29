import { describe, expect, it } from 'vitest';
import { searchTerms } from '../../../shared/find-words';
import { markFound } from './find-marks';

/** The text with its marks shown as [brackets]. */
const marked = (text: string, typed: string) =>
  markFound(text, searchTerms(typed) ?? [])
    .map((p) => (p.match ? `[${p.text}]` : p.text))
    .join('');

describe('marks of find in a thread', () => {
  it('marks every word found, ignoring case and accents, and leaves the rest as it was', () => {
    expect(marked('Café on Thursday? CAFE again.', 'cafe ')).toBe('[Café] on Thursday? [CAFE] again.');
    expect(marked('See you on Thursday, see?', 'see thursday ')).toBe('[See] you on [Thursday], [see]?');
    expect(marked('Nothing here', 'zephyr')).toBe('Nothing here');
  });

  it('marks the whole word a typed prefix found, and a phrase from its first word to its last', () => {
    expect(marked('Can we reschedule? Rescheduling is fine', 'resch')).toBe('Can we [reschedule]? [Rescheduling] is fine');
    expect(marked('see  you, then see you', '"see you"')).toBe('[see  you], then [see you]');
    expect(marked('you see', '"see you"')).toBe('you see');
  });

  it('merges overlapping marks and keeps text that looks like markup as text', () => {
    expect(marked('a b a b', '"a b" "b a"')).toBe('[a b a b]');
    expect(marked('<b>bold</b> & <i>x</i>', 'bold')).toBe('<b>[bold]</b> & <i>x</i>');
  });

  it('counts in UTF-16 like the text: emoji and combining accents stay whole', () => {
    expect(marked('👍 cafe\u0301 👍', 'café')).toBe('👍 [cafe\u0301] 👍');
  });
});
