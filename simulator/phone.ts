// Recipient number checks. ClickSend wants E.164 but also takes bare international
// digits; we accept both and answer with the +E.164 form.

const COUNTRIES: ReadonlyArray<{ prefix: string; country: string; carrier: string }> = [
  { prefix: '+61', country: 'AU', carrier: 'Telstra' },
  { prefix: '+64', country: 'NZ', carrier: 'Spark' },
  { prefix: '+44', country: 'GB', carrier: 'Vodafone' },
  { prefix: '+65', country: 'SG', carrier: 'Singtel' },
  { prefix: '+91', country: 'IN', carrier: 'Airtel' },
  { prefix: '+49', country: 'DE', carrier: 'Telekom' },
  { prefix: '+33', country: 'FR', carrier: 'Orange' },
  { prefix: '+1', country: 'US', carrier: 'T-Mobile' },
];

/** Shared number ClickSend sends from when no sender ID is given. */
export const SHARED_NUMBER = '+61411000000';

/**
 * Returns the +E.164 form, or null when the number is not acceptable:
 * '+' then 8–15 digits, or 8–15 bare digits. Spaces, dashes and brackets are
 * ignored, as ClickSend does. Bare digits starting with 0 are read as an
 * Australian local number (the simulated account's country is AU).
 */
export function normalizePhone(input: unknown): string | null {
  if (typeof input !== 'string' && typeof input !== 'number') return null;
  const raw = String(input).trim().replace(/[\s\-().]/g, '');
  if (/^\+\d{8,15}$/.test(raw)) return raw;
  if (/^\d{8,15}$/.test(raw)) {
    if (raw.startsWith('0')) return /^0\d{9}$/.test(raw) ? `+61${raw.slice(1)}` : null;
    return `+${raw}`;
  }
  return null;
}

export function countryOf(e164: string): { country: string; carrier: string } {
  const hit = COUNTRIES.find((c) => e164.startsWith(c.prefix));
  return hit ? { country: hit.country, carrier: hit.carrier } : { country: 'XX', carrier: 'Unknown' };
}

/** +999 is our stand-in for a destination the account may not send to. */
export function isCountryDisabled(e164: string): boolean {
  return e164.startsWith('+999');
}

/** Sender IDs: alphanumeric up to 11 chars without spaces, or a phone number. */
export function isValidSenderId(from: string): boolean {
  if (/\s/.test(from) || from.length === 0) return false;
  if (/^\+?\d{3,16}$/.test(from)) return true;
  return from.length <= 11 && /^[A-Za-z0-9+._-]+$/.test(from);
}
