// Day one on a bare machine (issue 16.1): no Secret Service is running, as in
// a container, over SSH or on a fresh install. The demo must open anyway; a
// real account is still refused in words, because its key has nowhere safe to go.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, launchChromium, readyUrl, test, ui } from './fixtures';

/** A D-Bus address that leads nowhere and no desktop: libsecret cannot reach any keychain. */
const NO_KEYCHAIN = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '', WAYLAND_DISPLAY: '' };

test('npm run demo opens the demo inbox with no keychain running', async () => {
  const demo = spawn('npm', ['run', 'demo'], {
    cwd: join(import.meta.dirname, '..'),
    // The renderer was built before the specs ran; everything else is `npm run demo` as a newcomer runs it.
    env: { ...process.env, ...NO_KEYCHAIN, INBOX_SKIP_RENDERER_BUILD: '1', INBOX_WEB_PORT: '0', INBOX_DATA_DIR: mkdtempSync(join(tmpdir(), 'inbox-demo-')) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(await readyUrl(demo, 60_000));
    await page.getByRole('button', { name: 'Try the demo account' }).click();
    const list = ui.list(page);
    await expect(list).toContainText('Can we make it 3pm instead?');
    await expect(page.getByRole('alert')).toHaveCount(0);

    // And again after a restart of the page: the demo's key was never in a keychain, yet it reopens.
    await page.reload();
    await expect(list).toContainText('Can we make it 3pm instead?');
  } finally {
    await browser.close();
    if (demo.pid) process.kill(-demo.pid, 'SIGTERM');
  }
});

test.describe('a real account on the same machine', () => {
  test.use({ coreEnv: NO_KEYCHAIN });

  test('is refused with words naming what to install, and stays signed out', async ({ app }) => {
    await app.signIn();
    await expect(app.page.getByRole('alert')).toContainText('No system keychain is running, so the API key cannot be stored safely.');
    await expect(app.page.getByRole('alert')).toContainText('Secret Service');
    await expect(app.page.getByLabel('API key')).toBeVisible();
  });
});
