// Picture messages as an owner uses them: a picture sent from the ClickSend
// dashboard shows in its thread (and offline, from the core's media cache);
// a photo attached by the file button, pasted or dropped is previewed, priced
// and sent with one upload and one /mms/send; a large photo is scaled; a file
// that is not a picture is refused before any request; a lost answer never
// sends a picture twice.
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import type { Locator, Page } from '@playwright/test';
import { ACCOUNT, expect, test, ui, type InboxApp } from './fixtures';

const CUSTOMER = '+61422222222';

async function photo(width: number, height: number, format: 'png' | 'jpeg'): Promise<Buffer> {
  const image = sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } });
  return format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 85 }).toBuffer();
}

async function openCustomer(page: Page) {
  await ui.row(page, '+61 422 222 222').click();
  await expect(ui.composer(page)).toBeVisible();
}

/** The customer has written; the owner signs in and opens their conversation. */
async function customerAsks(app: InboxApp, body: string) {
  app.simulator.injectInbound({ username: ACCOUNT.username, from: CUSTOMER, body });
  await app.signIn();
  await openCustomer(app.page);
}

/** A picture's src is the core's media route, by id, with the run's token: never the picture itself. */
const MEDIA_SRC = /^\/media\/[\w-]+\?token=[\w-]+$/;

/** The bytes the route serves for an <img>, asked as the page would (same origin, same Host). */
async function servedBytes(page: Page, img: Locator): Promise<Buffer> {
  const src = (await img.getAttribute('src'))!;
  const response = await page.request.get(new URL(src, page.url()).href);
  expect([response.status(), response.headers()['content-type']]).toEqual([200, 'image/jpeg']);
  return response.body();
}

const attach = (page: Page, name: string, mimeType: string, buffer: Buffer) => page.getByTestId('picture-file').setInputFiles({ name, mimeType, buffer });
const attached = (page: Page) => page.getByRole('group', { name: 'Attached picture' });

