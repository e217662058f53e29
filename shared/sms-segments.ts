// How an SMS body is encoded and split into parts, as handsets and carriers
// count it: GSM-7 (160 in one part, 153 per part when split; the extended
// characters take two septets) or UCS-2 as soon as one character is outside
// GSM-7 (70 / 67, counted in UTF-16 units, so most emoji take two). A
// character's units are never split across two parts.

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';

const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

export type Encoding = 'GSM-7' | 'UCS-2';

export interface Segments {
  encoding: Encoding;
  /** Septets (GSM-7) or UTF-16 units (UCS-2) the body takes. */
  units: number;
  parts: number;
  /** Units one part holds at this length (160/153 or 70/67). */
  perPart: number;
  /** Units left in the last part before another part is needed. */
  remaining: number;
  /** The distinct characters that force UCS-2, in order of appearance. */
  unicodeCharacters: string[];
}

export function segmentSms(body: string): Segments {
  const chars = [...body];
  const unicodeCharacters = [...new Set(chars.filter((ch) => !basic.has(ch) && !extended.has(ch)))];
  const encoding: Encoding = unicodeCharacters.length === 0 ? 'GSM-7' : 'UCS-2';
  const [single, multi] = encoding === 'GSM-7' ? [160, 153] : [70, 67];
  const cost = (ch: string) => (encoding === 'GSM-7' ? (extended.has(ch) ? 2 : 1) : ch.length);
  const units = chars.reduce((sum, ch) => sum + cost(ch), 0);
  if (units === 0) return { encoding, units, parts: 0, perPart: single, remaining: single, unicodeCharacters };
  if (units <= single) return { encoding, units, parts: 1, perPart: single, remaining: single - units, unicodeCharacters };
  let parts = 1;
  let used = 0;
  for (const ch of chars) {
    const c = cost(ch);
    if (used + c > multi) {
      parts++;
      used = 0;
    }
    used += c;
  }
  return { encoding, units, parts, perPart: multi, remaining: multi - used, unicodeCharacters };
}
