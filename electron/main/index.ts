// The Electron shell: thin. It makes the window, registers the contract's
// two IPC channels and hands everything else to the core.
import { app, BrowserWindow, ipcMain } from 'electron';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/ipc-channels';
import { configFromEnv } from '../core/config';
import { createKeytarStore } from '../core/credentials/keychain';
import { Inbox } from '../core/inbox';
import { consoleLogger } from '../core/log';
import { createMainWindow, rendererUrl } from './window';

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const inbox = new Inbox({
    config: configFromEnv(process.env, app.getPath('userData')),
    secrets: createKeytarStore(),
    log: consoleLogger,
  });
  await inbox.start();

  ipcMain.handle(IPC_INVOKE, (event, name: unknown, params: unknown) => {
    // Only our own page may talk to the core.
    const url = event.senderFrame?.url ?? '';
    if (!url.startsWith(rendererUrl().split('?')[0]!.replace(/index\.html$/, ''))) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Refused.', action: null } };
    }
    return inbox.dispatch(name, params);
  });
  inbox.onEvent((event) => mainWindow?.webContents.send(IPC_EVENT, event.name, event.payload));

  mainWindow = createMainWindow();
  mainWindow.on('closed', () => (mainWindow = null));
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => void inbox.stop());
}
