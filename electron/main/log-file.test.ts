import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import log from 'electron-log/node';
import { expect, it } from 'vitest';
import { usePermissiveUmask } from '../../test-support/umask';
import { privateLogFile } from './log-file';

usePermissiveUmask();

it('writes logs/main.log readable by this user only, in a folder only this user can open', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'inbox-log-'));
  const logger = log.create({ logId: `log-file-test-${Date.now()}` });
  logger.transports.console.level = false;
  privateLogFile(logger.transports.file, dataDir);
  logger.info('started');
  const file = join(dataDir, 'logs', 'main.log');
  expect(logger.transports.file.getFile().path).toBe(file);
  expect(statSync(file).size).toBeGreaterThan(0);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(statSync(join(dataDir, 'logs')).mode & 0o777).toBe(0o700);
});
