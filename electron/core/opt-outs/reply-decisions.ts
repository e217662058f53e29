// What a customer's reply decides, as a rule of the account's cache
// (session/cache-rules.ts), in ingestion's transaction: a keyword opts its
// number out or back in; a longer reply with an opt-out word asks the owner.
import type { ReplyEffects, StoredReply } from '../cache/cache-rules';
import type { Db } from '../cache/database';
import { optedOut, recordOptOut } from '../cache/opt-outs';
import { recordStopRequest, stopRequestOf } from '../cache/stop-requests';
import { OPT_OUT_WORDS, replyIntent } from './keywords';

export function decideByReply(db: Db, reply: StoredReply): ReplyEffects | void {
  const intent = replyIntent(reply.body, { optedOut: () => optedOut(db, reply.phone) !== null });
  if (intent === 'possible-opt-out') {
    const { replaced } = recordStopRequest(db, reply.phone, reply.rowId, reply.createdAt);
    return { changedRowIds: replaced === null ? [] : [replaced], mayAskToStop: true };
  }
  if (intent === null) return;
  const record = { phone: reply.phone, optedOut: intent === 'opt-out', changedAt: reply.createdAt, how: 'reply' as const, messageRowId: reply.rowId, note: null };
  const changed = recordOptOut(db, record);
  // Decided: a reply asking to stop no longer asks.
  const asked = stopRequestOf(db, reply.phone);
  return { ...(changed ? { optedOut: record.optedOut } : {}), changedRowIds: asked === null ? [] : [asked] };
}

/** For migration 10: an old reply that reads like a request to stop (no keyword alone). */
export const stopRequestWords = { words: OPT_OUT_WORDS, test: (body: string) => replyIntent(body, { optedOut: false }) === 'possible-opt-out' };
