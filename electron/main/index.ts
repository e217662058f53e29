// The Electron shell: thin. It makes the window and the tray, registers the
// contract's two IPC channels, draws the badge, and hands everything else to
// the core. Decisions (what notifies, what the badge says) live in the core.
import { app, BrowserWindow, ipcMain, nativeImage, shell } from 'electron';
import ElectronStore from 'electron-store';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/ipc-channels';
import type { Settings } from '../../shared/contract';
import { configFromEnv } from '../core/config';
import { createKeytarStore } from '../core/credentials/keychain';
import { Inbox } from '../core/inbox';
import { createLogger } from '../core/log';
import { fileSettings } from '../core/settings/settings';
import { electronLogSink } from './logging';
import { createTray, resource } from './tray';
import { createMainWindow, rendererUrl } from './window';

let mainWindow: BrowserWindow | null = null;
let quitting = false;

function showWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second launch brings the first forward instead of running twice.
  app.on('second-instance', showWindow);
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const config = configFromEnv(process.env, app.getPath('userData'));
  const logging = electronLogSink(config.dataDir);
  const log = createLogger(logging.sink, true);
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection', reason));
  const settings = fileSettings(config.dataDir, (options) => new ElectronStore<Settings>(options));
  const inbox = new Inbox({ config, secrets: createKeytarStore(), log, settings, focusWindow: showWindow });
  await inbox.start();

  ipcMain.handle(IPC_INVOKE, (event, name: unknown, params: unknown) => {
    // Only our own page may talk to the core.
    const url = event.senderFrame?.url ?? '';
    if (!url.startsWith(rendererUrl().split('?')[0]!.replace(/index\.html$/, ''))) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Refused.', action: null } };
    }
    return inbox.dispatch(name, params);
  });

  const closeToTray = () => settings.read().closeToTray ?? process.platform !== 'darwin';
  mainWindow = createMainWindow(settings, () => !quitting && closeToTray());
  mainWindow.on('closed', () => (mainWindow = null));

  const tray = createTray({
    open: showWindow,
    syncNow: () => void inbox.dispatch('sync.now', {}),
    pause: (choice) => inbox.pauseNotifications(choice),
    showLogs: () => shell.showItemInFolder(logging.file()),
    quit: () => {
      quitting = true;
      app.quit();
    },
  });

  const overlay = nativeImage.createFromPath(resource('badge.png'));
  const applyLoginItem = (s: Settings) => app.setLoginItemSettings({ openAtLogin: s.startAtLogin });
  applyLoginItem(settings.read());

  const applyUnread = (count: number) => {
    tray.setUnread(count);
    app.setBadgeCount(count); // macOS dock, Linux launchers that show counts (Unity)
    mainWindow?.setOverlayIcon(count > 0 ? overlay : null, count > 0 ? `${count} unread` : ''); // Windows taskbar
  };
  inbox.onEvent((event) => {
    mainWindow?.webContents.send(IPC_EVENT, event.name, event.payload);
    if (event.name === 'unread.changed') applyUnread(event.payload.count);
    if (event.name === 'settings.changed') applyLoginItem(event.payload);
  });
  // The session restored by start() above already has a count: show it now.
  applyUnread(inbox.unreadCount());

  app.on('activate', () => {
    if (mainWindow) showWindow();
    else if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(settings, () => !quitting && closeToTray());
  });
  // With close-to-tray the window is only hidden; quitting is an explicit choice.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' && !closeToTray()) app.quit();
  });
  app.on('before-quit', () => {
    quitting = true;
    tray.destroy();
    void inbox.stop();
  });
}
