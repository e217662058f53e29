#!/usr/bin/env node
// `npm run start:web` (and `npm run demo`): build the renderer, then run the
// core in plain Node serving it on 127.0.0.1. Prints `Inbox ready at <url>`.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { rerunUnderRuntime } from './node-runtime.mjs';
import { exitAs, runPassingSignals } from './run-passing-signals.mjs';
import { buildWebCore } from './web-core.mjs';

// Under the Node 22 that npm install fetched where the machine's is older (node-runtime.mjs).
await rerunUnderRuntime({ install: false });

const root = fileURLToPath(new URL('..', import.meta.url));
const demo = process.argv.includes('--demo');

if (!process.env.INBOX_SKIP_RENDERER_BUILD) {
  await build({ configFile: `${root}renderer/vite.config.ts`, logLevel: 'warn' });
}

// The core is bundled to plain JavaScript, so start-up does not pay for
// compiling TypeScript; the demo (which also starts the simulator) runs through tsx.
if (!demo) await buildWebCore();
// --open: show it in the default browser where there is a desktop (the URL is printed either way).
const open = process.argv.includes('--no-open') ? [] : ['--open'];
const args = [...(demo ? ['--import', 'tsx', 'scripts/demo.ts'] : ['out/web/main.mjs']), ...open];
exitAs(await runPassingSignals(process.execPath, args, { cwd: root }));
