// Bundles browser mode's core (electron/web/main.ts and everything it
// imports, npm packages included) to out/web/main.mjs: one file loads much
// faster than hundreds. Native modules stay outside, loaded as they are.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildWebCore() {
  await build({
    entryPoints: [`${root}electron/web/main.ts`],
    outfile: `${root}out/web/main.mjs`,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['better-sqlite3', 'keytar'],
    // Bundled CommonJS packages (ws) still call require() for Node's own modules.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}
