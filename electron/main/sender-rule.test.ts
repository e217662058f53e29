// The IPC sender rule fed URLs as Chromium really writes them: Debian's
// Chromium loads a page from an install-like folder (a space, non-ASCII
// letters) and reports its location.href, and serializes app:// and a Windows
// install's file:// URL. One browser launch for the whole file.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_PAGE_URL } from './renderer-files';
import { isOwnPage } from './sender-rule';

const WINDOWS_MAIN = 'C:\\Program Files\\ClickSend Inbox\\resources\\app.asar\\out\\main';

/** The rule shell.ts had: a string prefix of `file://` + the page's path joined by the OS. */
function oldRule(frameUrl: string, mainDir: string, paths: path.PlatformPath = path): boolean {
  const rendererUrl = `file://${paths.join(mainDir, '../renderer/index.html')}`;
  return frameUrl.startsWith(rendererUrl.split('?')[0]!.replace(/index\.html$/, ''));
}

describe('the IPC sender rule, with URLs as Chromium writes them', () => {
  let browser: Browser;
  let installDir: string;
  const seen = { filePage: '', appPage: '', windowsFilePage: '', plainFilePage: '', lookAlikes: [] as string[] };

  beforeAll(async () => {
    installDir = path.join(mkdtempSync(path.join(tmpdir(), 'inbox-sender-')), 'ClickSend Inbox', 'Résumé façade');
    mkdirSync(path.join(installDir, 'out', 'renderer'), { recursive: true });
    writeFileSync(path.join(installDir, 'out', 'renderer', 'index.html'), '<!doctype html><title>Inbox</title>');
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage();
    await page.goto(pathToFileURL(path.join(installDir, 'out', 'renderer', 'index.html')).href + '#/conversations');
    seen.filePage = await page.evaluate(() => location.href);
    Object.assign(
      seen,
      await page.evaluate(() => ({
        appPage: new URL('app://inbox/index.html?x#/y').href,
        windowsFilePage: new URL('file:///C:/Program Files/ClickSend Inbox/resources/app.asar/out/renderer/index.html').href,
        plainFilePage: new URL('file:///opt/inbox/out/renderer/index.html').href,
        lookAlikes: ['app://inbox.evil/', 'app://inbox@evil/', 'app://evil/inbox/', 'app://inbox:8080/', 'http://inbox/'].map((u) => new URL(u).href),
      })),
    );
  }, 60_000);
  afterAll(() => browser?.close());

  it('the old rule refused the installed page: Chromium escapes the space and the accents the joined path kept', () => {
    expect(seen.filePage).toContain('/ClickSend%20Inbox/R%C3%A9sum%C3%A9%20fa%C3%A7ade/out/renderer/index.html');
    expect(oldRule(seen.filePage, path.join(installDir, 'out', 'main'))).toBe(false);
    // A Windows install: backslashes and a drive letter in the prefix, forward slashes in the URL.
    expect(seen.windowsFilePage).toBe('file:///C:/Program%20Files/ClickSend%20Inbox/resources/app.asar/out/renderer/index.html');
    expect(oldRule(seen.windowsFilePage, WINDOWS_MAIN, path.win32)).toBe(false);
    // Only a plain path matched, which is why it passed on a developer's machine.
    expect(oldRule(seen.plainFilePage, '/opt/inbox/out/main')).toBe(true);
  });

  it('the new rule refuses file:// pages entirely and accepts app://inbox/ as Chromium serializes it', () => {
    expect(seen.appPage).toBe('app://inbox/index.html?x#/y');
    expect(isOwnPage(seen.appPage, APP_PAGE_URL)).toBe(true);
    for (const url of [seen.filePage, seen.windowsFilePage, seen.plainFilePage]) expect(isOwnPage(url, APP_PAGE_URL), url).toBe(false);
  });

  it('refuses look-alikes of app://inbox/, data:, about:blank and nonsense', () => {
    expect(seen.lookAlikes).toHaveLength(5);
    for (const url of [...seen.lookAlikes, 'data:text/html,<p>hi', 'about:blank', 'blob:app://inbox/0b5e', '', 'inbox', 'app:inbox/index.html']) {
      expect(isOwnPage(url, APP_PAGE_URL), url).toBe(false);
    }
  });

  it('the dev server is told apart by its port', () => {
    expect(isOwnPage('http://localhost:5173/#/settings', 'http://localhost:5173/')).toBe(true);
    expect(isOwnPage('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isOwnPage('https://localhost:5173/', 'http://localhost:5173/')).toBe(false);
    expect(isOwnPage('http://localhost:5173@evil.example/', 'http://localhost:5173/')).toBe(false);
  });
});
