// An account ClickSend refuses picture messages to (MMS is not offered in
// every country): the simulator answers 403 on every /mms/* and /uploads for
// it. Each pull fails alone, so messages, names and templates still come;
// the Account says pictures are refused and when the app asks again, and the
// picture endpoints are not asked before then. The core end to end: real
// HTTP, real SQLite, the real keychain, the sync's clock driven.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../../../simulator/server';
import { makePicture } from '../../../test-support/pictures';
import type { Conversation, Session, Template } from '../../../shared/contract';
import { attachPicture, clicksendAs, until, value } from '../../../test-support/core';
import { useInboxFixture } from '../../../test-support/inbox-fixture';
import type { Inbox } from '../inbox';
import { ASK_AGAIN_AFTER_MS, PICTURES_REFUSED } from '../pictures/picture-gate';

const ACCOUNT = { username: 'no-pictures', apiKey: `key-${randomUUID()}` };
const CUSTOMER = '+61422222222';
const PICTURE_ENDPOINTS = /^\/(mms\/|uploads)/;

describe('an account ClickSend refuses picture messages to', () => {
  const fixture = useInboxFixture('inbox-no-pictures-');
  let sim: Simulator;
  /** Added to the sync's clock: hours pass without waiting for them. */
  let hoursLater: number;

  const makeInbox = () => fixture.inbox({ apiUrl: sim.url, syncIntervalMs: 150, clientTimeoutMs: 3000, now: () => Date.now() + hoursLater });
  const signedIn = async (inbox: Inbox) => {
    const session = value<Session>(await inbox.dispatch('session.get', {}));
    if (session.state !== 'signed-in') throw new Error('signed out');
    return session;
  };
  const pictureRequests = () => sim.requests().filter((r) => PICTURE_ENDPOINTS.test(r.path));
  /** Passes that start from now on: each begins with /sms/inbound. */
  const passesFromNow = () => {
    const start = sim.requests().length;
    return () => sim.requests().slice(start).filter((r) => r.path === '/sms/inbound').length;
  };
  /** A reply makes the pass that finds it read everything, pictures included unless they wait. */
  const passReadingEverything = async (body: string) => {
    const passes = passesFromNow();
    const historyReads = () => sim.requests().filter((r) => r.path === '/sms/history' && new URLSearchParams(r.query).has('date_from')).length;
    const before = historyReads();
    sim.injectInbound({ username: ACCOUNT.username, from: CUSTOMER, body });
    await until(historyReads, (n) => n > before);
    // The pass after it has begun, so that one is over.
    await until(passes, (n) => n >= 2);
  };

  beforeEach(async () => {
    sim = await fixture.simulator({ accounts: [ACCOUNT] });
    hoursLater = 0;
    const clicksend = clicksendAs(sim, ACCOUNT);
    sim.seedHistory(ACCOUNT.username, 150, { conversations: 6 });
    await clicksend('POST', '/sms/templates', { template_name: 'Ready', body: 'Your order is ready, {first_name}.' });
    const list = await clicksend('POST', '/lists', { list_name: 'Customers' });
    await clicksend('POST', `/lists/${list.list_id}/contacts`, { phone_number: CUSTOMER, first_name: 'Ana', last_name: 'Lima' });
    sim.injectInbound({ username: ACCOUNT.username, from: CUSTOMER, body: 'Is my order ready?' });
    sim.addFault({ kind: '403', path: `/${PICTURE_ENDPOINTS.source}/`, username: ACCOUNT.username, count: Infinity });
  });

  it('syncs messages, names and templates; the Account says pictures are refused, and the app asks again only hours later', async () => {
    const inbox = await makeInbox();
    value(await inbox.dispatch('session.signIn', ACCOUNT));
    const synced = await until(() => signedIn(inbox), (s) => s.sync.lastSyncedAt !== null && s.sync.backfill === null);

    // SMS, history, the contact's name and the template arrived.
    const conversations = value<{ total: number; items: Conversation[] }>(await inbox.dispatch('conversations.list', { limit: 100 }));
    expect(conversations.items.find((c) => c.phone === CUSTOMER)).toMatchObject({ title: 'Ana Lima', lastBody: 'Is my order ready?' });
    expect(conversations.items.length).toBe(7);
    expect(value<Template[]>(await inbox.dispatch('templates.list', {})).map((t) => t.name)).toEqual(['Ready']);
    // Not "Not synced": only pictures are refused, and Settings and the composer say that.
    expect(synced.sync.message).toBeNull();
    const refused = synced.account.pictures;
    expect(refused).toMatchObject({ offered: false, message: PICTURES_REFUSED });
    expect(refused.askAgainAt! - Date.now()).toBeGreaterThan(ASK_AGAIN_AFTER_MS - 60_000);
    // One refusal was enough: the pass did not go on asking the other picture endpoints.
    expect(pictureRequests()).toHaveLength(1);

    // A pass that reads everything, within the hour, does not ask them again.
    await passReadingEverything('Thanks!');
    expect(pictureRequests()).toHaveLength(1);
    // Neither does attaching a picture: the words come before any upload.
    const picture = await makePicture('jpeg');
    const attach = await attachPicture(inbox, 'a.jpg', picture);
    expect(attach).toMatchObject({ ok: false, error: { code: 'PICTURES_REFUSED', message: PICTURES_REFUSED } });
    expect(pictureRequests()).toHaveLength(1);

    // A restart remembers it.
    await inbox.stop();
    const again = await makeInbox();
    expect((await signedIn(again)).account.pictures).toEqual(refused);
    await passReadingEverything('Still there?');
    expect(pictureRequests()).toHaveLength(1);

    // When the time comes, the app asks again; still refused, it waits as long again.
    hoursLater = ASK_AGAIN_AFTER_MS + 60_000;
    await passReadingEverything('Any news?');
    expect(pictureRequests()).toHaveLength(2);
    const later = (await signedIn(again)).account.pictures;
    expect(later.offered).toBe(false);
    expect(later.askAgainAt! - (Date.now() + hoursLater)).toBeGreaterThan(ASK_AGAIN_AFTER_MS - 60_000);

    // Pictures enabled at ClickSend: Sync now asks at once, and the Account says they are offered.
    sim.clearFaults();
    value(await again.dispatch('sync.now', {}));
    expect((await signedIn(again)).account.pictures).toEqual({ offered: true, message: null, askAgainAt: null });
  });

  it('a picture’s price goes through the same gate: refused there first, it is kept and said in words, and not asked again', async () => {
    sim.clearFaults();
    const inbox = await makeInbox();
    value(await inbox.dispatch('session.signIn', ACCOUNT));
    const picture = await makePicture('jpeg');
    const { attachmentId } = value<{ attachmentId: string }>(await attachPicture(inbox, 'a.jpg', picture));
    const price = () => inbox.dispatch('messages.price', { to: CUSTOMER, body: 'Here it is', picture: { attachmentId, subject: 'Photo' } });
    // Priced once while pictures are offered: the picture is uploaded then, and a price after that asks /mms/price alone.
    value(await price());

    sim.addFault({ kind: '403', path: '/mms/price', username: ACCOUNT.username, count: Infinity });
    expect(await price()).toMatchObject({ ok: false, error: { code: 'PICTURES_REFUSED', message: PICTURES_REFUSED } });
    expect((await signedIn(inbox)).account.pictures).toMatchObject({ offered: false, message: PICTURES_REFUSED });
    const asked = pictureRequests().length;
    expect(await price()).toMatchObject({ ok: false, error: { code: 'PICTURES_REFUSED' } });
    expect(pictureRequests()).toHaveLength(asked);
  });
});