test('a picture sent from the dashboard shows in its thread among the texts, says Photo in the list, and still shows offline', async ({ app }) => {
  const { page, simulator } = app;
  const now = simulator.now();
  simulator.injectInbound({ username: ACCOUNT.username, from: CUSTOMER, body: 'Can I see it first?', timestamp: now - 120 });
  simulator.seedMms({ username: ACCOUNT.username, to: CUSTOMER, subject: 'Your parcel', body: 'Packed and ready', timestamp: now - 60 });
  await app.signIn();
  await expect(ui.row(page, '+61 422 222 222')).toContainText('You: Photo · Packed and ready');
  await openCustomer(page);
  const items = ui.thread(page).getByRole('listitem');
  await expect(items.last()).toContainText('Your parcel');
  await expect(items.last()).toContainText('Packed and ready');
  await expect(items.nth(-2)).toContainText('Can I see it first?');
  const picture = ui.thread(page).getByRole('img', { name: 'Picture: Your parcel' });
  await expect(picture).toHaveAttribute('src', MEDIA_SRC);
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  expect([...(await servedBytes(page, picture)).subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);

  // The page's policy refuses pictures written into it as data: URLs.
  const refused = await page.evaluate(async () => {
    const img = new Image();
    const violation = new Promise<string | null>((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
      setTimeout(() => resolve(null), 3000);
    });
    const failed = new Promise<boolean>((resolve) => ((img.onerror = () => resolve(true)), (img.onload = () => resolve(false))));
    img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';
    document.body.append(img);
    return { directive: await violation, failed: await failed };
  });
  expect(refused).toEqual({ directive: 'img-src', failed: true });

  // ClickSend gone, the app restarted: the picture comes from this computer.
  await app.stopSimulator();
  await app.restart();
  await openCustomer(page);
  const offline = ui.thread(page).getByRole('img', { name: 'Picture: Your parcel' });
  await expect(offline).toHaveAttribute('src', MEDIA_SRC);
  await expect.poll(() => offline.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
});

/** Where a message of the open thread is, against the thread's scrolling box: px below its bottom edge (0 when fully in view). */
const belowView = (page: Page, text: string) =>
  page.evaluate((text) => {
    const scroller = document.querySelector('.thread .scroller')!.getBoundingClientRect();
    const row = Array.from(document.querySelectorAll('.thread .message-row')).find((r) => r.textContent?.includes(text));
    return row ? Math.max(0, Math.round(row.getBoundingClientRect().bottom - scroller.bottom)) : -1;
  }, text);

/** The first message at least half in view at the top of the thread. */
const firstInView = (page: Page) =>
  page.evaluate(() => {
    const scroller = document.querySelector('.thread .scroller')!.getBoundingClientRect();
    const rows = Array.from(document.querySelectorAll('.thread .message-row .body')).map((b) => ({ text: b.textContent, box: b.getBoundingClientRect() }));
    rows.sort((a, b) => a.box.top - b.box.top);
    return rows.find((r) => r.box.top + r.box.height / 2 >= scroller.top)?.text ?? null;
  });

test('attach, preview, price and send: one upload and one /mms/send with the subject and the uploaded picture', async ({ app }) => {
  const { page, simulator } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  // A conversation longer than the window, so the thread scrolls.
  const now = simulator.now();
  for (let i = 1; i <= 30; i++) simulator.injectInbound({ username: ACCOUNT.username, from: CUSTOMER, body: `Earlier question ${i}`, timestamp: now - 3600 + i * 60 });
  await customerAsks(app, 'Photo please');

  const jpeg = await photo(160, 120, 'jpeg');
  // The file goes to the core as itself, in one PUT on the media route, not through the contract's socket.
  const upload = page.waitForRequest((request) => request.method() === 'PUT');
  await attach(page, 'shelf.jpg', 'image/jpeg', jpeg);
  expect(new URL((await upload).url()).pathname).toMatch(/^\/media\/[\w-]+$/);
  expect((await (await upload).response())?.status()).toBe(204);
  await expect(attached(page).getByRole('img', { name: 'Attached: shelf.jpg' })).toBeVisible();
  // The preview is served by the attachment's id before anything is uploaded.
  expect(await servedBytes(page, attached(page).getByRole('img', { name: 'Attached: shelf.jpg' }))).toEqual(jpeg);
  await expect(attached(page)).toContainText(`shelf.jpg · ${Math.round(jpeg.length / 1024)} kB`);
  await expect(attached(page).getByLabel('Subject')).toHaveValue('Photo');
  await attached(page).getByLabel('Subject').fill('Blue shelf');
  await ui.composer(page).fill('This is the one in stock');
  await expect(page.getByLabel('Estimated cost')).toHaveText('≈ $0.33');
  await expect(page.getByLabel('Length')).toHaveText('24 of 1,500 characters');
  await ui.composer(page).press('Enter');

  const sent = ui.thread(page).getByRole('listitem').filter({ hasText: 'This is the one in stock' });
  await expect(sent).toContainText(/Queued|Sent|Delivered/);
  await expect(sent.getByRole('img', { name: 'Picture: Blue shelf' })).toHaveAttribute('src', MEDIA_SRC);
  expect(await servedBytes(page, sent.getByRole('img', { name: 'Picture: Blue shelf' }))).toEqual(jpeg);
  await expect(attached(page)).toHaveCount(0);
  expect(simulator.uploads()).toHaveLength(1);
  expect(simulator.mmsSent()).toEqual([
    expect.objectContaining({ to: CUSTOMER, subject: 'Blue shelf', body: 'This is the one in stock', media_file: simulator.uploads()[0]!._url, media_bytes: jpeg.length }),
  ]);
  // The picture just sent is in view with its text and status, though it grew as the picture loaded.
  await expect.poll(() => belowView(page, 'This is the one in stock')).toBe(0);

  // A resize keeps the thread where it was read: the same message first in view, and the bottom kept at the bottom.
  await page.setViewportSize({ width: 1000, height: 700 });
  await expect.poll(() => belowView(page, 'This is the one in stock')).toBe(0);
  // Scrolled as a reader would: the thread notes where it is on the scroll event, so the resize comes after it.
  await ui
    .thread(page)
    .locator('.scroller')
    .evaluate(
      (el) =>
        new Promise<void>((resolve) => {
          el.addEventListener('scroll', () => requestAnimationFrame(() => resolve()), { once: true });
          el.scrollTop = el.scrollHeight / 3;
        }),
    );
  const reading = await firstInView(page);
  expect(reading).toMatch(/^Earlier question \d+$/);
  await page.setViewportSize({ width: 1280, height: 650 });
  await expect.poll(() => firstInView(page)).toBe(reading);
  await page.setViewportSize({ width: 820, height: 600 });
  await expect.poll(() => firstInView(page)).toBe(reading);
});

test('a large photo pasted is scaled down and the owner told; a file that is not a picture is refused before any request; Remove takes a picture off', async ({ app }) => {
  const { page, simulator } = app;
  await customerAsks(app, 'Photo please');

  const requestsBefore = simulator.requests().length;
  await attach(page, 'notes.jpg', 'image/jpeg', Buffer.from('Shopping list: milk, bread'));
  await expect(page.getByRole('alert')).toContainText('“notes.jpg” is not a picture, so it cannot be sent as one.');
  await expect(attached(page)).toHaveCount(0);
  expect(simulator.requests().slice(requestsBefore).filter((r) => r.path === '/uploads' || r.path === '/mms/send' || r.path === '/mms/price')).toEqual([]);
  expect(simulator.uploads()).toHaveLength(0);

  // Pasted from the clipboard, as a screenshot or a copied photo would be.
  const big = await photo(1600, 1200, 'png');
  await ui.composer(page).evaluate((textarea, base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'IMG_2041.png', { type: 'image/png' }));
    textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, big.toString('base64'));
  await expect(attached(page).getByRole('note')).toHaveText(/^Made smaller to fit ClickSend’s 250 kB limit: \d\.\d MB → \d+ kB \(\d+ × \d+\)\.$/);
  await ui.composer(page).fill('Here it is');
  await ui.composer(page).press('Enter');
  await expect(ui.thread(page).getByRole('listitem').filter({ hasText: 'Here it is' })).toContainText(/Queued|Sent|Delivered/);
  expect(simulator.mmsSent()).toHaveLength(1);
  expect(simulator.mmsSent()[0]!.media_bytes).toBeLessThanOrEqual(250 * 1024);

  // Dropped, then removed: nothing is sent with the next text.
  const jpeg = await photo(80, 80, 'jpeg');
  await page.locator('form.composer').evaluate((form, base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'drop.jpg', { type: 'image/jpeg' }));
    form.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    form.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, jpeg.toString('base64'));
  await expect(attached(page).getByRole('img', { name: 'Attached: drop.jpg' })).toBeVisible();
  await attached(page).getByRole('button', { name: 'Remove picture' }).click();
  await expect(attached(page)).toHaveCount(0);
  await ui.composer(page).fill('Just text');
  await ui.composer(page).press('Enter');
  await expect(ui.thread(page).getByRole('listitem').filter({ hasText: 'Just text' })).toContainText(/Queued|Sent|Delivered/);
  expect(simulator.mmsSent()).toHaveLength(1);
  expect(simulator.uploads()).toHaveLength(1);
});

