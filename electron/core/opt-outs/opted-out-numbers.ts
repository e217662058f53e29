// The numbers that may not be texted, as Contacts lists them and exports
// them: when, how (a reply, by hand, the ClickSend list) and why.
import type { Result } from '../../../shared/contract';
import { csvFile } from '../../../shared/csv';
import { formatNumber } from '../../../shared/phone-numbers';
import { contactNameForPhone, conversationTitle } from '../cache/conversations';
import type { Db } from '../cache/database';
import { listOptedOut } from '../cache/opt-outs';
import { optOutNotice } from './notice';

const HOW: Record<Result<'optOuts.list'>[number]['how'], string> = {
  reply: 'Replied STOP',
  'by-hand': 'By hand',
  'clicksend-list': 'ClickSend opt-out list',
};

export function optedOutNumbers(db: Db): Result<'optOuts.list'> {
  return listOptedOut(db).map((r) => ({
    phone: r.phone,
    displayPhone: formatNumber(r.phone),
    title: conversationTitle(contactNameForPhone(db, r.phone), r.phone),
    since: r.changedAt,
    how: r.how,
    note: r.note,
    notice: optOutNotice(r),
  }));
}

export function optedOutCsv(db: Db): Result<'optOuts.export'> {
  const rows = optedOutNumbers(db).map((n) => [
    n.phone,
    n.title === n.displayPhone ? '' : n.title,
    new Date(n.since).toISOString(),
    HOW[n.how],
    n.note,
  ]);
  return { filename: 'opted-out-numbers.csv', csv: csvFile(['Number', 'Name', 'Opted out at', 'How', 'Note'], rows) };
}
