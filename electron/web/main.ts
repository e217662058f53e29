// Entry point of browser mode (`npm run start:web`): the core in plain Node,
// the renderer served to any browser on 127.0.0.1.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configFromEnv, webPortFromEnv, type CoreConfig } from '../core/config';
import { createKeytarStore } from '../core/credentials/keychain';
import { Inbox } from '../core/inbox';
import { consoleLogger } from '../core/log';
import { openInBrowser } from './open-browser';
import { startWebServer, type WebServer } from './server';

export interface WebModeOptions {
  config?: CoreConfig;
  demo?: { username: string; apiKey: string };
  port?: number;
}

// INBOX_RENDERER_DIR: tests serve a page of their own without building the renderer.
const rendererDir = process.env.INBOX_RENDERER_DIR?.trim() || resolve(fileURLToPath(new URL('.', import.meta.url)), '../../out/renderer');

export async function runWebMode(options: WebModeOptions = {}): Promise<{ inbox: Inbox; server: WebServer }> {
  const log = consoleLogger;
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection', reason));
  const inbox = new Inbox({ config: options.config ?? configFromEnv(), secrets: createKeytarStore(), log, demo: options.demo });
  await inbox.start();
  const server = await startWebServer({ inbox, port: options.port ?? webPortFromEnv(), rendererDir, log });
  let stopping = false;
  const shutdown = () => {
    // Ctrl+C reaches every process in the terminal's group and `npm run` and start-web.mjs pass it on
    // again: a repeat must not kill the process while the first one is still closing the database.
    if (stopping) return;
    stopping = true;
    void Promise.all([server.close(), inbox.stop()]).finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  console.log(`Inbox ready at ${server.url}`);
  if (process.argv.includes('--open') && openInBrowser(server.url)) console.log('Opened it in your browser.');
  return { inbox, server };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runWebMode().catch((error: unknown) => {
    console.error(`Browser mode could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
