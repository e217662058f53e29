// A fake of the parts of the `electron` module the shell uses, for Vitest
// (`vi.mock('electron', () => import('../../test-support/fake-electron'))`). Each part
// `implements` Electron's own declarations for the methods the shell calls,
// so a fake whose signature drifts from Electron's fails the type check. It
// records what the shell does; tests read `electron` (the recorder) to check.
import { EventEmitter } from 'node:events';
import type * as E from 'electron';

type ProtocolHandler = Parameters<E.Protocol['handle']>[1];

/** What the shell did, for tests to read; reset between tests. */
export const recorder = {
  windows: [] as FakeBrowserWindow[],
  trays: [] as FakeTray[],
  menus: [] as E.MenuItemConstructorOptions[][],
  handlers: new Map<string, (event: E.IpcMainInvokeEvent, ...args: unknown[]) => unknown>(),
  opened: [] as string[],
  shownInFolder: [] as string[],
  badgeCounts: [] as number[],
  loginItems: [] as E.Settings[],
  quits: 0,
  headersListener: null as null | Parameters<E.WebRequest['onHeadersReceived']>[0],
  /** app.whenReady() has been called: Electron then refuses new privileged schemes. */
  ready: false,
  privilegedSchemes: [] as E.CustomScheme[],
  protocolHandlers: new Map<string, ProtocolHandler>(),
  permissionRequest: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
  /** Another copy already holds the single-instance lock. */
  lockHeld: false,
  userData: '',
  safeStorage: { available: true, backend: 'gnome_libsecret' as ReturnType<E.SafeStorage['getSelectedStorageBackend']> },
};

export function resetFakeElectron(userData: string): void {
  recorder.windows = [];
  recorder.trays = [];
  recorder.menus = [];
  recorder.handlers.clear();
  recorder.opened = [];
  recorder.shownInFolder = [];
  recorder.badgeCounts = [];
  recorder.loginItems = [];
  recorder.quits = 0;
  recorder.permissionRequest = null;
  recorder.headersListener = null;
  recorder.ready = false;
  recorder.privilegedSchemes = [];
  recorder.protocolHandlers.clear();
  recorder.lockHeld = false;
  recorder.userData = userData;
  recorder.safeStorage = { available: true, backend: 'gnome_libsecret' };
  app.removeAllListeners();
  ipcMain.removeAllListeners();
}

class FakeApp
  extends EventEmitter
  implements Pick<E.App, 'requestSingleInstanceLock' | 'quit' | 'whenReady' | 'getPath' | 'setBadgeCount' | 'setLoginItemSettings' | 'getAppPath' | 'isPackaged'>
{
  isPackaged = false;
  requestSingleInstanceLock(): boolean {
    return !recorder.lockHeld;
  }
  quit(): void {
    recorder.quits++;
    this.emit('before-quit', { preventDefault() {} });
  }
  whenReady(): Promise<void> {
    recorder.ready = true;
    return Promise.resolve();
  }
  getPath(_name: Parameters<E.App['getPath']>[0]): string {
    return recorder.userData;
  }
  getAppPath(): string {
    return process.cwd();
  }
  setBadgeCount(count?: number): boolean {
    recorder.badgeCounts.push(count ?? 0);
    return true;
  }
  setLoginItemSettings(settings: E.Settings): void {
    recorder.loginItems.push(settings);
  }
}

