// The rules an account's cache applies, each from its owner (see
// cache/cache-rules.ts), given to it wherever an account's cache is opened.
import type { CacheRules } from '../cache/cache-rules';
import { returnFromArchive } from '../cache/conversation-flags';
import { optInNote, optOutNotice } from '../opt-outs/notice';
import { decideByReply, stopRequestWords } from '../opt-outs/stop-question';

export const accountCacheRules: CacheRules = {
  afterReply: [returnFromArchive, decideByReply],
  stopRequest: stopRequestWords,
  optOutNotice,
  optInNote,
};
