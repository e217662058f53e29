import { describe, expect, it } from 'vitest';
import { directionPieces, withDirectionMarksShown } from './bidi-controls';

describe('direction characters in customer text', () => {
  it('cuts the text at every override, embedding, isolate and mark', () => {
    expect(directionPieces('pay at \u202E/moc.live')).toEqual([
      { text: 'pay at ', control: null },
      { text: '\u202E', control: 'RLO' },
      { text: '/moc.live', control: null },
    ]);
    const all = '\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069';
    expect(directionPieces(all).map((p) => p.control)).toEqual(['ALM', 'LRM', 'RLM', 'LRE', 'RLE', 'PDF', 'LRO', 'RLO', 'LRI', 'RLI', 'FSI', 'PDI']);
  });

  it('leaves ordinary text, Arabic and Hebrew, emoji and joiners alone', () => {
    for (const text of ['Hello 👋🏽', 'مرحبا بك', 'שלום', '👩‍👩‍👧', '']) expect(directionPieces(text)).toEqual([{ text, control: null }]);
  });

  it('writes each one out in a plain string', () => {
    expect(withDirectionMarksShown('a\u202Eb\u2066c')).toBe('a[RLO]b[LRI]c');
    expect(withDirectionMarksShown('no marks')).toBe('no marks');
  });
});