test('a lost answer never doubles a picture message: it is found at ClickSend by its reference and shown once', async ({ app }) => {
  const { page, simulator } = app;
  await customerAsks(app, 'Photo please');
  simulator.addFault({ kind: 'drop-after-apply', method: 'POST', path: '/mms/send' });
  await ui.composer(page).fill('Only once');
  await attach(page, 'a.jpg', 'image/jpeg', await photo(90, 90, 'jpeg'));
  await expect(attached(page)).toBeVisible();
  await ui.composer(page).press('Enter');
  const sent = ui.thread(page).getByRole('listitem').filter({ hasText: 'Only once' });
  // The answer was lost (the message shows Checking until a pass finds it; a routine pass may do so first).
  await expect.poll(() => simulator.requests().filter((r) => r.path === '/mms/send' && r.fault === 'drop-after-apply')).toHaveLength(1);
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(sent).toContainText(/Queued|Sent|Delivered/, { timeout: 15_000 });
  await expect(sent).toHaveCount(1);
  expect(simulator.mmsSent()).toHaveLength(1);
  expect(simulator.uploads()).toHaveLength(1);
});

test('a picture scheduled from the composer waits with its picture and is cancelled at ClickSend from the thread', async ({ app }) => {
  const { page, simulator } = app;
  await customerAsks(app, 'Send it tomorrow');
  const jpeg = await photo(100, 80, 'jpeg');
  await attach(page, 'later.jpg', 'image/jpeg', jpeg);
  await expect(attached(page)).toBeVisible();
  await ui.composer(page).fill('Ready tomorrow');
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await page.getByRole('button', { name: 'Tomorrow 9:00' }).click();
  await page.getByRole('button', { name: 'Schedule message' }).click();

  const bubble = ui.thread(page).getByRole('listitem').filter({ hasText: 'Ready tomorrow' });
  await expect(bubble).toContainText('Scheduled for');
  await expect(bubble.getByRole('img', { name: 'Picture: Photo' })).toHaveAttribute('src', MEDIA_SRC);
  expect(await servedBytes(page, bubble.getByRole('img', { name: 'Picture: Photo' }))).toEqual(jpeg);
  const [scheduled] = simulator.mmsSent();
  expect(scheduled).toMatchObject({ subject: 'Photo', body: 'Ready tomorrow' });
  expect(Number(scheduled!.schedule)).toBeGreaterThan(Date.now() / 1000);

  await bubble.getByRole('button', { name: 'Cancel' }).click();
  await expect(bubble).toContainText('Cancelled');
  expect(simulator.requests().filter((r) => r.method === 'PUT' && r.path === `/mms/${scheduled!.message_id}/cancel`)).toHaveLength(1);
});

