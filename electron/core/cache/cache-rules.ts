// Rules the cache applies but does not own, given by their owners where an
// account's cache is opened (session/cache-rules.ts): what a reply sets off
// (an archived conversation back, STOP and START, a request to stop to ask
// about) and an opt-out's words. The cache stores; it decides nothing.
import type { OptOutRecord } from './opt-outs';
import type { Db } from './statements';

/** A customer's reply, just stored, in ingestion's transaction. */
export type StoredReply = { rowId: number; conversationId: number; phone: string; body: string; createdAt: number };

/** What a reply changed: its number opted out or back in; other replies' bubbles; whether it may ask to stop. */
export type ReplyEffects = { optedOut?: boolean; changedRowIds?: readonly number[]; mayAskToStop?: boolean };

export interface CacheRules {
  /** Called in order for each reply when first stored. */
  afterReply: ReadonlyArray<(db: Db, reply: StoredReply) => ReplyEffects | void>;
  /** Migration 10, over replies stored before: `words` narrows them in SQL (each word's parts, ASCII, any case), `test` decides. */
  stopRequest: { words: readonly string[]; test(body: string): boolean };
  optOutNotice(record: OptOutRecord): string;
  optInNote(record: OptOutRecord): string | null;
}

const registered = new WeakMap<Db, CacheRules>();

export const useCacheRules = (db: Db, rules: CacheRules): void => void registered.set(db, rules);

/** A cache opened with null rules (storage measured alone) stores replies deciding nothing, and has no words. */
export function cacheRules(db: Db, neededFor?: string): CacheRules | undefined {
  const rules = registered.get(db);
  if (!rules && neededFor) throw new Error(`The cache was opened without its rules, which ${neededFor} needs.`);
  return rules;
}
