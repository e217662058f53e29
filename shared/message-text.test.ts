import { describe, expect, it } from 'vitest';
import { unsendableCharacter } from './message-text';

describe('unsendableCharacter', () => {
  it.each([
    ['plain text', 'See you at 10'],
    ['line breaks and tabs', 'Line one\r\nLine two\tend'],
    ['emoji, combining marks and a family', '👍 café 👨‍👩‍👧 e\u0301'],
    ['right-to-left text', 'مرحبا بك שלום'],
    ['markup, which is only text', '<img src=x onerror=alert(1)>'],
  ])('lets %s through', (_, text) => {
    expect(unsendableCharacter(text)).toBeNull();
  });

  it.each([
    ['NUL', 'a\u0000b', 'U+0000'],
    ['a bell', '\u0007', 'U+0007'],
    ['escape', 'x\u001B[31m', 'U+001B'],
    ['delete', '\u007F', 'U+007F'],
  ])('names %s as an invisible control character', (_, text, code) => {
    expect(unsendableCharacter(text)).toBe(`The message contains an invisible control character (${code}) that phones cannot show. Remove it and send again.`);
  });

  it('names half of an emoji, either half', () => {
    expect(unsendableCharacter('cut \uD83D')).toMatch(/broken character \(U\+D83D/);
    expect(unsendableCharacter('\uDC4D cut')).toMatch(/broken character \(U\+DC4D/);
  });
});
