#!/usr/bin/env node
// `npm run screenshots`: the README's pictures, taken from the demo (browser
// mode against the simulator) in Debian's Chromium, light and dark, at the
// size of a laptop window. Writes docs/screenshots/*.png.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'docs/screenshots');

const demo = spawn(process.execPath, ['scripts/start-web.mjs', '--demo', '--no-open'], {
  cwd: root,
  env: { ...process.env, INBOX_WEB_PORT: '0', INBOX_DATA_DIR: mkdtempSync(join(tmpdir(), 'inbox-shots-')) },
  stdio: ['ignore', 'pipe', 'inherit'],
  detached: true,
});
const url = await new Promise((resolve, reject) => {
  let text = '';
  demo.stdout.on('data', (chunk) => {
    text += chunk;
    const match = /Inbox ready at (\S+)/.exec(text);
    if (match) resolve(match[1]);
  });
  demo.once('exit', (code) => reject(new Error(`the demo exited (${code})`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  for (const theme of ['light', 'dark']) {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: theme })).newPage();
    await page.goto(url);
    // The core is shared: the second window finds the demo signed in already.
    const demoButton = page.getByRole('button', { name: 'Try the demo account' });
    await demoButton.or(page.getByRole('navigation', { name: 'Conversations' })).first().waitFor();
    if (await demoButton.isVisible()) await demoButton.click();
    await page.getByRole('status').filter({ hasText: 'Up to date' }).waitFor({ timeout: 30_000 });
    const suffix = theme === 'light' ? '' : '-dark';
    await page.getByRole('navigation', { name: 'Conversations' }).getByRole('option').nth(1).click();
    await page.getByRole('textbox', { name: 'Message' }).fill('Yes, 3pm works. See you then!');
    await page.waitForTimeout(1_200); // the price arrives
    await page.screenshot({ path: join(out, `inbox${suffix}.png`) });
    await page.getByRole('searchbox', { name: 'Search' }).fill('0492');
    await page.getByRole('region', { name: 'Search results' }).waitFor();
    await page.screenshot({ path: join(out, `search${suffix}.png`) });
    await page.keyboard.press('Escape');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Scheduled' }).click();
    await page.getByRole('region', { name: 'Scheduled messages' }).getByRole('listitem').first().waitFor();
    await page.screenshot({ path: join(out, `scheduled${suffix}.png`) });
    console.log(`${theme}: inbox${suffix}.png, search${suffix}.png, scheduled${suffix}.png`);
  }
} finally {
  await browser.close();
  process.kill(-demo.pid, 'SIGTERM');
}
