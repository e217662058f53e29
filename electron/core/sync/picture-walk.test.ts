// Picture messages are walked newest first on an account's first sync, a page
// and its cursor committed together: a walk stopped after a page resumes at
// the next one, and every picture message is stored once. Then polls read
// only what is new.
import { describe, expect, it } from 'vitest';
import { countMessages, listMessages } from '../cache/messages';
import { readCursor } from '../cache/sync-state';
import { listConversations } from '../cache/conversations';
import { useAccountFixture } from '../../../test-support/account-fixture';
import { pullPictureHistory } from './picture-walk';
import type { PullContext } from './pulls';

const ACCOUNT = { username: 'mms-walk', apiKey: 'mms-walk-key' };

describe('picture history', () => {
  const fixture = useAccountFixture(ACCOUNT);
  const context = (changes: PullContext['changes'] = () => undefined): PullContext => ({ db: fixture.db, client: fixture.client, now: Date.now, changes });
  const walkPages = () =>
    fixture.sim.requests().filter((r) => r.path === '/mms/history' && new URLSearchParams(r.query).has('date_to')).map((r) => new URLSearchParams(r.query).get('page'));

  it('a first walk stopped after a page resumes at the next, newest first, storing each picture message once', async () => {
    const start = fixture.sim.now() - 10_000;
    for (let i = 0; i < 250; i++) {
      fixture.sim.seedMms({ username: ACCOUNT.username, to: `+614000000${String(i % 20).padStart(2, '0')}`, subject: `Pic ${i}`, body: `Picture ${i}`, timestamp: start + i });
    }
    const stop = new AbortController();
    let pages = 0;
    await expect(
      pullPictureHistory(context(() => ++pages === 1 && stop.abort(new Error('quit'))), stop.signal),
    ).rejects.toThrow();
    // Page 1 is the newest hundred, stored with the cursor that says so.
    expect(countMessages(fixture.db)).toBe(100);
    expect(listMessages(fixture.db, listConversations(fixture.db, 50, 0).items[0]!.id, 1)[0]!.body).toBe('Picture 249');
    expect(readCursor(fixture.db, 'pictureWalk')).toMatchObject({ nextPage: 2 });

    await pullPictureHistory(context(), new AbortController().signal);
    expect(countMessages(fixture.db)).toBe(250);
    // Page 1 is not asked for again (the aborted page 2 never left).
    expect(walkPages()).toEqual(['1', '2', '3']);
    expect(readCursor(fixture.db, 'pictureWalk')).toBeNull();
    expect(readCursor(fixture.db, 'pictureHistoryDate')).toBeGreaterThan(0);

    // A poll after the walk reads from the walk's end (less an overlap): the new one once.
    fixture.sim.seedMms({ username: ACCOUNT.username, to: '+61400000001', subject: 'New', body: 'A new picture' });
    await pullPictureHistory(context(), new AbortController().signal);
    expect(countMessages(fixture.db)).toBe(251);
    expect(walkPages()).toHaveLength(3);
  });
});
