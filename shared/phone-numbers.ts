// Phone numbers are keys: a conversation is one other party's number in E.164.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

export type NormalisedNumber = { ok: true; e164: string } | { ok: false; reason: string };

export function normaliseNumber(input: string, defaultCountry?: string): NormalisedNumber {
  const raw = input.trim();
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

/** Best-effort key for a number that came from ClickSend (already E.164 in practice). */
export function conversationKey(number: string): string {
  const normalised = normaliseNumber(number);
  return normalised.ok ? normalised.e164 : number.trim();
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
