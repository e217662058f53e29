// What a customer's reply decides as it is stored (a rule of the account's
// cache, session/cache-rules.ts): a keyword opts its number out or back in, a
// longer reply with an opt-out word asks the owner. And what the window hears
// once a number's opt-out is decided (by hand, from the ClickSend list, or
// "Not a stop request"): its conversation's row and the reply that asked.
import type { IngestResult } from '../cache/ingest';
import type { ReplyEffects, StoredReply } from '../cache/cache-rules';
import { conversationIdForPhone } from '../cache/conversations';
import type { Db } from '../cache/database';
import { getMessage } from '../cache/messages';
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

export function questionDecided(db: Db, phone: string): IngestResult {
  const id = conversationIdForPhone(db, phone);
  const asked = stopRequestOf(db, phone);
  const reply = asked === null ? null : getMessage(db, asked);
  return { added: [], changed: reply ? [reply] : [], conversationIds: id === null ? [] : [id] };
}