test('back from another section, a picture loading at the bottom of the open thread keeps the bottom in view', async ({ app }) => {
  const { page, simulator } = app;
  await page.setViewportSize({ width: 1280, height: 720 });
  const now = simulator.now();
  for (let i = 1; i <= 40; i++) simulator.injectInbound({ username: ACCOUNT.username, from: CUSTOMER, body: `Earlier question ${i}`, timestamp: now - 3600 + i * 60 });
  await customerAsks(app, 'And the tall one?');
  // Read far up, so the picture that comes meanwhile is not drawn (nor fetched) until the thread is shown again.
  await ui.thread(page).locator('.scroller').evaluate((el) => (el.scrollTop = 0));
  simulator.seedMms({ username: ACCOUNT.username, to: CUSTOMER, subject: 'Tall shelf', body: 'Standing up', media: (await photo(200, 800, 'jpeg')).toString('base64') });
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(ui.row(page, '+61 422 222 222')).toContainText('You: Photo · Standing up', { timeout: 15_000 });

  await ui.section(page, 'Settings').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Settings' })).toBeVisible();
  await ui.section(page, 'Conversations').click();
  const picture = ui.thread(page).getByRole('img', { name: 'Picture: Tall shelf' });
  await expect(picture).toHaveAttribute('src', MEDIA_SRC);
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect.poll(() => belowView(page, 'Standing up')).toBe(0);
});

test('a thread of many pictures opens at its newest message and stays there while they load', async ({ app }) => {
  const { page, simulator } = app;
  await page.setViewportSize({ width: 1280, height: 900 });
  const now = simulator.now();
  for (let i = 1; i <= 30; i++) {
    const media = (await photo(400, 300, 'jpeg')).toString('base64');
    simulator.seedMms({ username: ACCOUNT.username, to: CUSTOMER, subject: `P${i}`, body: `Picture ${i}`, media, timestamp: now - 3600 + i * 60 });
  }
  await app.signIn();
  await openCustomer(page);
  const newest = ui.thread(page).getByRole('img', { name: 'Picture: P30' });
  await expect.poll(() => newest.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 20_000 }).toBe(true);
  await expect.poll(() => belowView(page, 'Picture 30')).toBe(0);
  // Every picture drawn has loaded: nothing is left to move the thread.
  await expect
    .poll(() => page.$$eval('.thread img.message-picture', (imgs) => (imgs as HTMLImageElement[]).every((img) => img.complete)))
    .toBe(true);
  expect(await belowView(page, 'Picture 30')).toBe(0);
});
