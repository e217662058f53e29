// What a message would cost, from ClickSend's price answer, in the words the
// composer shows before sending. ClickSend answers a price for a message it
// would refuse with status INSUFFICIENT_CREDIT (or another code) and a price
// of 0: that is said as the refusal, never as "≈ $0.00".
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { Price } from '../../../shared/contract';
import { formatCents, formatCost, toUnits } from '../../../shared/money-amounts';
import type { Db } from '../cache/database';
import { recentPricePerText } from '../cache/spend';
import { explainApplicationCode } from '../clicksend/errors';
import type { PriceData } from '../clicksend/schemas';

export interface QuoteContext {
  db: Db;
  /** The account's currency prefix, when ClickSend's answer names none. */
  currency: string;
  /** The balance as ClickSend says it now ("0.05"); read only when the credit is short. */
  balance(): Promise<string>;
}

/** ClickSend's price answer for one message to `to` (E.164), as the composer shows it. */
export async function quotePrice(answer: PriceData, to: string, kind: 'sms' | 'mms', context: QuoteContext): Promise<Price> {
  const currency = answer._currency?.currency_prefix_d ?? context.currency;
  const parts = answer.messages.reduce((sum, m) => sum + (m.message_parts ?? 0), 0);
  const price = { parts, total: answer.total_price.toFixed(4), currency };
  const refused = answer.messages.find((m) => m.status !== 'SUCCESS');
  if (!refused) return { ...price, cost: formatCost(toUnits(answer.total_price) ?? 0, currency), refusal: null };
  if (refused.status !== 'INSUFFICIENT_CREDIT') {
    const { message, action } = explainApplicationCode(refused.status);
    return { ...price, cost: null, refusal: [message, action].filter(Boolean).join(' ') };
  }
  const balance = toUnits(await context.balance());
  const perText = estimate(context.db, kind, to);
  const texts = kind === 'mms' ? 1 : Math.max(1, parts);
  const facts = [
    perText === null ? null : `this message costs about ${formatCost(perText * texts, currency)}`,
    balance === null ? null : `the balance is ${formatCents(balance, currency)}`,
  ].filter(Boolean);
  const why = facts.length ? `Not enough credit: ${facts.join(' and ')}.` : 'Not enough credit for this message.';
  return { ...price, cost: null, refusal: `${why} Top up in the ClickSend dashboard.` };
}

/** What a text to this number's country cost last time; ClickSend prices a message it would refuse at 0. */
function estimate(db: Db, kind: 'sms' | 'mms', to: string): number | null {
  const callingCode = parsePhoneNumberFromString(to)?.countryCallingCode;
  return callingCode ? recentPricePerText(db, kind, `+${callingCode}`) : null;
}
