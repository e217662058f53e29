// messages.price and messages.send with a picture, through the contract: the
// core end to end against the simulator (real HTTP, SQLite, keychain).
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/contract';
import type { Simulator } from '../../../simulator/server';
import { attachPicture, value } from '../../../test-support/core';
import { useInboxFixture } from '../../../test-support/inbox-fixture';
import { makePicture } from '../../../test-support/pictures';

const ACCOUNT = { username: 'picture-sender', apiKey: `key-${randomUUID()}` };
const CUSTOMER = '+61422222222';

describe('a message with a picture, priced and sent through the contract', () => {
  const fixture = useInboxFixture('inbox-picture-send-');
  let sim: Simulator;

  beforeEach(async () => {
    sim = await fixture.simulator({ accounts: [ACCOUNT] });
  });

  it('is priced as a picture message (uploaded once), kept attached when refused before it is stored, then sent with that upload and its draft cleared', async () => {
    const inbox = await fixture.inbox({ apiUrl: sim.url, syncIntervalMs: 60_000 });
    value(await inbox.dispatch('session.signIn', ACCOUNT));
    const jpeg = await makePicture('jpeg');
    const { attachmentId } = value<Result<'pictures.prepare'>>(await attachPicture(inbox, 'a.jpg', jpeg));
    const picture = { attachmentId, subject: 'Photo' };

    const price = value<Result<'messages.price'>>(await inbox.dispatch('messages.price', { to: CUSTOMER, body: 'Here it is', picture }));
    expect(price).toMatchObject({ parts: 1, total: '0.3300', refusal: null });
    value(await inbox.dispatch('drafts.save', { phone: CUSTOMER, body: 'Here it is' }));

    expect(await inbox.dispatch('messages.send', { to: '12ab', body: 'Here it is', picture })).toMatchObject({ ok: false, error: { code: 'INVALID_NUMBER' } });
    const sent = value<Result<'messages.send'>>(await inbox.dispatch('messages.send', { to: CUSTOMER, body: 'Here it is', picture }));
    expect(sent).toMatchObject({ status: 'Queued', picture: { subject: 'Photo' } });
    expect(sim.uploads()).toHaveLength(1);
    expect(sim.mmsSent().map((m) => [m.to, m.subject, m.media_file])).toEqual([[CUSTOMER, 'Photo', sim.uploads()[0]!._url]]);
    expect(value(await inbox.dispatch('drafts.get', { phone: CUSTOMER }))).toBe('');
    // Sent: the attachment is the outbox's now, no longer the composer's.
    expect(await inbox.dispatch('messages.send', { to: CUSTOMER, body: 'Again', picture })).toMatchObject({ ok: false, error: { code: 'NO_PICTURE' } });
  });
});
