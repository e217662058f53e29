import { describe, expect, it } from 'vitest';
import { segmentSms } from './sms-segments';

describe('segmentSms', () => {
  it('counts plain GSM-7 text: 160 in one part, then 153 per part', () => {
    expect(segmentSms('')).toMatchObject({ parts: 0, units: 0, encoding: 'GSM-7' });
    expect(segmentSms('a'.repeat(160))).toMatchObject({ parts: 1, units: 160, remaining: 0, perPart: 160 });
    expect(segmentSms('a'.repeat(161))).toMatchObject({ parts: 2, perPart: 153, remaining: 145 });
    expect(segmentSms('a'.repeat(306))).toMatchObject({ parts: 2, remaining: 0 });
    expect(segmentSms('a'.repeat(307))).toMatchObject({ parts: 3, remaining: 152 });
  });

  it('counts the GSM-7 extended characters as two', () => {
    expect(segmentSms('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', units: 160, parts: 1 });
    expect(segmentSms('€'.repeat(81))).toMatchObject({ units: 162, parts: 2 });
    expect(segmentSms('[]{}^~|\\')).toMatchObject({ units: 16, unicodeCharacters: [] });
    // The escape and its character stay in one part: 152 + '€' does not fit in 153.
    expect(segmentSms('a'.repeat(152) + '€' + 'a'.repeat(10))).toMatchObject({ units: 164, parts: 2, remaining: 153 - 12 });
  });

  it('keeps GSM-7 accents GSM-7, and names the character that forces UCS-2', () => {
    expect(segmentSms('Café Ñandu ü à é ù')).toMatchObject({ encoding: 'GSM-7', unicodeCharacters: [] });
    expect(segmentSms('Thanks — see you')).toMatchObject({ encoding: 'UCS-2', unicodeCharacters: ['—'] });
    expect(segmentSms('ça va? Ñandú')).toMatchObject({ encoding: 'UCS-2', unicodeCharacters: ['ç', 'ú'] });
  });

  it('counts UCS-2: 70 in one part, then 67 per part', () => {
    expect(segmentSms('ж'.repeat(70))).toMatchObject({ encoding: 'UCS-2', parts: 1, remaining: 0, perPart: 70 });
    expect(segmentSms('ж'.repeat(71))).toMatchObject({ parts: 2, perPart: 67, remaining: 63 });
    expect(segmentSms('ж'.repeat(134))).toMatchObject({ parts: 2, remaining: 0 });
    expect(segmentSms('ж'.repeat(135))).toMatchObject({ parts: 3 });
  });

  it('counts most emoji as two UTF-16 units and never splits one across parts', () => {
    expect(segmentSms('👍')).toMatchObject({ encoding: 'UCS-2', units: 2, parts: 1, unicodeCharacters: ['👍'] });
    expect(segmentSms('👍'.repeat(35))).toMatchObject({ units: 70, parts: 1 });
    expect(segmentSms('👍'.repeat(36))).toMatchObject({ units: 72, parts: 2 });
    // 66 units then an emoji: the emoji starts part two.
    expect(segmentSms('a'.repeat(66) + '👍' + 'a'.repeat(4))).toMatchObject({ units: 72, parts: 2, remaining: 67 - 6 });
  });

  it('counts combining characters and right-to-left text as the units they are', () => {
    expect(segmentSms('e\u0301')).toMatchObject({ encoding: 'UCS-2', units: 2 });
    expect(segmentSms('שלום')).toMatchObject({ encoding: 'UCS-2', units: 4, parts: 1 });
  });
});
