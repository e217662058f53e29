import { defineConfig } from '@playwright/test';

// The specs drive browser mode in Debian's Chromium here; wherever the
// Electron binary is installed the same specs drive the real Electron app
// (see e2e/fixtures.ts).
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  // Every temporary folder of the run (data folders, the demo's, browser profiles) goes in one folder, removed at the end.
  globalSetup: './scripts/temp-folder-per-run.mjs',
  reporter: [['list'], ['json', { outputFile: 'out/test-reports/e2e.json' }]],
  use: { screenshot: 'only-on-failure', trace: 'retain-on-failure' },
});
