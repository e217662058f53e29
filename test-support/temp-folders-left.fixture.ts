// Run only by scripts/test-run-temp-folders.test.ts, in a Vitest run of its
// own (temp-folders-left.vitest.config.ts): it leaves temporary folders
// behind, as a careless test would, and writes where they are to the file
// INBOX_LEFT_FOLDERS_FILE names, for that test to see they were removed.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('leaves two temporary folders behind, one of them with a file in it', () => {
  const record = process.env.INBOX_LEFT_FOLDERS_FILE;
  if (!record) throw new Error('INBOX_LEFT_FOLDERS_FILE must name the file to write the folders to');
  const left = [mkdtempSync(join(tmpdir(), 'inbox-left-')), mkdtempSync(join(tmpdir(), 'inbox-left-'))];
  writeFileSync(join(left[1]!, 'data.txt'), 'left behind');
  writeFileSync(record, JSON.stringify(left));
  expect(left.every((folder) => folder.startsWith(tmpdir()))).toBe(true);
});
