// Scheduled outbound messages, the same for SMS and MMS: each kind keeps its own
// history and set of rows still Scheduled, and both cancel and come due alike.
import { ApiError, notFound } from './envelope';
import type { HistoryStore } from './history';
import { str } from './send-request';
import type { Ctx, HistoryRow } from './types';

/** One kind of outbound message: the history it shows in and its rows still Scheduled. */
export interface Outbox<R extends HistoryRow> {
  history: HistoryStore;
  scheduled: Set<R>;
}

function cancel<R extends HistoryRow>(ctx: Ctx, box: Outbox<R>, row: R): void {
  box.scheduled.delete(row);
  box.history.update(row.message_id, { status: 'Cancelled' });
  // Charged when accepted, so cancelling refunds.
  ctx.account.balanceUnits += Math.round(Number(row.message_price) * 10000);
}

/** PUT …/{message_id}/cancel: the outbound row `find` gives for the id must still be Scheduled for later. */
export function cancelScheduled<R extends HistoryRow>(ctx: Ctx, box: Outbox<R>, find: (messageId: string) => R | undefined): void {
  const row = find((ctx.params.message_id ?? '').toUpperCase());
  if (!row || row.direction !== 'out') throw notFound('Message not found.');
  if (row.status !== 'Scheduled' || row.date <= ctx.sim.now()) {
    throw new ApiError(400, 'INVALID_REQUEST', `This message can no longer be cancelled (status: ${row.status}).`);
  }
  cancel(ctx, box, row);
}

/** PUT …/cancel-all: every row Scheduled for later, or only those with the body's custom_string. Returns how many. */
export function cancelAllScheduled<R extends HistoryRow>(ctx: Ctx, box: Outbox<R>): number {
  const custom = str(ctx.body.custom_string);
  const now = ctx.sim.now();
  let count = 0;
  for (const row of [...box.scheduled]) {
    if (row.date <= now) continue;
    if (custom !== null && custom !== '' && row.custom_string !== custom) continue;
    cancel(ctx, box, row);
    count++;
  }
  return count;
}

/** Rows whose time has come turn Sent when the account next calls the API. */
export function markDueSent<R extends HistoryRow>(box: Outbox<R>, now: number): void {
  for (const row of box.scheduled) {
    if (row.date <= now) {
      box.scheduled.delete(row);
      box.history.update(row.message_id, { status: 'Sent' });
    }
  }
}
