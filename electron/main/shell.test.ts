// The real shell (shell.ts, window.ts, tray.ts) against a fake of Electron
// typed by Electron's own declarations, with the real core, settings file
// and a ClickSend simulator on 127.0.0.1.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { requestNames, type Reply, type Result } from '../../shared/contract';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/ipc-channels';
import { startSimulator, type Simulator } from '../../simulator/server';
import type { SecretStore } from '../core/credentials/keychain';
import { fileSettings } from '../core/settings/settings';
import { app as fakeApp, recorder, resetFakeElectron, type FakeBrowserWindow } from '../../test-support/fake-electron';
import { FakeUpdater } from '../../test-support/fake-updater';
import { until, value } from '../../test-support/core';
import { makePicture } from '../../test-support/pictures';
import { runShell, type Shell } from './shell';

vi.mock('electron', () => import('../../test-support/fake-electron'));

const ACCOUNT = { username: 'shell-user', apiKey: 'shell-key-9b1f2c' };
/** The page's URL as Chromium reports it for the window's frame. */
const PAGE = 'app://inbox/index.html#/';

/** Keys kept in memory: the shell's subject here is the window, tray and IPC, not the keychain. */
function memorySecrets(): SecretStore {
  const keys = new Map<string, string>();
  return {
    get: async (a) => keys.get(a) ?? null,
    set: async (a, s) => void keys.set(a, s),
    delete: async (a) => keys.delete(a),
  };
}

