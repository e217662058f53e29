// One temporary folder per test run, removed when the run ends, passed or
// failed. Vitest and Playwright load this as their globalSetup (the function
// returned is the teardown), and npm test (test.mjs) makes its own around them:
// os.tmpdir() follows TMPDIR (TMP/TEMP on Windows), and the workers, the
// processes they start and the browsers they open inherit it, so a test that
// leaves a folder behind leaves it in here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const NAMES = ['TMPDIR', 'TMP', 'TEMP'];

/** Makes the folder and points TMPDIR, TMP and TEMP at it; `teardown` puts them back and removes it. */
export function temporaryFolderForRun() {
  const before = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
  const folder = mkdtempSync(join(tmpdir(), 'inbox-test-run-'));
  for (const name of NAMES) process.env[name] = folder;
  const teardown = () => {
    for (const name of NAMES) {
      if (before[name] === undefined) delete process.env[name];
      else process.env[name] = before[name];
    }
    // Retries: a browser or core still exiting may be writing its last file.
    rmSync(folder, { recursive: true, force: true, maxRetries: 5 });
  };
  return { folder, teardown };
}

export default function temporaryFolderPerRun() {
  return temporaryFolderForRun().teardown;
}
