// What only lived on this computer is copied out of a damaged cache whose
// outbox and drafts can still be read, even when its messages cannot.
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCache } from './database';
import { readDraft, saveDraft } from './drafts';
import { listOutbox, markSubmitting, queueSend } from './outbox';
import { optedOut, recordOptOut } from './opt-outs';
import { salvageLocalWork } from './salvage';
import { allConversationFlags, setConversationFlags } from './conversation-flags';
import { accountCacheRules } from '../session/cache-rules';

describe('salvaging a damaged cache', () => {
  it('copies unconfirmed sends (a possibly-sent one to be checked, not resent), drafts and opt-outs made by hand', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inbox-salvage-'));
    const file = join(dir, 'damaged.sqlite');
    const old = openCache(file, accountCacheRules);
    const waiting = queueSend(old, { to: '+61411111111', body: 'Written offline', customString: 'cs-1', schedule: null, now: 1000, statusText: 'Waiting' });
    const inFlight = queueSend(old, { to: '+61422222222', body: 'In flight', customString: 'cs-2', schedule: 2_000_000_000, now: 2000, statusText: 'Sending' });
    markSubmitting(old, inFlight.added[0]!.id, 2001);
    const picture = { subject: 'New stock', pictureFile: 'p.jpeg', mediaUrl: null };
    queueSend(old, { to: '+61455555555', body: 'Look', customString: 'cs-3', schedule: null, now: 2500, statusText: 'Waiting', picture });
    saveDraft(old, '+61433333333', 'Half a thought', 3000);
    recordOptOut(old, { phone: '+61444444444', optedOut: true, changedAt: 4000, how: 'by-hand', messageRowId: null, note: 'Asked by phone' });
    setConversationFlags(old, '+61411111111', { pinned: true, muted: true }, 5000);
    setConversationFlags(old, '+61466666666', { archived: true }, 6000);
    // The messages table (and only it) is destroyed.
    const pages = old.prepare<[], number>("SELECT pageno FROM dbstat WHERE name = 'messages'").pluck().all();
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    expect(waiting.added).toHaveLength(1);
    const fd = openSync(file, 'r+');
    for (const page of pages) writeSync(fd, randomBytes(4096), 0, 4096, (page - 1) * 4096);
    closeSync(fd);
    const check = openCache(file, accountCacheRules);
    expect(() => check.prepare('SELECT * FROM messages').all()).toThrow(/malformed/);
    check.close();

    const fresh = openCache(join(dir, 'fresh.sqlite'), accountCacheRules);
    expect(salvageLocalWork(file, fresh)).toEqual({ sends: 3, drafts: 1, optOuts: 1, flags: 2 });
    expect(allConversationFlags(fresh)).toEqual([
      { phone: '+61411111111', pinned_at: 5000, archived_at: null, muted: 1 },
      { phone: '+61466666666', pinned_at: null, archived_at: 6000, muted: 0 },
    ]);
    expect(listOutbox(fresh).map((e) => [e.customString, e.to, e.body, e.schedule, e.state, e.picture])).toEqual([
      ['cs-1', '+61411111111', 'Written offline', null, 'waiting', null],
      ['cs-2', '+61422222222', 'In flight', 2_000_000_000, 'unknown', null],
      // A picture message stays one, with its prepared picture.
      ['cs-3', '+61455555555', 'Look', null, 'waiting', picture],
    ]);
    expect(readDraft(fresh, '+61433333333')).toBe('Half a thought');
    expect(optedOut(fresh, '+61444444444')).toMatchObject({ how: 'by-hand', note: 'Asked by phone', changedAt: 4000 });
  });

  it('gives up quietly on a file it cannot open at all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'inbox-salvage-'));
    const fresh = openCache(join(dir, 'fresh.sqlite'), accountCacheRules);
    expect(salvageLocalWork(join(dir, 'missing.sqlite'), fresh)).toEqual({ sends: 0, drafts: 0, optOuts: 0, flags: 0 });
    expect(listOutbox(fresh)).toEqual([]);
  });
});
