import { normaliseNumber } from '../../../shared/phone-numbers';
import { InboxError } from '../errors/inbox-error';

/** A number the user typed, as E.164, or the refusal they see (INVALID_NUMBER, with the reason). */
export function requirePhoneNumber(input: string, defaultCountry: string | undefined): string {
  const number = normaliseNumber(input, defaultCountry);
  if (!number.ok) throw new InboxError('INVALID_NUMBER', number.reason, null);
  return number.e164;
}
