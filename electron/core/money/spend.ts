// Spend: what the account's messages cost, per day and month in the user's
// time zone and per conversation, summed from the price ClickSend gave each
// message (cache/spend.ts says which count) in whole ten-thousandths, so the
// figures are exactly the sum of the prices. Picture messages are included.
import type { Result, SpendFigures, SpendRange, SpendSummary } from '../../../shared/contract';
import { csvFile } from '../../../shared/csv';
import { formatNumber } from '../../../shared/phone-numbers';
import { conversationTitle } from '../cache/conversations';
import type { Db } from '../cache/database';
import { chargedDueLater, chargedMessages, conversationNames, type ChargedMessage } from '../cache/spend';
import { formatCost, plainAmount, toUnits } from '../../../shared/money-amounts';
import { addDays, datesBetween, localTime, rangeDates, startOfDay, type IsoDate } from './zone-days';

/** A sum being counted: the figures before their cost is put in words. */
type Tally = Omit<SpendFigures, 'cost'>;

const empty = (): Tally => ({ messages: 0, pictures: 0, texts: 0, units: 0 });

/** A picture message is one text whatever ClickSend wrote for its parts; an SMS with no parts recorded, one. */
export function textsOf(m: Pick<ChargedMessage, 'kind' | 'parts'>): number {
  return m.kind === 'mms' ? 1 : Math.max(1, m.parts ?? 1);
}

/** One message's figures, its price read once. */
function tallyOf(m: ChargedMessage): Tally {
  return { messages: 1, pictures: m.kind === 'mms' ? 1 : 0, texts: textsOf(m), units: toUnits(m.price) ?? 0 };
}

function add(t: Tally, one: Tally): void {
  t.messages += one.messages;
  t.pictures += one.pictures;
  t.texts += one.texts;
  t.units += one.units;
}

function figures(t: Tally, currency: string): SpendFigures {
  return { ...t, cost: formatCost(t.units, currency) };
}

export interface SpendQuery {
  range: SpendRange;
  zone: string;
  now: number;
  currency: string;
}

interface Counted {
  from: IsoDate;
  to: IsoDate;
  dates: IsoDate[];
  /** The day (index into dates) each message went on. */
  rows: Array<{ message: ChargedMessage; day: number }>;
}

/** The range's charged messages, each placed on its day in the zone; none dated after now (those are due later). */
function counted(db: Db, { range, zone, now }: SpendQuery): Counted {
  const { from, to } = rangeDates(range, now, zone);
  const dates = datesBetween(from, to);
  const starts = dates.map((date) => startOfDay(date, zone));
  const end = Math.min(startOfDay(addDays(to, 1), zone), now + 1);
  const rows = chargedMessages(db, starts[0]!, end).map((message) => {
    // The last day that starts at or before it (the rows are in time order, so this walks forward once).
    let day = 0;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= message.at) {
        day = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return { message, day };
  });
  return { from, to, dates, rows };
}

/** What counts, in words, with what the figures leave out. */
function note(unpriced: number): string {
  const base =
    'Messages ClickSend accepted from this account, picture messages included, at the price ClickSend gave each (delivered or not), on the day ClickSend took it: when sent, or for a message scheduled in this app, when scheduled. Messages ClickSend refused, and cancelled ones (refunded), are not counted; replies cost nothing.';
  if (unpriced === 0) return base;
  return `${base} ${unpriced === 1 ? 'One message has' : `${unpriced} messages have`} no price from ClickSend yet and count as nothing.`;
}

export function spendSummary(db: Db, query: SpendQuery): SpendSummary {
  const { from, to, dates, rows } = counted(db, query);
  const { currency } = query;
  const totals = empty();
  const days = dates.map(empty);
  const months = new Map<string, Tally>(dates.map((d) => [d.slice(0, 7), empty()]));
  const monthOfDay = dates.map((d) => months.get(d.slice(0, 7))!);
  const conversations = new Map<number, Tally>();
  let unpriced = 0;
  for (const { message, day } of rows) {
    const one = tallyOf(message);
    add(totals, one);
    add(days[day]!, one);
    add(monthOfDay[day]!, one);
    let c = conversations.get(message.conversationId);
    if (!c) conversations.set(message.conversationId, (c = empty()));
    add(c, one);
    if (message.price === null || (one.units === 0 && toUnits(message.price) === null)) unpriced++;
  }
  const later = empty();
  for (const message of chargedDueLater(db, query.now)) add(later, tallyOf(message));
  const names = conversationNames(db, [...conversations.keys()]);
  return {
    range: query.range,
    zone: query.zone,
    from,
    to,
    currency,
    totals: figures(totals, currency),
    days: dates.map((date, i) => ({ date, ...figures(days[i]!, currency) })),
    months: [...months].map(([month, t]) => ({ month, ...figures(t, currency) })),
    conversations: [...conversations]
      .map(([conversationId, t]) => {
        const name = names.get(conversationId);
        const phone = name?.phone ?? '';
        return { conversationId, title: conversationTitle(name?.contactName, phone), phone, ...figures(t, currency) };
      })
      .sort((a, b) => b.units - a.units || b.messages - a.messages || a.title.localeCompare(b.title)),
    dueLater: figures(later, currency),
    note: note(unpriced),
  };
}

/** The messages behind the summary, one row each: a spreadsheet's sums of Cost match the view's. */
export function spendCsv(db: Db, query: SpendQuery): Result<'spend.export'> {
  const { from, to, dates, rows } = counted(db, query);
  const names = conversationNames(db, [...new Set(rows.map((r) => r.message.conversationId))]);
  const cost = `Cost (${query.currency || 'account currency'})`;
  const columns = ['Date', 'Time', 'Conversation', 'Number', 'Type', 'Texts', cost, 'Status'];
  const cells = rows.map(({ message, day }) => {
    const name = names.get(message.conversationId);
    const phone = name?.phone ?? '';
    return [
      dates[day]!,
      // HH:MM of its local time.
      localTime(message.at, query.zone).slice(11, 16),
      conversationTitle(name?.contactName, phone),
      phone ? formatNumber(phone) : '',
      message.kind === 'mms' ? 'Picture' : 'SMS',
      textsOf(message),
      plainAmount(toUnits(message.price) ?? 0),
      message.status,
    ];
  });
  return { filename: `spend-${from}-to-${to}.csv`, csv: csvFile(columns, cells) };
}
