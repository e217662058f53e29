// Archiving is undone by the customer writing again, not by history arriving
// late: a reply from before the archiving (a backfill, another copy's sync)
// leaves the conversation archived.
import { describe, expect, it } from 'vitest';
import { listConversations } from './conversations';
import { openCache } from './database';
import { accountCacheRules } from '../session/cache-rules';
import { replyFrom } from '../../../test-support/replies';
import { ingestMessages } from './ingest';
import { setConversationFlags } from './conversation-flags';

const PHONE = '+61422222222';
const reply = (messageId: string, createdAt: number) => replyFrom(PHONE, { messageId, createdAt });

describe('conversation flags', () => {
  it('a reply from before the archiving leaves it archived; one after brings it back; pinning and muting stay', () => {
    const db = openCache(':memory:', accountCacheRules);
    ingestMessages(db, [reply('a', 1_000_000)]);
    setConversationFlags(db, PHONE, { archived: true, pinned: true, muted: true }, 2_000_000);
    ingestMessages(db, [reply('late-history', 1_500_000)]);
    expect(listConversations(db, 10, 0, 'archived').items.map((c) => c.phone)).toEqual([PHONE]);
    expect(listConversations(db, 10, 0).items).toEqual([]);
    ingestMessages(db, [reply('new', 2_500_000)]);
    expect(listConversations(db, 10, 0).items).toEqual([expect.objectContaining({ phone: PHONE, archived: false, pinned: true, muted: true })]);
  });

  it('clearing every flag removes the row; setting the same again changes nothing', () => {
    const db = openCache(':memory:', accountCacheRules);
    expect(setConversationFlags(db, PHONE, { muted: true }, 1)).toBe(true);
    expect(setConversationFlags(db, PHONE, { muted: true }, 2)).toBe(false);
    expect(setConversationFlags(db, PHONE, { muted: false }, 3)).toBe(true);
    expect(db.prepare('SELECT COUNT(*) AS n FROM conversation_flags').get()).toEqual({ n: 0 });
  });
});
