// The tray icon and its menu. What the count means and what the menu does
// are decided by the core; this only draws them.
import { app, Menu, nativeImage, Tray } from 'electron';
import { join } from 'node:path';
import type { PauseChoice } from '../core/notify/notification-policy';
import { unreadLabel } from '../../shared/unread-label';

export interface TrayActions {
  open(): void;
  syncNow(): void;
  pause(choice: PauseChoice): void;
  showLogs(): void;
  quit(): void;
}

export function resource(name: string): string {
  return join(app.isPackaged ? process.resourcesPath : join(app.getAppPath(), 'resources'), name);
}

export interface AppTray {
  setUnread(count: number): void;
  offerRestart(version: string, click: () => void): void;
  destroy(): void;
}

export function createTray(actions: TrayActions, platform: NodeJS.Platform = process.platform): AppTray {
  // macOS wants a black template image the system tints; elsewhere the colour icon.
  const icon = nativeImage.createFromPath(resource(platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'));
  if (platform === 'darwin') icon.setTemplateImage(true);
  const tray = new Tray(icon);
  let restart: { version: string; click: () => void } | null = null;
  const buildMenu = () =>
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Open Inbox', click: actions.open },
        { label: 'Sync now', click: actions.syncNow },
        {
          label: 'Pause notifications',
          submenu: [
            { label: 'For 1 hour', click: () => actions.pause('hour') },
            { label: 'Until tomorrow', click: () => actions.pause('tomorrow') },
            { label: 'Off', click: () => actions.pause('off') },
            { type: 'separator' },
            { label: 'Resume', click: () => actions.pause('resume') },
          ],
        },
        { label: 'Show logs', click: actions.showLogs },
        ...(restart ? [{ type: 'separator' as const }, { label: `Restart to update (${restart.version})`, click: restart.click }] : []),
        { type: 'separator' },
        { label: 'Quit', click: actions.quit },
      ]),
    );
  buildMenu();
  tray.on('click', actions.open);
  const setUnread = (count: number) => {
    const { tooltip, badge } = unreadLabel(count);
    tray.setToolTip(tooltip);
    if (platform === 'darwin') tray.setTitle(badge);
  };
  setUnread(0);
  return {
    setUnread,
    /** A downloaded update: the menu gains "Restart to update". */
    offerRestart: (version: string, click: () => void) => {
      restart = { version, click };
      buildMenu();
    },
    destroy: () => tray.destroy(),
  };
}