class FakeIpcMain extends EventEmitter implements Pick<E.IpcMain, 'handle'> {
  handle(channel: string, listener: (event: E.IpcMainInvokeEvent, ...args: unknown[]) => unknown): void {
    if (recorder.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    recorder.handlers.set(channel, listener);
  }
}

export class FakeWebContents extends EventEmitter implements Pick<E.WebContents, 'send' | 'setWindowOpenHandler' | 'isDestroyed'> {
  sent: Array<{ channel: string; args: unknown[] }> = [];
  openHandler: ((details: E.HandlerDetails) => E.WindowOpenHandlerResponse) | null = null;
  destroyed = false;
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: (details: E.HandlerDetails) => E.WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeBrowserWindow
  extends EventEmitter
  implements
    Pick<
      E.BrowserWindow,
      | 'show' | 'hide' | 'focus' | 'restore' | 'isMinimized' | 'isDestroyed' | 'maximize' | 'isMaximized' | 'getNormalBounds'
      | 'setOverlayIcon' | 'loadURL' | 'isVisible'
    >
{
  static getAllWindows(): FakeBrowserWindow[] {
    return recorder.windows.filter((w) => !w.destroyed);
  }
  readonly webContents = new FakeWebContents();
  visible = false;
  minimized = false;
  focused = false;
  destroyed = false;
  overlay: { icon: unknown; description: string } | null = null;
  loaded: string | null = null;
  constructor(readonly options: E.BrowserWindowConstructorOptions) {
    super();
    recorder.windows.push(this);
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
    this.focused = false;
  }
  focus(): void {
    this.focused = true;
  }
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  maximize(): void {}
  isMaximized(): boolean {
    return false;
  }
  getNormalBounds(): E.Rectangle {
    return { x: 10, y: 10, width: 1100, height: 720 };
  }
  setOverlayIcon(overlay: E.NativeImage | null, description: string): void {
    this.overlay = overlay ? { icon: overlay, description } : null;
  }
  loadURL(url: string): Promise<void> {
    this.loaded = url;
    return Promise.resolve();
  }
  /** What the user's click on the close box does: 'close', then (unless prevented) the window goes. */
  userCloses(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.webContents.destroyed = true;
    this.destroyed = true;
    this.emit('closed');
    if (FakeBrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
  }
}

class FakeNativeImage implements Pick<E.NativeImage, 'setTemplateImage' | 'isTemplateImage'> {
  template = false;
  constructor(readonly path: string) {}
  setTemplateImage(option: boolean): void {
    this.template = option;
  }
  isTemplateImage(): boolean {
    return this.template;
  }
}

export class FakeTray extends EventEmitter implements Pick<E.Tray, 'setContextMenu' | 'setToolTip' | 'setTitle' | 'destroy'> {
  menu: FakeMenu | null = null;
  tooltip = '';
  title = '';
  destroyed = false;
  constructor(readonly image: FakeNativeImage | string) {
    super();
    recorder.trays.push(this);
  }
  setContextMenu(menu: E.Menu | null): void {
    this.menu = menu as unknown as FakeMenu | null;
  }
  setToolTip(toolTip: string): void {
    this.tooltip = toolTip;
  }
  setTitle(title: string): void {
    this.title = title;
  }
  destroy(): void {
    this.destroyed = true;
  }
  /** A click on the menu item with this label (a path for submenus: ['Pause notifications', 'Off']). */
  choose(...labels: string[]): void {
    let items = this.menu?.template ?? [];
    let item: E.MenuItemConstructorOptions | undefined;
    for (const label of labels) {
      item = items.find((i) => i.label === label);
      if (!item) throw new Error(`no menu item ${labels.join(' › ')}`);
      items = Array.isArray(item.submenu) ? item.submenu : [];
    }
    (item!.click as unknown as () => void)();
  }
}

class FakeMenu {
  constructor(readonly template: E.MenuItemConstructorOptions[]) {}
  static buildFromTemplate(template: Array<E.MenuItemConstructorOptions | E.MenuItem>): FakeMenu {
    const items = template as E.MenuItemConstructorOptions[];
    recorder.menus.push(items);
    return new FakeMenu(items);
  }
}

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const BrowserWindow = FakeBrowserWindow;
export const Tray = FakeTray;
export const Menu = FakeMenu;

export const nativeImage: Pick<typeof E.nativeImage, 'createFromPath'> = {
  createFromPath: (path: string) => new FakeNativeImage(path) as unknown as E.NativeImage,
};

export const shell: Pick<E.Shell, 'openExternal' | 'showItemInFolder'> = {
  openExternal: (url: string) => {
    recorder.opened.push(url);
    return Promise.resolve();
  },
  showItemInFolder: (fullPath: string) => {
    recorder.shownInFolder.push(fullPath);
  },
};

export const screen: Pick<E.Screen, 'getAllDisplays'> = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } } as E.Display],
};

// Electron's rules: privileged schemes only before ready, handlers only after, one handler a scheme.
class FakeProtocol implements Pick<E.Protocol, 'registerSchemesAsPrivileged' | 'handle'> {
  registerSchemesAsPrivileged(customSchemes: E.CustomScheme[]): void {
    if (recorder.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    recorder.privilegedSchemes = customSchemes;
  }
  handle(scheme: string, handler: ProtocolHandler): void {
    if (!recorder.ready) throw new Error('protocol.handle: the app is not ready');
    if (recorder.protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    recorder.protocolHandlers.set(scheme, handler);
  }
}

export const protocol = new FakeProtocol();

type HeadersListener = Parameters<E.WebRequest['onHeadersReceived']>[0];

export const session: {
  defaultSession: Pick<E.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & { webRequest: Pick<E.WebRequest, 'onHeadersReceived'> };
} = {
  defaultSession: {
    setPermissionRequestHandler: (handler) => {
      recorder.permissionRequest = handler as typeof recorder.permissionRequest;
    },
    setPermissionCheckHandler: () => undefined,
    webRequest: {
      onHeadersReceived: ((listener: HeadersListener) => {
        recorder.headersListener = listener;
      }) as E.WebRequest['onHeadersReceived'],
    },
  },
};

export const safeStorage: Pick<E.SafeStorage, 'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptStringAsync' | 'decryptStringAsync'> = {
  isEncryptionAvailable: () => recorder.safeStorage.available,
  getSelectedStorageBackend: () => recorder.safeStorage.backend,
  // Reversible but not plain: a test can tell an encrypted file from the key.
  encryptStringAsync: async (plainText: string) => Buffer.from(`fake-os-crypt:${Buffer.from(plainText).toString('base64')}`),
  decryptStringAsync: async (encrypted: Buffer) => {
    const text = encrypted.toString();
    if (!text.startsWith('fake-os-crypt:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return { result: Buffer.from(text.slice('fake-os-crypt:'.length), 'base64').toString(), shouldReEncrypt: false };
  },
};

