// Browser mode serves each file of the renderer with the type the Electron
// shell's app:// scheme gives it (shared/content-types.ts): its own table had
// drifted, and served .mjs and .webp as plain bytes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCore, type ServedCore } from '../../test-support/browser-mode';

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
  let core: ServedCore;

  beforeAll(async () => {
    const rendererDir = mkdtempSync(join(tmpdir(), 'inbox-renderer-'));
    for (const name of Object.keys(EXPECTED)) writeFileSync(join(rendererDir, name), name === 'index.html' ? '<!doctype html><title>Inbox</title>' : 'x');
    core = await serveCore(rendererDir);
  });

  afterAll(() => core.close());

  it('are the app:// scheme’s, for every kind of file the renderer holds', async () => {
    const origin = new URL(core.server.url).origin;
    const served: Record<string, string | null> = {};
    for (const name of Object.keys(EXPECTED)) served[name] = (await fetch(`${origin}/${name}`)).headers.get('content-type');
    expect(served).toEqual(EXPECTED);
  });
});
