// Where electron-log writes: <data folder>/logs/main.log, readable by this
// user only (electron-log makes it 0666 less the umask, and its folder with
// the umask's mode). Apart from logging.ts so it is tested without Electron:
// electron-log's Node logger has the same file transport.
import { join } from 'node:path';
import type ElectronLog from 'electron-log';
import { makePrivateDir, PRIVATE_FILE_MODE } from '../core/private-files';

export function privateLogFile(transport: ElectronLog.FileTransport, dataDir: string): void {
  const dir = join(dataDir, 'logs');
  makePrivateDir(dir);
  transport.resolvePathFn = () => join(dir, 'main.log');
  transport.writeOptions = { ...transport.writeOptions, mode: PRIVATE_FILE_MODE };
  transport.level = 'info';
  transport.maxSize = 5 * 1024 * 1024;
}
