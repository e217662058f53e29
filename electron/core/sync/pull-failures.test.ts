// Each pull of a pass fails on its own, against the simulator's faults: an
// answer this app cannot read is said in those words (never as offline), the
// other pulls go on, and the failing one is asked less often after three
// passes; templates refused still let contacts come; a 401 from the picture
// endpoints alone is about pictures, a 401 from everything is the key.
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/contract';
import { listContacts } from '../cache/contacts';
import { UNREADABLE_ANSWER } from '../clicksend/errors';
import { PictureGate, PICTURES_REFUSED } from '../pictures/picture-gate';
import { countMessages, useAccountFixture } from '../../../test-support/account-fixture';
import { clicksendAs, until } from '../../../test-support/core';
import { FAILING_PULL_EVERY_MS } from './pull-steps';
import { SyncEngine } from './sync-engine';

const ACCOUNT = { username: 'pull-failures', apiKey: 'pull-failures-key' };

describe('one pull failing', () => {
  const fixture = useAccountFixture(ACCOUNT, { maxAttempts: 2 });
  let engine: SyncEngine | null = null;
  afterEach(() => engine?.stop());

  /** An engine polling every few milliseconds (as a focused window does, faster), on a clock the test moves. */
  function polling(clock: { now: number }) {
    const seen = { statuses: [] as SyncStatus[], offline: 0, passes: 0, keyRefused: 0 };
    const pictures = new PictureGate(fixture.db, () => clock.now);
    engine = new SyncEngine({
      db: fixture.db,
      client: fixture.client,
      intervalMs: 15,
      now: () => clock.now,
      pictures,
      listener: {
        changes: () => undefined,
        status: (s) => seen.statuses.push(s),
        connection: (online) => (seen.offline += online ? 0 : 1),
        unauthorized: () => seen.keyRefused++,
        directoryChanged: () => undefined,
        passDone: () => seen.passes++,
      },
    });
    return { seen, pictures, engine };
  }
  const asked = (path: string) => fixture.sim.requests().filter((r) => r.path === path).length;

  it('an answer this app cannot read is said in those words, never as offline; the rest syncs; after three passes it is asked once an hour', async () => {
    const { sim } = fixture;
    sim.seedHistory(ACCOUNT.username, 30, { conversations: 3 });
    sim.addFault({ kind: 'malformed', path: '/sms/inbound', count: Infinity });
    const clock = { now: Date.now() };
    const { seen, engine } = polling(clock);
    engine.start();
    await until(() => seen.passes, (n) => n >= 8);
    // The history walk and the other pulls went on; the header says why inbound did not.
    expect(countMessages(fixture.db)).toBe(30);
    expect(asked('/sms/templates')).toBe(1);
    expect(engine.status).toMatchObject({ state: 'idle', message: UNREADABLE_ANSWER });
    expect(seen.statuses.some((s) => s.state === 'offline')).toBe(false);
    expect(seen.offline).toBe(0);
    // Three passes asked, then it waits: an hour of passes later, once more.
    expect(asked('/sms/inbound')).toBe(3);
    clock.now += FAILING_PULL_EVERY_MS;
    const passes = seen.passes;
    await until(() => seen.passes, (n) => n >= passes + 5);
    expect(asked('/sms/inbound')).toBe(4);
    // Sync now asks at once; once ClickSend answers properly the words go.
    sim.clearFaults();
    expect(await engine.syncNow()).toMatchObject({ state: 'idle', message: null });
    expect(asked('/sms/inbound')).toBe(5);
  });

  it('templates refused (403) or unreadable still let contacts come', async () => {
    const { sim } = fixture;
    const clock = { now: Date.now() };
    const { engine } = polling(clock);
    const api = clicksendAs(sim, ACCOUNT);
    const list = await api('POST', '/lists', { list_name: 'Customers' });
    await api('POST', `/lists/${list.list_id}/contacts`, { phone_number: '+61422222222', first_name: 'Ana' });
    sim.addFault({ kind: '403', path: '/sms/templates', count: Infinity });
    engine.start();
    expect(await engine.syncNow()).toMatchObject({ message: null });
    expect(listContacts(fixture.db, list.list_id, '', 50, 0).items.map((c) => c.firstName)).toEqual(['Ana']);
    sim.clearFaults();
    sim.addFault({ kind: 'wrong-shape', path: '/sms/templates', count: Infinity });
    await api('POST', `/lists/${list.list_id}/contacts`, { phone_number: '+61433333333', first_name: 'Bo' });
    expect(await engine.syncNow()).toMatchObject({ message: UNREADABLE_ANSWER });
    expect(listContacts(fixture.db, list.list_id, '', 50, 0).items).toHaveLength(2);
  });

  it('a 401 from the picture endpoints alone refuses pictures, not the key; a 401 from everything is the key', async () => {
    const { sim } = fixture;
    sim.addFault({ kind: '401', path: '/^\\/(mms\\/|uploads)/', count: Infinity });
    const clock = { now: Date.now() };
    const { seen, pictures, engine } = polling(clock);
    engine.start();
    expect(await engine.syncNow()).toMatchObject({ state: 'idle', message: null });
    expect(seen.keyRefused).toBe(0);
    expect(pictures.access).toMatchObject({ offered: false, message: PICTURES_REFUSED });

    sim.clearFaults();
    sim.addFault({ kind: '401', count: Infinity });
    expect(await engine.syncNow()).toMatchObject({ state: 'paused', message: 'ClickSend did not accept this API username and key.' });
    expect(seen.keyRefused).toBe(1);
  });
});
