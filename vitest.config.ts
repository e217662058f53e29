import { defineConfig } from 'vitest/config';

// Unit and integration tests sit beside the code they test. They use the real
// SQLite, the real keychain and real HTTP to the simulator, so they run in Node.
export default defineConfig({
  test: {
    include: ['electron/**/*.test.ts', 'bench/**/*.test.ts', 'test-support/**/*.test.ts', 'shared/**/*.test.ts', 'simulator/**/*.test.ts', 'renderer/src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Every temporary folder of the run goes in one folder, removed at the end.
    globalSetup: ['scripts/temp-folder-per-run.mjs'],
  },
});
