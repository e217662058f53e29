// app://inbox/ against real folders where installs live (a space, non-ASCII
// letters) and, through path.win32, a Windows install's folder.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { rendererResponse, resolveRendererFile } from './renderer-files';

const TRAVERSALS = [
  'app://inbox/..%2f..%2fetc/passwd',
  'app://inbox/%2e%2e%2f%2e%2e%2fetc/passwd',
  'app://inbox/%5c..%5c',
  'app://inbox/%5c..%5csecret.txt',
  'app://inbox/assets/..%5c..%5csecret.txt',
  'app://inbox/index.html%00.js',
  'app://inbox/%2fetc%2fpasswd',
  'app://inbox/C:%5cWindows%5cwin.ini',
  'app://inbox/C:/Windows/win.ini',
  'app://inbox/index.html::$DATA',
  'app://inbox/%E0%A4%A', // not UTF-8 once decoded
  'app://evil/index.html',
  'app://inbox.evil/index.html',
  'app://inbox@evil/index.html',
  'app://user@inbox/index.html',
  'file:///etc/passwd',
  'https://inbox/index.html',
];

describe('the app:// scheme’s files', () => {
  let root: string;
  beforeAll(() => {
    const install = mkdtempSync(path.join(tmpdir(), 'inbox-scheme-'));
    root = path.join(install, 'ClickSend Inbox', 'Résumé façade', 'out', 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Inbox</title>');
    writeFileSync(path.join(root, 'assets', 'index-4f2a.js'), 'export const ready = true;');
    writeFileSync(path.join(root, 'assets', 'index-4f2a.css'), 'body{}');
    writeFileSync(path.join(root, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(path.join(install, 'ClickSend Inbox', 'secret.txt'), 'outside the renderer');
  });

  const get = async (url: string, method = 'GET') => rendererResponse(new Request(url, { method }), root);

  it('serves the page and its assets from a folder with a space and non-ASCII letters, typed, with the CSP', async () => {
    for (const [url, type, text] of [
      ['app://inbox/index.html', 'text/html; charset=utf-8', '<title>Inbox</title>'],
      ['app://inbox/', 'text/html; charset=utf-8', '<title>Inbox</title>'],
      ['app://inbox/index.html?x#/conversations', 'text/html; charset=utf-8', '<title>Inbox</title>'],
      ['app://inbox/assets/index-4f2a.js', 'text/javascript; charset=utf-8', 'ready = true'],
      ['app://inbox/assets/index-4f2a.css', 'text/css; charset=utf-8', 'body{}'],
      ['app://inbox/icon.svg', 'image/svg+xml', '<svg'],
    ] as const) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('Content-Type'), url).toBe(type);
      expect(response.headers.get('Content-Security-Policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('X-Content-Type-Options'), url).toBe('nosniff');
      expect(await response.text(), url).toContain(text);
    }
  });

  it('answers 404 for a missing file or a folder, 405 for other methods, and HEAD without a body', async () => {
    for (const url of ['app://inbox/missing.js', 'app://inbox/assets', 'app://inbox/assets/']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('Content-Security-Policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
    expect((await get('app://inbox/index.html', 'POST')).status).toBe(405);
    const head = await get('app://inbox/index.html', 'HEAD');
    expect([head.status, await head.text()]).toEqual([200, '']);
  });

  it('refuses every way out of the folder, and other hosts and schemes', async () => {
    for (const url of TRAVERSALS) {
      expect(resolveRendererFile(url, root), url).toBeNull();
      let request: Request;
      try {
        request = new Request(url);
      } catch {
        continue; // new Request refuses some URLs outright, which is as good
      }
      // Called bare: a throw of the handler's own fails the test.
      const response = await rendererResponse(request, root);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('outside the renderer');
    }
    // Dot segments the URL parser itself removes end inside the folder, never above it.
    expect(resolveRendererFile('app://inbox/../../secret.txt', root)).toBe(path.join(root, 'secret.txt'));
    expect(resolveRendererFile('app://inbox/%2e%2e/%2e%2e/index.html', root)).toBe(path.join(root, 'index.html'));
  });

  it('resolves inside a Windows install’s folder, and refuses the ways out there too', () => {
    const windowsRoot = 'C:\\Program Files\\ClickSend Inbox\\resources\\app.asar\\out\\renderer';
    expect(resolveRendererFile('app://inbox/index.html', windowsRoot, path.win32)).toBe(`${windowsRoot}\\index.html`);
    expect(resolveRendererFile('app://inbox/', windowsRoot, path.win32)).toBe(`${windowsRoot}\\index.html`);
    expect(resolveRendererFile('app://inbox/assets/index-4f2a.js', windowsRoot, path.win32)).toBe(`${windowsRoot}\\assets\\index-4f2a.js`);
    expect(resolveRendererFile('app://inbox/R%C3%A9sum%C3%A9%20fa%C3%A7ade.svg', windowsRoot, path.win32)).toBe(`${windowsRoot}\\Résumé façade.svg`);
    for (const url of [...TRAVERSALS, 'app://inbox/..%5C..%5C..%5Cresources.pak', 'app://inbox/%5C%5Cserver%5Cshare']) {
      expect(resolveRendererFile(url, windowsRoot, path.win32), url).toBeNull();
    }
  });
});