describe('the Electron shell', () => {
  let sim: Simulator;
  let dataDir: string;
  let logLines: string[];
  let running: Shell | null;
  /** A built renderer installed where installs live: a space and non-ASCII letters in the path. */
  let rendererDir: string;

  const start = async (platform: NodeJS.Platform = 'linux', updater?: FakeUpdater) => {
    running = await runShell({
      platform,
      updater,
      rendererDir,
      config: { apiUrl: sim.url, dataDir, syncIntervalMs: 60_000 },
      settings: (dir) => fileSettings(dir, undefined, platform),
      secrets: () => memorySecrets(),
      logging: () => ({
        sink: { error: (...p) => logLines.push(p.join(' ')), warn: (...p) => logLines.push(p.join(' ')), info: (...p) => logLines.push(p.join(' ')) },
        file: () => join(dataDir, 'logs', 'main.log'),
      }),
    });
    return running;
  };
  const window = () => recorder.windows.at(-1) as FakeBrowserWindow;
  const invoke = async (name: unknown, params: unknown, url = PAGE): Promise<Reply<unknown>> => {
    const handler = recorder.handlers.get(IPC_INVOKE)!;
    return (await handler({ senderFrame: { url } } as never, name, params)) as Reply<unknown>;
  };
  const signIn = async () => {
    const reply = await invoke('session.signIn', ACCOUNT);
    expect(reply).toMatchObject({ ok: true });
  };
  const sentEvents = () => window().webContents.sent.filter((s) => s.channel === IPC_EVENT).map((s) => s.args[0]);

  beforeEach(async () => {
    sim = await startSimulator({ accounts: [ACCOUNT] });
    dataDir = mkdtempSync(join(tmpdir(), 'inbox-shell-'));
    rendererDir = join(dataDir, 'ClickSend Inbox', 'Résumé façade', 'renderer');
    mkdirSync(join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>ClickSend Inbox</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {};');
    writeFileSync(join(dataDir, 'ClickSend Inbox', 'secret.txt'), 'outside the renderer');
    logLines = [];
    running = null;
    resetFakeElectron(dataDir);
  });
  afterEach(async () => {
    await running?.inbox.stop();
    await sim.close();
  });

  it('makes a locked-down window: isolated, sandboxed, no Node, no navigation, only https links, only notifications, and the CSP header', async () => {
    await start();
    const prefs = window().options.webPreferences!;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(window().options).toMatchObject({ minWidth: 800, minHeight: 600 });

    let prevented = false;
    window().webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://evil.example');
    expect(prevented).toBe(true);
    const open = window().webContents.openHandler!;
    expect(open({ url: 'https://www.clicksend.com/help' } as never)).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' } as never)).toEqual({ action: 'deny' });
    expect(open({ url: 'http://unencrypted.example/' } as never)).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' } as never)).toEqual({ action: 'deny' });
    expect(recorder.opened).toEqual(['https://www.clicksend.com/help']);

    const granted: Record<string, boolean> = {};
    for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read']) {
      recorder.permissionRequest!(null, permission, (ok) => (granted[permission] = ok));
    }
    expect(granted).toEqual({ notifications: true, media: false, geolocation: false, 'clipboard-read': false });

    let headers: Record<string, string | string[]> = {};
    recorder.headersListener!({ responseHeaders: { 'Content-Type': ['text/html'] } } as never, (r) => (headers = r.responseHeaders!));
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    // The page's own meta tag says the same.
    expect(readFileSync('renderer/index.html', 'utf8')).toContain(`content="${CONTENT_SECURITY_POLICY}"`);
  });

  it('the page comes from app://inbox/, a standard and secure scheme serving only the built renderer, never from file://', async () => {
    await start();
    expect(recorder.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) }]);
    expect(recorder.privilegedSchemes[0]!.privileges).not.toHaveProperty('bypassCSP');
    expect(recorder.privilegedSchemes[0]!.privileges).not.toHaveProperty('corsEnabled');
    expect(window().loaded).toBe('app://inbox/index.html');

    const serve = recorder.protocolHandlers.get('app')!;
    const page = await serve(new Request('app://inbox/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.text()).toContain('<title>ClickSend Inbox</title>');
    const script = await serve(new Request('app://inbox/assets/app.js'));
    expect([script.status, script.headers.get('Content-Type')]).toEqual([200, 'text/javascript; charset=utf-8']);
    for (const url of ['app://inbox/missing.js', 'app://inbox/..%2fsecret.txt', 'app://inbox/%5c..%5csecret.txt', 'app://evil/index.html']) {
      const refused = await serve(new Request(url));
      expect(refused.status, url).toBe(404);
      expect(refused.headers.get('Content-Security-Policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(await refused.text(), url).not.toContain('outside the renderer');
    }
  });

  it('pictures are served by id through the same app:// handler, typed by their bytes; no other id, host or method', async () => {
    sim.seedMms({ username: ACCOUNT.username, to: '+61422222222', subject: 'Your parcel', body: 'Here it is' });
    await start();
    await signIn();
    const [conversation] = await until(
      async () => value<Result<'conversations.list'>>(await invoke('conversations.list', { limit: 10 })).items,
      (items) => items[0]?.lastIsPicture === true,
    );
    const [picture] = value<Result<'messages.list'>>(await invoke('messages.list', { conversationId: conversation!.id, limit: 10 }));
    const { src } = value<Result<'pictures.show'>>(await invoke('pictures.show', { id: picture!.id }));
    expect(src).toBe(`app://inbox/media/${picture!.id}`);

    const serve = recorder.protocolHandlers.get('app')!;
    const served = await serve(new Request(src!));
    expect([served.status, served.headers.get('Content-Type'), served.headers.get('Cache-Control')]).toEqual([200, 'image/jpeg', 'no-store']);
    const bytes = Buffer.from(await served.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect((await serve(new Request(src!, { method: 'POST' }))).status).toBe(405);

    writeFileSync(join(rendererDir, 'secret.jpeg'), bytes);
    for (const url of [
      'app://inbox/media/999999',
      'app://inbox/media/..%2fsecret.jpeg',
      'app://inbox/media/%2e%2e%2fsecret.jpeg',
      `app://inbox/media/${encodeURIComponent(join(rendererDir, 'secret.jpeg'))}`,
      `app://inbox/media/${picture!.id}%2f..`,
      `app://evil/media/${picture!.id}`,
      'app://inbox/media/',
    ]) {
      const refused = await serve(new Request(url));
      expect([url, refused.status]).toEqual([url, 404]);
    }
  });

  it('a picture being attached is streamed to the core by a PUT on the same app:// route, then prepared and previewed there', async () => {
    await start();
    await signIn();
    const jpeg = await makePicture('jpeg', 40, 30);
    const { attachmentId, uploadUrl } = value<Result<'pictures.attach'>>(await invoke('pictures.attach', { name: 'shelf.jpg', size: jpeg.length }));
    expect(uploadUrl).toBe(`app://inbox/media/${attachmentId}`);
    const serve = recorder.protocolHandlers.get('app')!;
    const put = (body: Buffer) => serve(new Request(uploadUrl, { method: 'PUT', body, duplex: 'half' } as RequestInit));
    expect((await put(jpeg)).status).toBe(204);
    expect((await put(jpeg)).status).toBe(404); // taken once
    const prepared = value<Result<'pictures.prepare'>>(await invoke('pictures.prepare', { attachmentId }));
    expect(prepared).toMatchObject({ name: 'shelf.jpg', bytes: jpeg.length, preview: uploadUrl });
    expect(Buffer.from(await (await serve(new Request(prepared.preview!))).arrayBuffer())).toEqual(jpeg);

    const small = value<Result<'pictures.attach'>>(await invoke('pictures.attach', { name: 'small.jpg', size: 10 }));
    expect((await serve(new Request(small.uploadUrl, { method: 'PUT', body: jpeg, duplex: 'half' } as RequestInit))).status).toBe(413);
    expect(await invoke('pictures.prepare', { attachmentId: small.attachmentId })).toMatchObject({ ok: false, error: { code: 'PICTURE_INCOMPLETE' } });
  });

  it('IPC is accepted from the app’s page only: not file://, another site, or another host of app:', async () => {
    await start();
    expect(await invoke('session.get', {}, 'app://inbox/index.html#/x')).toMatchObject({ ok: true });
    const refusedFrom = [
      pathToFileURL(join(rendererDir, 'index.html')).href, // how Chromium writes the old file:// page
      `file://${join(rendererDir, 'index.html')}`,
      'https://evil.example/',
      'app://evil/index.html',
      'app://inbox.evil/index.html',
      'app://inbox@evil/index.html',
      'about:blank',
      'data:text/html,<script>1</script>',
      '',
    ];
    for (const url of refusedFrom) expect(await invoke('session.get', {}, url), url).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('the dev server’s page is loaded and trusted only in an unpackaged app', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    try {
      await start();
      expect(window().loaded).toBe('http://localhost:5173/');
      expect(await invoke('session.get', {}, 'http://localhost:5173/#/x')).toMatchObject({ ok: true });
      expect(await invoke('session.get', {}, 'http://localhost:5174/')).toMatchObject({ ok: false });
      expect(await invoke('session.get', {}, PAGE)).toMatchObject({ ok: false });
      await running!.inbox.stop();

      resetFakeElectron(dataDir);
      fakeApp.isPackaged = true;
      Object.assign(process, { resourcesPath: join(process.cwd(), 'resources') }); // an installed app's tray icons
      await start();
      expect(window().loaded).toBe('app://inbox/index.html');
      expect(await invoke('session.get', {}, 'http://localhost:5173/')).toMatchObject({ ok: false });
      expect(await invoke('session.get', {}, PAGE)).toMatchObject({ ok: true });
    } finally {
      delete process.env.ELECTRON_RENDERER_URL;
      fakeApp.isPackaged = false;
      Reflect.deleteProperty(process, 'resourcesPath');
    }
  });

  it('a second launch quits at once and brings the first window forward', async () => {
    await start();
    window().hide();
    window().minimized = true;
    fakeApp.emit('second-instance', {}, [], '');
    expect(window()).toMatchObject({ visible: true, minimized: false, focused: true });

    recorder.lockHeld = true;
    const before = recorder.windows.length;
    await expect(runShell({ settings: fileSettings, secrets: memorySecrets, logging: () => ({ sink: console, file: () => '' }) })).resolves.toBeNull();
    expect(recorder.quits).toBe(1);
    expect(recorder.windows).toHaveLength(before);
  });

  for (const platform of ['linux', 'win32'] as const) {
    it(`closing hides to the tray on ${platform}, and quits when the setting says so`, async () => {
      await start(platform);
      window().userCloses();
      expect(window()).toMatchObject({ destroyed: false, visible: false });
      expect(recorder.quits).toBe(0);

      await invoke('settings.update', { closeToTray: false });
      window().userCloses();
      expect(window().destroyed).toBe(true);
      expect(recorder.quits).toBe(1);
    });
  }

  it('on macOS closing closes the window but not the app, and the dock brings it back', async () => {
    await start('darwin');
    window().userCloses();
    expect(window().destroyed).toBe(true);
    expect(recorder.quits).toBe(0);
    fakeApp.emit('activate');
    expect(recorder.windows).toHaveLength(2);
    expect(window().destroyed).toBe(false);
  });

  it('every tray item does what it says', async () => {
    await start();
    await signIn();
    const tray = recorder.trays[0]!;
    window().hide();
    tray.choose('Open Inbox');
    expect(window()).toMatchObject({ visible: true, focused: true });

    const inboundBefore = sim.requests().filter((r) => r.path === '/sms/inbound').length;
    tray.choose('Sync now');
    await vi.waitFor(() => expect(sim.requests().filter((r) => r.path === '/sms/inbound').length).toBeGreaterThan(inboundBefore));

    tray.choose('Pause notifications', 'For 1 hour');
    expect((await invoke('settings.get', {})) as Reply<{ notificationsPausedUntil: number }>).toMatchObject({
      value: { notificationsPausedUntil: expect.any(Number) },
    });
    tray.choose('Pause notifications', 'Off');
    expect(await invoke('settings.get', {})).toMatchObject({ value: { notifications: false, notificationsPausedUntil: null } });
    tray.choose('Pause notifications', 'Resume');
    expect(await invoke('settings.get', {})).toMatchObject({ value: { notifications: true } });

    tray.choose('Show logs');
    expect(recorder.shownInFolder).toEqual([join(dataDir, 'logs', 'main.log')]);
    tray.choose('Quit');
    expect(recorder.quits).toBe(1);
    expect(tray.destroyed).toBe(true);
    // After Quit the window closes for real, even with close-to-tray on.
    window().userCloses();
    expect(window().destroyed).toBe(true);
  });

  for (const platform of ['linux', 'darwin', 'win32'] as const) {
    it(`the unread badge goes where ${platform} shows it`, async () => {
      await start(platform);
      await signIn();
      // Two replies in one conversation: one conversation to read, as the Unread filter counts it.
      sim.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Are you open today?' });
      sim.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Or tomorrow?' });
      await invoke('sync.now', {});
      const tray = recorder.trays[0]!;
      await vi.waitFor(() => expect(tray.tooltip).toBe('ClickSend Inbox: 1 unread conversation'));
      if (platform === 'win32') {
        expect(window().overlay?.description).toBe('1 unread conversation');
        expect(recorder.badgeCounts).toEqual([]);
      } else {
        expect(recorder.badgeCounts.at(-1)).toBe(1);
        expect(window().overlay).toBeNull();
      }
      expect(tray.title).toBe(platform === 'darwin' ? '1' : '');
      expect(sentEvents()).toContain('unread.changed');
    });
  }

  it('one channel carries every request, each validated: malformed ones are refused in words, an unknown sender is refused', async () => {
    await start();
    expect([...recorder.handlers.keys()]).toEqual([IPC_INVOKE]);
    for (const name of requestNames) {
      const reply = await invoke(name, 'not an object');
      expect(reply.ok, name).toBe(false);
      if (!reply.ok) expect(reply.error.message, name).not.toMatch(/at .*\.ts|Error:/);
    }
    expect(await invoke('fs.readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_REQUEST' } });
    expect(await invoke('session.get', {}, 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await invoke('session.get', {})).toMatchObject({ ok: true, value: { state: 'signed-out' } });
  });

  it('core events reach the window, and nothing is sent to a destroyed one', async () => {
    await start();
    await signIn();
    expect(sentEvents()).toContain('session.changed');
    window().destroyed = true;
    window().webContents.destroyed = true;
    // The fake throws on a send to a destroyed window, as Electron does.
    await expect(invoke('settings.update', { notificationSound: false })).resolves.toMatchObject({ ok: true });
  });

  it('a notification’s click brings the window forward; start at login follows the setting; the key reaches no log', async () => {
    await start();
    await signIn();
    window().hide();
    window().minimized = true;
    expect(await invoke('app.focusWindow', {})).toMatchObject({ ok: true });
    expect(window()).toMatchObject({ visible: true, minimized: false, focused: true });

    expect(recorder.loginItems.at(-1)).toEqual({ openAtLogin: false });
    await invoke('settings.update', { startAtLogin: true });
    expect(recorder.loginItems.at(-1)).toEqual({ openAtLogin: true });

    const everything = JSON.stringify([logLines, window().webContents.sent]);
    expect(everything).not.toContain(ACCOUNT.apiKey);
  });

  describe('updates', () => {
    it('checks at start and every few hours, downloads by itself, and installs on quit; the setting turns it off', async () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      try {
        const updater = new FakeUpdater();
        await start('linux', updater);
        expect(updater).toMatchObject({ checks: 1, autoDownload: true, autoInstallOnAppQuit: true });
        vi.advanceTimersByTime(4 * 60 * 60 * 1000);
        expect(updater.checks).toBe(2);

        await invoke('settings.update', { autoUpdate: false });
        expect(updater).toMatchObject({ autoDownload: false, autoInstallOnAppQuit: false });
        vi.advanceTimersByTime(12 * 60 * 60 * 1000);
        expect(updater.checks).toBe(2);
        await invoke('settings.update', { autoUpdate: true });
        expect(updater.checks).toBe(3);
      } finally {
        vi.useRealTimers();
      }
    });

    it('a downloaded update is offered in the window and the tray; Restart installs it, never while a send waits', async () => {
      const updater = new FakeUpdater();
      await start('linux', updater);
      await signIn();
      expect(await invoke('app.update', {})).toMatchObject({ ok: true, value: { version: null } });
      expect(await invoke('app.restartToUpdate', {})).toMatchObject({ ok: false, error: { code: 'NO_UPDATE' } });

      updater.emit('update-downloaded', { version: '1.4.0' });
      expect(sentEvents()).toContain('app.updateReady');
      expect(await invoke('app.update', {})).toMatchObject({ ok: true, value: { version: '1.4.0', message: null } });

      // A message waiting in the outbox (ClickSend cannot be reached): no restart.
      const port = Number(new URL(sim.url).port);
      await sim.close();
      expect(await invoke('messages.send', { to: '+61422222222', body: 'On its way' })).toMatchObject({ ok: true, value: { status: 'Pending' } });
      const refused = await invoke('app.restartToUpdate', {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'SEND_IN_PROGRESS', message: expect.stringMatching(/still being sent/) } });
      window().hide();
      recorder.trays[0]!.choose('Restart to update (1.4.0)');
      await vi.waitFor(() => expect(window().visible).toBe(true));
      expect(updater.installs).toBe(0);

      sim = await startSimulator({ port, accounts: [ACCOUNT] });
      await invoke('sync.now', {});
      expect(sim.sent().map((m) => m.body)).toEqual(['On its way']);
      await vi.waitFor(async () => expect(await invoke('app.restartToUpdate', {})).toMatchObject({ ok: true }));
      expect(updater.installs).toBe(1);
    });

    it('browser mode and a shell without an updater say so instead of restarting', async () => {
      await start('linux');
      expect(await invoke('app.restartToUpdate', {})).toMatchObject({ ok: false, error: { code: 'NO_UPDATER' } });
    });
  });
});
