// A thread of 50 pictures, as the owner opens it (issue 28): the app in browser
// mode against the simulator, from the click on the conversation to every
// picture drawn. First from ClickSend (each downloaded into the media cache),
// then reopened from the cache, alternated with the floor: the same URLs as
// bare <img> tags added to the same page, nothing else.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { createKeytarStore } from '../electron/core/credentials/keychain';
import { writeSessionFile } from '../electron/core/session/session-file';
import { startSimulator } from '../simulator/server';
import { latency, type Latency } from './measure';
import { launchWebCore } from './web-core-process';

const PICTURES = 50;
const ROUNDS = 7;
const CUSTOMER = '+61422222222';
const OTHER = '+61433333333';

export interface PicturesResult {
  pictures: number;
  /** How many the thread drew on opening (the rest as it scrolls). */
  drawn: number;
  /** First open: each picture fetched from ClickSend into the media cache. */
  firstOpenMs: number;
  /** Reopened (each picture from the media cache), beside the bare page, alternated. */
  reopen: Latency;
  bare: Latency;
  ratio: number;
}

export async function picturesBench(page: Page, webCore: string): Promise<PicturesResult> {
  const account = { username: 'bench-pictures', apiKey: `bench-${randomUUID()}` };
  const sim = await startSimulator({ accounts: [{ ...account, balance: 50 }] });
  const now = sim.now();
  sim.injectInbound({ username: account.username, from: OTHER, body: 'Another customer', timestamp: now - 7200 });
  for (let i = 1; i <= PICTURES; i++) {
    // Noise, so each is a photo-sized JPEG (about 50 kB) and no two are alike.
    const media = await sharp(randomBytes(400 * 300 * 3), { raw: { width: 400, height: 300, channels: 3 } })
      .jpeg({ quality: 80 })
      .toBuffer();
    sim.seedMms({ username: account.username, to: CUSTOMER, subject: `P${i}`, body: `Picture ${i}`, media: media.toString('base64'), timestamp: now - 3600 + i * 60 });
  }
  const dataDir = mkdtempSync(resolve(tmpdir(), 'bench-pictures-'));
  const service = `ClickSend Inbox bench ${randomUUID()}`;
  const keychain = createKeytarStore(service);
  await keychain.set(account.username, account.apiKey);
  writeSessionFile(dataDir, { activeAccount: account.username, accounts: [account.username], apiOrigin: null });
  const env = { ...process.env, INBOX_DATA_DIR: dataDir, CLICKSEND_API_URL: sim.url, INBOX_WEB_PORT: '0', INBOX_KEYCHAIN_SERVICE: service };
  const { child, url } = await launchWebCore(webCore, env);
  try {
    await page.setViewportSize({ width: 1920, height: 1080 });
    const row = (name: string) => page.getByRole('navigation', { name: 'Conversations' }).getByRole('option').filter({ hasText: name });
    // The thread draws the pictures in view (it is virtualized): opened when the newest and every one it drew have loaded.
    const open = async (name: string) => {
      const started = performance.now();
      await row(name).click();
      await page.waitForFunction(
        (newest) => {
          const imgs = Array.from(document.querySelectorAll<HTMLImageElement>('.thread img.message-picture'));
          return imgs.some((img) => img.alt.endsWith(newest)) && imgs.every((img) => img.complete && img.naturalWidth > 0);
        },
        `P${PICTURES}`,
        { polling: 'raf', timeout: 120_000 },
      );
      return performance.now() - started;
    };
    await page.goto(url);
    await row('422 222 222').waitFor({ timeout: 120_000 });
    const firstOpenMs = await open('422 222 222');
    const srcs = await page.$$eval('.thread img.message-picture', (imgs) => (imgs as HTMLImageElement[]).map((img) => img.src));
    const reopen: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await row('433 333 333').click();
      reopen.push(await open('422 222 222'));
      bare.push(
        await page.evaluate(async (urls) => {
          const frame = document.createElement('div');
          document.body.append(frame);
          const started = performance.now();
          await Promise.all(
            urls.map(
              (src) =>
                new Promise<void>((done) => {
                  const img = new Image();
                  img.onload = img.onerror = () => done();
                  img.src = `${src}${src.includes('?') ? '&' : '?'}bare=${Math.random()}`;
                  frame.append(img);
                }),
            ),
          );
          const took = performance.now() - started;
          frame.remove();
          return took;
        }, srcs),
      );
    }
    const result = { pictures: PICTURES, drawn: srcs.length, firstOpenMs: Math.round(firstOpenMs), reopen: latency(reopen), bare: latency(bare), ratio: 0 };
    result.ratio = Math.round((result.reopen.p50 / result.bare.p50) * 100) / 100;
    return result;
  } finally {
    child.kill('SIGTERM');
    await keychain.delete(account.username).catch(() => undefined);
    await sim.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
