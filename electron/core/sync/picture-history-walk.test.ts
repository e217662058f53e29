// Picture messages are walked newest first on an account's first sync, as SMS
// history is (history-walk.ts), a page and its cursor committed together: a
// walk stopped after a page resumes at the next one, and every picture message
// is stored once. Then polls read only what is new. A walk left by a version
// that went a page at a time resumes where it stopped.
import { describe, expect, it } from 'vitest';
import { listMessages } from '../cache/messages';
import { readCursor, writeCursor } from '../cache/sync-state';
import { listConversations } from '../cache/conversations';
import { MMS } from '../messages/kinds';
import { countMessages, useAccountFixture } from '../../../test-support/account-fixture';
import { HistoryWalk } from './history-walk';
import { pullRecentHistory, type PullContext } from './pulls';

const ACCOUNT = { username: 'mms-walk', apiKey: 'mms-walk-key' };

describe('picture history', () => {
  const fixture = useAccountFixture(ACCOUNT);
  const context = (): PullContext => ({ db: fixture.db, client: fixture.client, now: Date.now, changes: () => undefined });
  const walk = (signal: AbortSignal, stored: () => void = () => undefined) =>
    new HistoryWalk({ kind: MMS, db: fixture.db, client: fixture.client, signal, now: Date.now, stored, progress: () => undefined, concurrency: { start: 1, max: 1 } });
  const walkPages = () =>
    fixture.sim.requests().filter((r) => r.path === '/mms/history' && new URLSearchParams(r.query).has('date_to')).map((r) => new URLSearchParams(r.query).get('page'));
  const seed = (n: number) => {
    const start = fixture.sim.now() - 10_000;
    for (let i = 0; i < n; i++) {
      fixture.sim.seedMms({ username: ACCOUNT.username, to: `+614000000${String(i % 20).padStart(2, '0')}`, subject: `Pic ${i}`, body: `Picture ${i}`, timestamp: start + i });
    }
  };

  it('a first walk stopped after a page resumes at the next, newest first, storing each picture message once', async () => {
    seed(250);
    const stop = new AbortController();
    await expect(walk(stop.signal, () => stop.abort(new Error('quit'))).run()).rejects.toThrow();
    // Page 1 is the newest hundred, stored with the cursor that says so.
    expect(countMessages(fixture.db)).toBe(100);
    expect(listMessages(fixture.db, listConversations(fixture.db, 50, 0).items[0]!.id, 1)[0]!.body).toBe('Picture 249');
    expect(readCursor(fixture.db, 'pictureWalk')).toMatchObject({ done: [[1, 1]], complete: false });

    await walk(new AbortController().signal).run();
    expect(countMessages(fixture.db)).toBe(250);
    // Page 1 is not asked for again (the aborted page 2 never left).
    expect(walkPages()).toEqual(['1', '2', '3']);
    expect(readCursor(fixture.db, 'pictureWalk')).toMatchObject({ complete: true });
    expect(readCursor(fixture.db, 'pictureHistoryDate')).toBeGreaterThan(0);

    // A poll after the walk reads from the walk's end (less an overlap): the new one once.
    fixture.sim.seedMms({ username: ACCOUNT.username, to: '+61400000001', subject: 'New', body: 'A new picture' });
    await pullRecentHistory(context(), MMS, new AbortController().signal);
    expect(countMessages(fixture.db)).toBe(251);
    expect(walkPages()).toHaveLength(3);
  });

  it('a walk an earlier version stopped (its next page kept) resumes there; one it finished is not walked again', async () => {
    seed(250);
    writeCursor(fixture.db, 'pictureWalk', { windowEnd: fixture.sim.now(), nextPage: 3 });
    await walk(new AbortController().signal).run();
    expect(walkPages()).toEqual(['1', '3']);
    expect(countMessages(fixture.db)).toBe(150);

    fixture.db.prepare(`DELETE FROM sync_state WHERE key = 'pictureWalk'`).run();
    expect(walk(new AbortController().signal).complete).toBe(true);
  });
});
