// Picture messages end to end in the core, against the simulator over real
// HTTP with a real cache and real files: shown from /mms/history (and offline
// once fetched), prepared (refused, scaled), sent with one upload and one
// /mms/send, exactly once when the answer is lost, scheduled and cancelled.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listConversations } from '../cache/conversations';
import { mediaFiles } from '../cache/media';
import { listMessages } from '../cache/messages';
import type { ClickSendClient } from '../clicksend/client';
import { searchCache } from '../cache/search';
import { Outbox } from '../outbox/outbox';
import { ScheduledSends } from '../outbox/scheduled';
import { syncOnce } from '../../../test-support/sync-once';
import { useAccountFixture } from '../../../test-support/account-fixture';
import { Attachments } from './attachments';
import { MediaCache, PICTURE_WORDS, servedPicture } from './media-cache';
import { PICTURES_REFUSED } from './picture-gate';

const ACCOUNT = { username: 'picture-user', apiKey: 'picture-key', balance: 20 };
const CUSTOMER = '+61422222222';

/** A photo-like picture: noise does not compress, so it is large as a PNG. */
async function photo(width: number, height: number, format: 'png' | 'jpeg'): Promise<Buffer> {
  const noise = randomBytes(width * height * 3);
  const image = sharp(noise, { raw: { width, height, channels: 3 } });
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 90 }).toBuffer();
}

