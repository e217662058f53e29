// Bundles browser mode's core (electron/web/main.ts and everything it
// imports) to out/web/main.mjs; npm packages stay external.
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
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
}
