// better-sqlite3 and keytar are compiled for one runtime (Node or Electron):
// when one fails to load, the user is told what to run.
/** A native build for the wrong runtime, or a missing system library: what to run. */
export function nativeModuleAdvice(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(text)) {
    return 'The native modules were built for another runtime. Run `npm run native:node` for tests and browser mode, or `npm run native:electron` for the desktop app.';
  }
  return 'Run `npm rebuild` (Linux needs libsecret-1-dev, python3, make and g++).';
}