describe('picture messages', () => {
  const fixture = useAccountFixture(ACCOUNT);
  let dir: string;
  let media: MediaCache;
  let attachments: Attachments;
  let outbox: Outbox;
  const sync = () => syncOnce({ db: fixture.db, client: fixture.client, outbox });
  /** What the page gets: the picture as the media route serves it (bytes, sniffed type), or why not. */
  const shownBy = async (cache: MediaCache, id: number) => {
    const missing = await cache.show(id, attachments.outgoingDir);
    const file = cache.file(id, attachments.outgoingDir);
    return { src: missing === null && file ? await servedPicture(file) : null, missing };
  };
  const show = (id: number) => shownBy(media, id);
  const pictureUrl = (id: string) => `media/${id}`;
  /** As the composer attaches: announced, its bytes through the upload route, then prepared. */
  const attach = async (name: string, bytes: Buffer) => {
    const id = attachments.expect(name, bytes.length);
    expect(await attachments.receive(id, [bytes])).toBe('stored');
    return attachments.prepare(id, pictureUrl);
  };
  const thread = () => listMessages(fixture.db, listConversations(fixture.db, 10, 0).items[0]!.id, 50);

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'inbox-pictures-'));
    media = new MediaCache({ db: fixture.db, dir: join(dir, 'cache'), limitBytes: () => 50 * 1024 * 1024, loopbackOrigin: new URL(fixture.sim.url).origin });
    attachments = new Attachments(fixture.db, fixture.client, media, join(dir, 'outgoing'));
    outbox = new Outbox({ db: fixture.db, client: fixture.client, changes: () => undefined, confirmWithinMs: 0, pictures: attachments, defaultCountry: () => 'AU' });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a picture sent from the dashboard appears in its conversation, in date order, with subject, picture and price, and still shows offline', async () => {
    const now = fixture.sim.now();
    fixture.sim.injectInbound({ username: ACCOUNT.username, from: CUSTOMER, body: 'Can you send me a photo of it?', timestamp: now - 120 });
    fixture.sim.seedMms({ username: ACCOUNT.username, to: CUSTOMER, subject: 'Your parcel', body: 'Here it is, packed.', timestamp: now - 60 });
    await sync();

    const [picture, question] = thread();
    expect(question).toMatchObject({ direction: 'in', body: 'Can you send me a photo of it?', picture: null });
    expect(picture).toMatchObject({ direction: 'out', body: 'Here it is, packed.', picture: { subject: 'Your parcel' }, statusLabel: 'Delivered', price: '0.3300' });
    expect(listConversations(fixture.db, 10, 0).items[0]).toMatchObject({ lastIsPicture: true, lastBody: 'Photo · Here it is, packed.' });
    expect(searchCache(fixture.db, 'parcel', 10).messages.map((m) => m.id)).toEqual([picture!.id]);

    const first = await show(picture!.id);
    expect(first.src?.contentType).toBe('image/jpeg');
    await fixture.sim.close();
    // Offline, from the media cache: the same picture.
    expect(await show(picture!.id)).toEqual(first);
  });

  it('a picture that is gone, or is not a picture, shows a placeholder saying so; one never downloaded says it waits for a connection', async () => {
    for (const [kind, words] of [['404', PICTURE_WORDS.gone], ['not-an-image', PICTURE_WORDS.notPicture]] as const) {
      fixture.sim.seedMms({ username: ACCOUNT.username, to: CUSTOMER, subject: kind, body: 'Picture' });
      await sync();
      fixture.sim.addFault({ kind, path: '/_media/' });
      expect(await show(thread()[0]!.id)).toEqual({ src: null, missing: words });
    }
    fixture.sim.seedMms({ username: ACCOUNT.username, to: CUSTOMER, subject: 'Later', body: 'Picture' });
    await sync();
    await fixture.sim.close();
    expect(await show(thread()[0]!.id)).toEqual({ src: null, missing: PICTURE_WORDS.offline });
  });

  it('attaching and sending makes one upload and one /mms/send with the subject and the uploaded URL; the picture shows without a download', async () => {
    const jpeg = await photo(120, 90, 'jpeg');
    const prepared = await attach('shelf.jpg', jpeg);
    expect(prepared).toMatchObject({ name: 'shelf.jpg', bytes: jpeg.length, contentType: 'image/jpeg', note: null });
    expect(prepared.preview).toBe(`media/${prepared.attachmentId}`);
    expect(await servedPicture(attachments.file(prepared.attachmentId)!)).toEqual({ bytes: jpeg, contentType: 'image/jpeg' });

    const sent = await outbox.send(CUSTOMER, 'The blue one', undefined, { subject: 'Blue shelf', ...(await attachments.take(prepared.attachmentId)) });
    expect(sent).toMatchObject({ status: 'Queued', picture: { subject: 'Blue shelf' }, body: 'The blue one' });
    const [upload] = fixture.sim.uploads();
    expect(fixture.sim.uploads()).toHaveLength(1);
    expect(upload).toMatchObject({ bytes: jpeg.length, convert: 'mms' });
    expect(fixture.sim.mmsSent()).toEqual([expect.objectContaining({ to: CUSTOMER, subject: 'Blue shelf', body: 'The blue one', media_file: upload!._url, media_bytes: jpeg.length })]);

    fixture.sim.addFault({ kind: '404', path: '/_media/', count: 'Infinity' as unknown as number });
    expect((await show(sent.id)).src).toEqual({ bytes: jpeg, contentType: 'image/jpeg' });
    // Sent: nothing left in the outgoing folder.
    expect(readdirSync(attachments.outgoingDir)).toEqual([]);
    await sync();
    expect(thread()).toHaveLength(1);
  });

  it('an upload is taken once, under an id the core gave, and never past the size announced; one cut short is said in words', async () => {
    const jpeg = await photo(60, 40, 'jpeg');
    expect(await attachments.receive('00000000-0000-0000-0000-000000000000', [jpeg])).toBe('unknown');

    const once = attachments.expect('once.jpg', jpeg.length);
    expect(await attachments.receive(once, [jpeg.subarray(0, 100), jpeg.subarray(100)])).toBe('stored');
    expect(await attachments.receive(once, [jpeg])).toBe('unknown');
    expect((await attachments.prepare(once, pictureUrl)).bytes).toBe(jpeg.length);

    const larger = attachments.expect('larger.jpg', 100);
    let read = 0;
    async function* body() {
      for (let at = 0; at < jpeg.length; at += 64) {
        read += 64;
        yield jpeg.subarray(at, at + 64);
      }
    }
    expect(await attachments.receive(larger, body())).toBe('too large');
    expect(read).toBeLessThan(jpeg.length); // stopped reading, not read to the end and then refused
    await expect(attachments.prepare(larger, pictureUrl)).rejects.toMatchObject({ code: 'PICTURE_INCOMPLETE', message: '“larger.jpg” did not reach the app whole.' });

    const cut = attachments.expect('cut.jpg', jpeg.length);
    async function* cutShort() {
      yield jpeg.subarray(0, 100);
      throw new Error('connection reset');
    }
    expect(await attachments.receive(cut, cutShort())).toBe('incomplete');
    await expect(attachments.prepare(cut, pictureUrl)).rejects.toMatchObject({ code: 'PICTURE_INCOMPLETE', action: 'Attach it again.' });
    const fewer = attachments.expect('fewer.jpg', jpeg.length);
    expect(await attachments.receive(fewer, [jpeg.subarray(0, 100)])).toBe('stored');
    await expect(attachments.prepare(fewer, pictureUrl)).rejects.toMatchObject({ code: 'PICTURE_INCOMPLETE' });
    // Never announced at all, or asked again after it was prepared: no longer attached.
    await expect(attachments.prepare(once, pictureUrl)).rejects.toMatchObject({ code: 'NO_PICTURE' });
    expect(readdirSync(attachments.outgoingDir)).toEqual([`${once}.jpeg`]);

    // Uploads never prepared are not held for ever: the oldest give way (a window closed between the two steps).
    const waiting = [1, 2, 3, 4].map((n) => attachments.expect(`w${n}.jpg`, jpeg.length));
    expect(await attachments.receive(waiting[0]!, [jpeg])).toBe('unknown');
    for (const id of waiting.slice(1)) expect(await attachments.receive(id, [jpeg])).toBe('stored');
  });

  it('an edit of a scheduled picture message with text a picture cannot carry is refused before the original is cancelled', async () => {
    const prepared = await attach('a.jpg', await photo(80, 60, 'jpeg'));
    const at = Math.floor(Date.now() / 1000) + 7200;
    const message = await outbox.send(CUSTOMER, 'Tomorrow', at, { subject: 'Photo', ...(await attachments.take(prepared.attachmentId)) });
    const scheduled = new ScheduledSends(fixture.db, fixture.client, outbox, () => undefined);
    // 1,550 characters: an SMS may (the contract lets the edit through), a picture message may not.
    await expect(scheduled.reschedule(message.id, 'x'.repeat(1550), at + 60)).rejects.toMatchObject({ code: 'INVALID_PICTURE_MESSAGE' });
    expect(listMessages(fixture.db, message.conversationId, 10)[0]).toMatchObject({ id: message.id, status: 'Scheduled', body: 'Tomorrow' });
    expect(fixture.sim.requests().filter((r) => r.path.endsWith('/cancel'))).toEqual([]);
  });

  it('a picture sent shows at once from what was sent, with no download, even when ClickSend names it by another URL', async () => {
    // ClickSend's answer may name the uploaded picture differently (what MediaCache.alias is for); the simulator echoes it.
    const client = fixture.client;
    const rehosting = Object.assign(Object.create(client) as ClickSendClient, {
      sendPicture: async (...args: Parameters<ClickSendClient['sendPicture']>) => {
        const answer = await client.sendPicture(...args);
        for (const message of answer.messages) message._media_file_url = `${message._media_file_url}?rehosted=1`;
        return answer;
      },
    });
    const sender = new Outbox({ db: fixture.db, client: rehosting, changes: () => undefined, confirmWithinMs: 0, pictures: attachments, defaultCountry: () => 'AU' });
    const jpeg = await photo(80, 60, 'jpeg');
    const prepared = await attach('a.jpg', jpeg);
    const sent = await sender.send(CUSTOMER, 'Hi', undefined, { subject: 'Photo', ...(await attachments.take(prepared.attachmentId)) });
    const downloads = () => fixture.sim.requests().filter((r) => r.path.startsWith('/_media/')).length;
    const before = downloads();
    fixture.sim.addFault({ kind: '404', path: '/_media/', count: 'Infinity' as unknown as number });
    expect(await show(sent.id)).toEqual({ src: { bytes: jpeg, contentType: 'image/jpeg' }, missing: null });
    expect(downloads()).toBe(before);
    // One file, the one the index knows; the outgoing folder empty.
    expect(readdirSync(join(dir, 'cache'))).toEqual([...mediaFiles(fixture.db)]);
    expect(readdirSync(attachments.outgoingDir)).toEqual([]);
  });

  it('a photo over 250 kB is scaled down before upload and the user told; a broken file is refused before any request', async () => {
    const big = await photo(1800, 1200, 'png');
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);
    const prepared = await attach('IMG_0001.png', big);
    expect(prepared.bytes).toBeLessThanOrEqual(250 * 1024);
    expect(prepared.contentType).toBe('image/jpeg');
    expect(prepared.note).toMatch(/^Made smaller to fit ClickSend’s 250 kB limit: \d\.\d MB → \d+ kB \(\d+ × \d+\)\.$/);
    await outbox.send(CUSTOMER, 'Scaled', undefined, { subject: 'Photo', ...(await attachments.take(prepared.attachmentId)) });
    expect(fixture.sim.mmsSent()[0]!.media_bytes).toBe(prepared.bytes);

    const before = fixture.sim.requests().length;
    const notes = Buffer.from('These are my notes, not a picture.');
    await expect(attach('notes.jpg', notes)).rejects.toMatchObject({
      code: 'NOT_A_PICTURE',
      message: '“notes.jpg” is not a picture, so it cannot be sent as one.',
    });
    const cut = (await photo(200, 200, 'jpeg')).subarray(0, 600);
    await expect(attach('cut.jpg', cut)).rejects.toMatchObject({ code: 'DAMAGED_PICTURE' });
    expect(() => attachments.expect('huge.jpg', 40 * 1024 * 1024)).toThrow(expect.objectContaining({ code: 'PICTURE_TOO_LARGE' }));
    expect(fixture.sim.requests()).toHaveLength(before);
  });

  it('a lost answer never doubles a picture message: it is found in /mms/history by its custom_string, with one upload', async () => {
    const jpeg = await photo(100, 100, 'jpeg');
    const prepared = await attach('a.jpg', jpeg);
    fixture.sim.addFault({ kind: 'drop-after-apply', method: 'POST', path: '/mms/send' });
    const unconfirmed = await outbox.send(CUSTOMER, 'Lost answer', undefined, { subject: 'Photo', ...(await attachments.take(prepared.attachmentId)) });
    expect(unconfirmed).toMatchObject({ status: 'Pending', outboxState: 'unknown' });

    await outbox.flush();
    await sync();
    expect(fixture.sim.mmsSent()).toHaveLength(1);
    expect(fixture.sim.uploads()).toHaveLength(1);
    const [message] = thread();
    expect(thread()).toHaveLength(1);
    expect(message).toMatchObject({ id: unconfirmed.id, status: 'Queued', outboxState: null, messageId: fixture.sim.mmsSent()[0]!.message_id });
    expect((await show(message!.id)).src).toEqual({ bytes: jpeg, contentType: 'image/jpeg' });
  });

  it('an upload that fails waits and goes later with one /mms/send; an upload refused fails the message with ClickSend’s words', async () => {
    const jpeg = await photo(80, 80, 'jpeg');
    fixture.sim.addFault({ kind: '500', path: '/uploads', count: 5 });
    const prepared = await attach('a.jpg', jpeg);
    const waiting = await outbox.send(CUSTOMER, 'Try later', undefined, { subject: 'Photo', ...(await attachments.take(prepared.attachmentId)) });
    expect(waiting).toMatchObject({ status: 'Pending', outboxState: 'waiting' });
    expect(fixture.sim.mmsSent()).toHaveLength(0);
    fixture.sim.clearFaults();
    await outbox.flush();
    expect(fixture.sim.mmsSent()).toHaveLength(1);
    expect(fixture.sim.uploads()).toHaveLength(1);
  });

  it('an upload ClickSend refuses fails the message with its words, before any /mms/send; Retry then asks for the picture again', async () => {
    const jpeg = await photo(80, 80, 'jpeg');
    const prepared = await attach('a.jpg', jpeg);
    const taken = await attachments.take(prepared.attachmentId);
    // The prepared file changed on disk before it went (another program, a full disk).
    writeFileSync(join(attachments.outgoingDir, taken.pictureFile!), 'not a picture any more');
    const failed = await outbox.send(CUSTOMER, 'Refused', undefined, { subject: 'Photo', ...taken });
    expect(failed).toMatchObject({ status: 'Failed', actions: ['retry', 'delete'] });
    expect(failed.problem).toMatch(/^ClickSend did not accept the picture: /);
    expect(fixture.sim.mmsSent()).toHaveLength(0);
    await expect(outbox.retry(failed.id)).resolves.toMatchObject({ status: 'Failed', problem: 'The picture for this message is missing. Delete it and attach the picture again.' });
    expect(fixture.sim.mmsSent()).toHaveLength(0);
  });

  it('an upload answered in a way the app does not understand fails the message in those words, and later passes do not upload it again', async () => {
    const jpeg = await photo(80, 80, 'jpeg');
    fixture.sim.addFault({ kind: 'malformed', path: '/uploads', count: Infinity });
    const prepared = await attach('a.jpg', jpeg);
    const failed = await outbox.send(CUSTOMER, 'Unreadable', undefined, { subject: 'Photo', ...(await attachments.take(prepared.attachmentId)) });
    expect(failed).toMatchObject({ status: 'Failed', actions: ['retry', 'delete'] });
    expect(failed.problem).toBe('ClickSend answered in a way this app does not understand. The picture was not sent. Retry or delete it.');
    for (let pass = 0; pass < 5; pass++) await sync();
    expect(fixture.sim.requests().filter((r) => r.path === '/uploads')).toHaveLength(1);
    expect(fixture.sim.mmsSent()).toHaveLength(0);
  });

  it('a send answered in a way the app does not understand is looked for in history, and failed in those words once absent, never sent again', async () => {
    const jpeg = await photo(80, 80, 'jpeg');
    fixture.sim.addFault({ kind: 'malformed', path: '/mms/send', count: Infinity });
    const prepared = await attach('a.jpg', jpeg);
    const checking = await outbox.send(CUSTOMER, 'Unreadable', undefined, { subject: 'Photo', ...(await attachments.take(prepared.attachmentId)) });
    expect(checking).toMatchObject({ status: 'Pending', outboxState: 'unknown' });
    for (let pass = 0; pass < 3; pass++) await sync();
    expect(thread()[0]).toMatchObject({ status: 'Failed', actions: ['retry', 'delete'] });
    expect(thread()[0]!.problem).toBe('ClickSend answered in a way this app does not understand. ClickSend has no record of this message, so it was not sent. Retry or delete it.');
    expect(fixture.sim.requests().filter((r) => r.path === '/mms/send')).toHaveLength(1);
    expect(fixture.sim.requests().filter((r) => r.path === '/uploads')).toHaveLength(1);
  });

  it('while ClickSend refuses pictures to the account, a picture is neither attached nor sent, and one waiting fails in words', async () => {
    const jpeg = await photo(80, 80, 'jpeg');
    const prepared = await attach('a.jpg', jpeg);
    fixture.sim.addFault({ kind: '403', path: '/uploads', count: Infinity });
    const refused = await outbox.send(CUSTOMER, 'Refused', undefined, { subject: 'Photo', ...(await attachments.take(prepared.attachmentId)) });
    expect(refused).toMatchObject({ status: 'Failed', problem: `${PICTURES_REFUSED} If picture messages were just enabled for the account at ClickSend, choose Sync now.` });
    const uploads = fixture.sim.requests().filter((r) => r.path === '/uploads').length;
    await expect(attach('b.jpg', jpeg)).rejects.toMatchObject({ code: 'PICTURES_REFUSED', message: PICTURES_REFUSED });
    await expect(outbox.send(CUSTOMER, 'Again', undefined, { subject: 'Photo', mediaUrl: 'https://example.com/a.jpg' })).rejects.toMatchObject({ code: 'PICTURES_REFUSED' });
    await expect(outbox.retry(refused.id)).resolves.toMatchObject({ status: 'Failed', problem: expect.stringContaining(PICTURES_REFUSED) });
    expect(fixture.sim.requests().filter((r) => r.path === '/uploads')).toHaveLength(uploads);
    expect(fixture.sim.mmsSent()).toHaveLength(0);
  });

  it('a scheduled picture message is cancelled at ClickSend by the MMS endpoint, and refunded', async () => {
    const scheduled = new ScheduledSends(fixture.db, fixture.client, outbox, () => undefined);
    const jpeg = await photo(80, 80, 'jpeg');
    const prepared = await attach('a.jpg', jpeg);
    const at = Math.floor(Date.now() / 1000) + 7200;
    const message = await outbox.send(CUSTOMER, 'Tomorrow', at, { subject: 'Photo', ...(await attachments.take(prepared.attachmentId)) });
    expect(message).toMatchObject({ status: 'Scheduled', waitingUntil: at * 1000, actions: ['cancel', 'edit'] });
    const balance = Number((await fixture.client.getAccount()).balance);
    await expect(scheduled.cancel(message.id)).resolves.toMatchObject({ status: 'Cancelled' });
    expect(Number((await fixture.client.getAccount()).balance)).toBeCloseTo(balance + 0.33, 4);
    expect(fixture.sim.requests().some((r) => r.method === 'PUT' && r.path === `/mms/${message.messageId}/cancel`)).toBe(true);
  });

  it('the media folder keeps to its size: the least recently shown pictures go first', async () => {
    const small = new MediaCache({ db: fixture.db, dir: join(dir, 'small'), limitBytes: () => 2500, loopbackOrigin: new URL(fixture.sim.url).origin });
    const ids: number[] = [];
    for (const subject of ['one', 'two', 'three']) {
      fixture.sim.seedMms({ username: ACCOUNT.username, to: CUSTOMER, subject, body: 'Picture' });
      await sync();
      ids.push(thread()[0]!.id);
    }
    expect(readdirSync(join(dir, 'small'))).toEqual([]);
    for (const id of ids) expect((await shownBy(small, id)).src?.contentType).toMatch(/^image\//);
    // Each built-in picture is over 1,250 bytes: only the newest shown fits.
    expect(readdirSync(join(dir, 'small'))).toHaveLength(1);
    await fixture.sim.close();
    expect((await shownBy(small, ids[2]!)).src?.contentType).toMatch(/^image\//);
    expect((await shownBy(small, ids[0]!)).missing).toBe(PICTURE_WORDS.offline);
  });

  it('plain http pictures are not fetched from anywhere but the loopback simulator', async () => {
    const strict = new MediaCache({ db: fixture.db, dir: join(dir, 'strict'), limitBytes: () => 1e6 });
    fixture.sim.seedMms({ username: ACCOUNT.username, to: CUSTOMER, subject: 'http', body: 'Picture' });
    await sync();
    const before = fixture.sim.requests().length;
    expect(await shownBy(strict, thread()[0]!.id)).toEqual({ src: null, missing: PICTURE_WORDS.insecure });
    expect(fixture.sim.requests()).toHaveLength(before);
  });
});
