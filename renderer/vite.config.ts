import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Browser mode serves this build; the Electron build uses electron.vite.config.ts
// with the same root, so both modes run the identical renderer.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  // Loaded from disk, never over a network: one ~600 kB chunk (mostly the
  // phone-number metadata) costs less than the requests splitting would add.
  build: { outDir: resolve(root, '../out/renderer'), emptyOutDir: true, chunkSizeWarningLimit: 1_000 },
});
