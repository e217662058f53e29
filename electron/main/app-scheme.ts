// The app's page comes from app://inbox/, a scheme registered as standard and
// secure, never from file:// (a file: page may read any other file: URL, and
// its URL is the install path, written in Chromium's own escaping). The dev
// server (electron-vite dev) replaces it only in an unpackaged app.
import { app, protocol } from 'electron';
import { fileURLToPath } from 'node:url';
import { APP_PAGE_URL, APP_SCHEME, appResponse, type MediaRoute } from './renderer-files';

/** The built renderer (out/renderer), beside out/main where this is bundled. */
export const BUILT_RENDERER_DIR = fileURLToPath(new URL('../renderer', import.meta.url));

/** Must run before the app is ready: Chromium learns its schemes at start. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // No corsEnabled: other origins stay unable to read the app's files; no bypassCSP.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** The page's files, and the core's pictures by id at app://inbox/media/<id>. */
export function serveRenderer(rendererDir: string, media: MediaRoute): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(request, rendererDir, media));
}

/** The page the window loads, whose origin alone may use the IPC channel. */
export function pageUrl(): string {
  const devServer = process.env.ELECTRON_RENDERER_URL;
  return devServer && !app.isPackaged ? devServer : APP_PAGE_URL;
}

