// Phone numbers are keys: a conversation is one other party's number in E.164.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export type NormalisedNumber = { ok: true; e164: string } | { ok: false; reason: string };

/** Between numbers typed in one field: a comma, semicolon, slash, bar, line break, "and", "or", "&". */
const SEPARATORS = /\s*(?:[,;/|\r\n]+|\s(?:and|or|&)\s)\s*/i;

/**
 * Several numbers in one field ("0412 345 678, 0498 765 432") are said to be
 * several, each being fine alone; before, they were "not a valid phone
 * number. Include the country code", or the first was taken silently.
 */
export function normaliseNumber(input: string, defaultCountry?: string): NormalisedNumber {
  const raw = input.trim();
  const chunks = raw.split(SEPARATORS).filter((chunk) => chunk !== '');
  if (chunks.length <= 1) {
    const whole = oneNumber(raw, defaultCountry);
    const sideBySide = whole.ok ? null : numbersSideBySide(raw, defaultCountry);
    return sideBySide ? several(sideBySide) : whole;
  }
  const numbers: string[] = [];
  for (const chunk of chunks) {
    const found = oneNumber(chunk, defaultCountry).ok ? [chunk] : numbersSideBySide(chunk, defaultCountry);
    // The part that is no number is what to fix (libphonenumber would take the first number of the text, dropping the rest).
    if (!found) return oneNumber(chunk, defaultCountry);
    numbers.push(...found);
  }
  return several(numbers);
}

function several(numbers: readonly string[]): NormalisedNumber {
  const listed = `${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)!}`;
  return { ok: false, reason: `That is ${numbers.length} numbers: ${listed}. Enter one at a time.` };
}

/** "0412 345 678 0498 765 432": the longest run of words that is a number, then the next; null unless all are. */
function numbersSideBySide(raw: string, defaultCountry?: string): string[] | null {
  const words = raw.split(/\s+/);
  if (words.length < 2 || words.length > 24) return null;
  const found: string[] = [];
  for (let start = 0; start < words.length; ) {
    let end = words.length;
    while (end > start && !oneNumber(words.slice(start, end).join(' '), defaultCountry).ok) end--;
    if (end === start) return null;
    found.push(words.slice(start, end).join(' '));
    start = end;
  }
  return found.length >= 2 ? found : null;
}

function oneNumber(raw: string, defaultCountry?: string): NormalisedNumber {
  if (raw === '') return { ok: false, reason: 'Enter a phone number.' };
  if (/[a-z]/i.test(raw)) return { ok: false, reason: 'A phone number can only contain digits, spaces, dashes and a leading +.' };
  const withPlus = raw.startsWith('00') ? `+${raw.slice(2)}` : raw;
  const parsed = parsePhoneNumberFromString(withPlus, defaultCountry as CountryCode | undefined);
  if (!parsed || !parsed.isPossible()) {
    return {
      ok: false,
      reason: withPlus.startsWith('+')
        ? `${raw} is not a valid phone number.`
        : `${raw} is not a valid phone number. Include the country code, for example +61 411 111 111.`,
    };
  }
  return { ok: true, e164: parsed.number };
}

/**
 * Best-effort key for a number that came from ClickSend (already E.164 in
 * practice): one number, parsed; "several numbers" is a rule for what is typed.
 */
export function conversationKey(number: string): string {
  const raw = number.trim();
  const normalised = oneNumber(raw);
  return normalised.ok ? normalised.e164 : raw;
}

/** A number's country calling code with its + ("+61" for +61 411 111 111); null when it has none. */
export function callingCode(e164: string): string | null {
  const code = parsePhoneNumberFromString(e164)?.countryCallingCode;
  return code ? `+${code}` : null;
}

/** Formatted numbers seen recently: parsing is the costly part, and a list shows the same ones page after page. */
const formatted = new Map<string, string>();

export function formatNumber(e164: string): string {
  let text = formatted.get(e164);
  if (text === undefined) {
    const parsed = parsePhoneNumberFromString(e164);
    text = parsed ? parsed.formatInternational() : e164;
    if (formatted.size >= 20_000) formatted.clear();
    formatted.set(e164, text);
  }
  return text;
}
