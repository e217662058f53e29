// The Electron shell: thin. It makes the window and the tray, registers the
// contract's IPC channel, draws the badge per platform, and hands everything
// else to the core. Decisions (what notifies, what the badge says) live in
// the core. Its parts that need the real system (settings file, keychain,
// logs, the updater) are handed in, so tests run this code against a fake
// of the `electron` module (test-support/fake-electron.ts).
import { app, BrowserWindow, ipcMain, nativeImage, shell } from 'electron';
import type { Settings } from '../../shared/contract';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/ipc-channels';
import { configFromEnv, type CoreConfig } from '../core/config';
import type { SecretStore } from '../core/credentials/keychain';
import { Inbox } from '../core/inbox';
import { createLogger, type LogSink } from '../core/log';
import { unreadLabel } from '../../shared/unread-label';
import type { SettingsStore } from '../core/settings/settings';
import { BUILT_RENDERER_DIR, pageUrl, registerAppScheme, serveRenderer } from './app-scheme';
import { appMediaUrl } from './renderer-files';
import { isOwnPage } from './sender-rule';
import { createTray, resource } from './tray';
import { keepUpdated, type Updater } from './updates';
import { createMainWindow } from './window';

export interface ShellParts {
  settings(dataDir: string): SettingsStore;
  secrets(dataDir: string): SecretStore;
  logging(dataDir: string): { sink: LogSink; file(): string };
  /** electron-updater's autoUpdater in the packaged app. */
  updater?: Updater;
  /** process.platform unless a test says otherwise. */
  platform?: NodeJS.Platform;
  config?: CoreConfig;
  /** The built renderer folder app:// serves, unless a test gives another. */
  rendererDir?: string;
}

/** Where an unhandled rejection is logged: the latest shell's log (one listener per process). */
let unhandled: ReturnType<typeof createLogger> | null = null;

export interface Shell {
  inbox: Inbox;
  window(): BrowserWindow | null;
}

/** Resolves to the running shell, or null when another copy already runs (this one quits). */
export function runShell(parts: ShellParts): Promise<Shell | null> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve(null);
  }
  registerAppScheme();
  let mainWindow: BrowserWindow | null = null;
  const showWindow = () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };
  // A second launch brings the first forward instead of running twice.
  app.on('second-instance', showWindow);
  return app.whenReady().then(() => start(parts, showWindow, (w) => (mainWindow = w), () => mainWindow));
}

async function start(
  parts: ShellParts,
  showWindow: () => void,
  setWindow: (window: BrowserWindow | null) => void,
  currentWindow: () => BrowserWindow | null,
): Promise<Shell> {
  const platform = parts.platform ?? process.platform;
  const config = parts.config ?? configFromEnv(process.env, app.getPath('userData'));
  const logging = parts.logging(config.dataDir);
  const log = createLogger(logging.sink, true);
  if (!unhandled) process.on('unhandledRejection', (reason) => unhandled?.error('unhandled rejection', reason));
  unhandled = log;
  const settings = parts.settings(config.dataDir);
  const updater = parts.updater;
  const inbox = new Inbox({
    config,
    secrets: parts.secrets(config.dataDir),
    log,
    settings,
    focusWindow: showWindow,
    ...(updater ? { restartToUpdate: () => updater.quitAndInstall() } : {}),
  });
  await inbox.start();
  let quitting = false;
  serveRenderer(parts.rendererDir ?? BUILT_RENDERER_DIR, { picture: (id) => inbox.picture(id), receive: (id, body) => inbox.receivePicture(id, body) });
  inbox.servePicturesAt(appMediaUrl);
  const page = pageUrl();

  ipcMain.handle(IPC_INVOKE, (event, name: unknown, params: unknown) => {
    // Only our own page may talk to the core.
    if (!isOwnPage(event.senderFrame?.url ?? '', page)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Refused.', action: null } };
    }
    return inbox.dispatch(name, params);
  });

  // The settings resolve the platform's default (hide to the tray on Windows and Linux; macOS keeps its dock convention).
  const closeToTray = () => settings.read().closeToTray === true;
  const openWindow = () => {
    const window = createMainWindow(settings, () => !quitting && closeToTray(), page);
    window.on('closed', () => {
      if (currentWindow() === window) setWindow(null);
    });
    setWindow(window);
    return window;
  };
  openWindow();

  const tray = createTray(
    {
      open: showWindow,
      syncNow: () => void inbox.dispatch('sync.now', {}),
      pause: (choice) => inbox.pauseNotifications(choice),
      showLogs: () => shell.showItemInFolder(logging.file()),
      quit: () => {
        quitting = true;
        app.quit();
      },
    },
    platform,
  );

  const updates = updater
    ? keepUpdated({
        updater,
        settings: settings.read(),
        log,
        downloaded: (version) => {
          inbox.updateDownloaded(version);
          tray.offerRestart(version, () => void inbox.dispatch('app.restartToUpdate', {}).then((reply) => !reply.ok && showWindow()));
        },
      })
    : null;

  const overlay = nativeImage.createFromPath(resource('badge.png'));
  const applyLoginItem = (s: Settings) => app.setLoginItemSettings({ openAtLogin: s.startAtLogin });
  applyLoginItem(settings.read());

  // Each system shows an unread count its own way; the tray's tooltip says it everywhere.
  const applyUnread = (count: number) => {
    tray.setUnread(count);
    if (platform === 'win32') {
      const window = currentWindow();
      if (window && !window.isDestroyed()) window.setOverlayIcon(count > 0 ? overlay : null, unreadLabel(count).words);
    } else {
      app.setBadgeCount(count); // the macOS dock; Linux launchers that show counts (Unity API)
    }
  };
  inbox.onEvent((event) => {
    const window = currentWindow();
    if (window && !window.isDestroyed()) window.webContents.send(IPC_EVENT, event.name, event.payload);
    if (event.name === 'unread.changed') applyUnread(event.payload.count);
    if (event.name === 'settings.changed') {
      applyLoginItem(event.payload);
      updates?.settingsChanged(event.payload);
    }
  });
  // The session restored by start() above already has a count: show it now.
  applyUnread(inbox.unreadCount());

  app.on('activate', () => {
    if (currentWindow()) showWindow();
    else if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  // With close-to-tray the window is only hidden; quitting is an explicit choice.
  app.on('window-all-closed', () => {
    if (platform !== 'darwin' && !closeToTray()) app.quit();
  });
  app.on('before-quit', () => {
    quitting = true;
    tray.destroy();
    updates?.stop();
    void inbox.stop();
  });
  return { inbox, window: currentWindow };
}
