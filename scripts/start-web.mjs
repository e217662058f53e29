#!/usr/bin/env node
// `npm run start:web` (and `npm run demo`): build the renderer, then run the
// core in plain Node serving it on 127.0.0.1. Prints `Inbox ready at <url>`.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const demo = process.argv.includes('--demo');

if (!process.env.INBOX_SKIP_RENDERER_BUILD) {
  await build({ configFile: `${root}renderer/vite.config.ts`, logLevel: 'warn' });
}

const entry = demo ? 'scripts/demo.ts' : 'electron/web/main.ts';
const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: root, stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
