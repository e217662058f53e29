// The tray icon and its menu. What the count means and what the menu does
// are decided by the core; this only draws them.
import { app, Menu, nativeImage, Tray } from 'electron';
import { join } from 'node:path';
import type { PauseChoice } from '../core/notify/notification-policy';
import { unreadLabel } from '../core/notify/notification-policy';

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

export function createTray(actions: TrayActions, platform: NodeJS.Platform = process.platform): { setUnread(count: number): void; destroy(): void } {
  // macOS wants a black template image the system tints; elsewhere the colour icon.
  const icon = nativeImage.createFromPath(resource(platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'));
  if (platform === 'darwin') icon.setTemplateImage(true);
  const tray = new Tray(icon);
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
      { type: 'separator' },
      { label: 'Quit', click: actions.quit },
    ]),
  );
  tray.on('click', actions.open);
  const setUnread = (count: number) => {
    const { tooltip, badge } = unreadLabel(count);
    tray.setToolTip(tooltip);
    if (platform === 'darwin') tray.setTitle(badge);
  };
  setUnread(0);
  return { setUnread, destroy: () => tray.destroy() };
}
