// What a message would cost, from ClickSend's price answer, in the words the
// composer shows before sending. ClickSend answers a price for a message it
// would refuse with status INSUFFICIENT_CREDIT (or another code) and a price
// of 0: that is said as the refusal, never as "≈ $0.00".
import type { Price } from '../../../shared/contract';
import { formatCents, formatCost, toUnits } from '../../../shared/money-amounts';
import { callingCode } from '../../../shared/phone-numbers';
import type { Db } from '../cache/database';
import { recentCharge } from '../cache/spend';
import { explainApplicationCode } from '../clicksend/errors';
import { inWords } from '../errors/inbox-error';
import type { PriceData } from '../clicksend/schemas';
import { textsOf } from './spend';

export interface QuoteContext {
  db: Db;
  /** The account's currency prefix, when ClickSend's answer names none. */
  currency: string;
  /**
   * The balance as last read ("0.05"): read again after every send ClickSend
   * answered and when the window comes forward, so a refused send has already
   * brought the one that is short.
   */
  balance: string;
}

/** ClickSend's price answer for one message to `to` (E.164), as the composer shows it. */
export function quotePrice(answer: PriceData, to: string, kind: 'sms' | 'mms', context: QuoteContext): Price {
  const currency = answer._currency?.currency_prefix_d ?? context.currency;
  const parts = answer.messages.reduce((sum, m) => sum + (m.message_parts ?? 0), 0);
  const price = { parts, total: answer.total_price.toFixed(4), currency };
  const refused = answer.messages.find((m) => m.status !== 'SUCCESS');
  if (!refused) return { ...price, cost: formatCost(toUnits(answer.total_price) ?? 0, currency), refusal: null };
  if (refused.status !== 'INSUFFICIENT_CREDIT') {
    return { ...price, cost: null, refusal: inWords(explainApplicationCode(refused.status)) };
  }
  const balance = toUnits(context.balance);
  const perText = estimate(context.db, kind, to);
  const facts = [
    perText === null ? null : `this message costs about ${formatCost(perText * textsOf({ kind, parts }), currency)}`,
    balance === null ? null : `the balance is ${formatCents(balance, currency)}`,
  ].filter(Boolean);
  const why = facts.length ? `Not enough credit: ${facts.join(' and ')}.` : 'Not enough credit for this message.';
  return { ...price, cost: null, refusal: `${why} Top up in the ClickSend dashboard.` };
}

/** What a text to this number's country cost last time, in ten-thousandths; ClickSend prices a message it would refuse at 0. */
function estimate(db: Db, kind: 'sms' | 'mms', to: string): number | null {
  const code = callingCode(to);
  const recent = code === null ? null : recentCharge(db, kind, code);
  const units = toUnits(recent?.price);
  return recent && units !== null ? Math.round(units / textsOf(recent)) : null;
}
