// The main window, locked down: isolated, sandboxed, no Node, no navigation,
// no new windows, only the notifications permission. It remembers its size
// and position (in settings) and, when closing to the tray, hides instead.
import { BrowserWindow, screen, session, shell } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import type { Settings } from '../../shared/contract';
import type { SettingsStore } from '../core/settings/settings';

const here = fileURLToPath(new URL('.', import.meta.url));

/** Saved bounds only if they are still on a connected screen. */
function visibleBounds(saved: Settings['window']): Settings['window'] {
  if (!saved) return null;
  const onScreen = screen.getAllDisplays().some(({ workArea: a }) => saved.x < a.x + a.width - 50 && saved.x + saved.width > a.x + 50 && saved.y >= a.y - 20 && saved.y < a.y + a.height - 50);
  return onScreen ? saved : null;
}

/** `page`: app://inbox/index.html, or the dev server's URL (app-scheme.ts). */
export function createMainWindow(settings: SettingsStore, shouldHideOnClose: () => boolean, page: string): BrowserWindow {
  const saved = visibleBounds(settings.read().window);
  const window = new BrowserWindow({
    width: saved?.width ?? 1100,
    height: saved?.height ?? 720,
    ...(saved ? { x: saved.x, y: saved.y } : {}),
    // The smallest size every view is laid out for (and checked at in e2e/layout.spec.ts).
    minWidth: 800,
    minHeight: 600,
    title: 'ClickSend Inbox',
    show: false,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: true,
      // Middle-click would otherwise open links in a new window.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => {
    if (saved?.maximized) window.maximize();
    window.show();
  });

  // No navigation away from the app; links the user clicks open in the browser, and only https ones.
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (/^https:\/\//i.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // Notifications are the one permission the inbox needs; everything else is refused.
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'notifications'));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permission === 'notifications');
  // The policy as a header on the dev server's responses (electron-vite dev). app:// answers carry it from
  // renderer-files.ts: webRequest hooks never see a custom scheme's responses.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } }),
  );

  let saveTimer: NodeJS.Timeout | undefined;
  const remember = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      if (window.isDestroyed() || window.isMinimized()) return;
      const b = window.getNormalBounds();
      settings.update({ window: { x: b.x, y: b.y, width: b.width, height: b.height, maximized: window.isMaximized() } });
    }, 500);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', remember);

  window.on('close', (event) => {
    if (shouldHideOnClose()) {
      event.preventDefault();
      window.hide();
    }
  });

  void window.loadURL(page);
  return window;
}
