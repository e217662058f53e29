// Browser mode serves each file of the renderer with the type the Electron
// shell's app:// scheme gives it (shared/content-types.ts): its own table had
// drifted, and served .mjs and .webp as plain bytes.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeytarStore } from '../core/credentials/keychain';
import { Inbox } from '../core/inbox';
import { consoleLogger } from '../core/log';
import { startWebServer, type WebServer } from './server';

const EXPECTED: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'worker.mjs': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
  'data.json': 'application/json',
  'icon.svg': 'image/svg+xml',
  'icon.png': 'image/png',
  'photo.webp': 'image/webp',
  'favicon.ico': 'image/x-icon',
  'font.woff2': 'font/woff2',
  'SHOUT.JS': 'text/javascript; charset=utf-8',
  'notes.bin': 'application/octet-stream',
};

describe('browser mode’s file types', () => {
  let folders: string[];
  let inbox: Inbox;
  let server: WebServer;

  beforeAll(async () => {
    const rendererDir = mkdtempSync(join(tmpdir(), 'inbox-renderer-'));
    const dataDir = mkdtempSync(join(tmpdir(), 'inbox-web-'));
    folders = [rendererDir, dataDir];
    for (const name of Object.keys(EXPECTED)) writeFileSync(join(rendererDir, name), name === 'index.html' ? '<!doctype html><title>Inbox</title>' : 'x');
    inbox = new Inbox({
      config: { apiUrl: 'http://127.0.0.1:9/v3', dataDir },
      secrets: createKeytarStore(`ClickSend Inbox test ${randomUUID()}`),
      log: consoleLogger,
    });
    await inbox.start();
    server = await startWebServer({ inbox, port: 0, rendererDir, log: consoleLogger });
  });

  afterAll(async () => {
    await server.close();
    await inbox.stop();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('are the app:// scheme’s, for every kind of file the renderer holds', async () => {
    const origin = new URL(server.url).origin;
    const served: Record<string, string | null> = {};
    for (const name of Object.keys(EXPECTED)) served[name] = (await fetch(`${origin}/${name}`)).headers.get('content-type');
    expect(served).toEqual(EXPECTED);
  });
});
