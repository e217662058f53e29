// The money side as it crosses the contract: the low-balance warning the core
// decided on, and the Spend view's figures. Amounts are the core's words
// ("$0.0792"); `units` (ten-thousandths) are only for drawing.
import { z } from 'zod';

export const LowBalance = z.object({
  /** The amount the balance is compared with ("$5.00"). */
  threshold: z.string(),
  /** Whose amount it is: the account's low-credit amount at ClickSend, or the one in Settings. */
  source: z.enum(['clicksend', 'settings']),
  /** When the app warns, in words, for Settings. */
  rule: z.string(),
  /** The header's warning while the balance is below the threshold; null while it is not. */
  warning: z.string().nullable(),
});
export type LowBalance = z.infer<typeof LowBalance>;

export const SpendRange = z.enum(['this-month', 'last-month', 'last-90-days']);
export type SpendRange = z.infer<typeof SpendRange>;

/** An IANA time zone this runtime knows ("Australia/Sydney"). */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'Unknown time zone.');

const SpendFigures = z.object({
  /** Messages ClickSend took (picture messages included). */
  messages: z.number().int(),
  /** Of which picture messages. */
  pictures: z.number().int(),
  /** Texts charged: SMS parts, and one per picture message. */
  texts: z.number().int(),
  /** What they cost, in the account's currency, in whole cents as money is shown ("$1.5840" → "$1.58"). */
  cost: z.string(),
  /** The cost in ten-thousandths of the currency, for the chart's bar heights. */
  units: z.number().int(),
});
export type SpendFigures = z.infer<typeof SpendFigures>;

export const SpendSummary = z.object({
  range: SpendRange,
  zone: z.string(),
  /** The first and last day of the range in `zone`, YYYY-MM-DD (the last is today for a range up to now). */
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  totals: SpendFigures,
  /** Every day of the range, oldest first, days with nothing sent too. */
  days: z.array(SpendFigures.extend({ date: z.string() })),
  /** Every month the range touches (the range's part of it), oldest first; YYYY-MM. */
  months: z.array(SpendFigures.extend({ month: z.string() })),
  /** Conversations with messages in the range, costliest first. */
  conversations: z.array(SpendFigures.extend({ conversationId: z.number().int(), title: z.string(), phone: z.string() })),
  /**
   * Messages scheduled elsewhere (the dashboard, another tool) and not yet
   * due: ClickSend has taken their price, and dates them when they are due.
   * (One scheduled in this app counts on the day it was scheduled.)
   */
  dueLater: SpendFigures,
  /** What counts, in words. */
  note: z.string(),
});
export type SpendSummary = z.infer<typeof SpendSummary>;
