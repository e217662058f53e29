// electron-log as the sink of the core's redacting logger: files in
// <data folder>/logs, which "Show logs" opens.
import log from 'electron-log/main';
import { join } from 'node:path';
import type { LogSink } from '../core/log';

export function electronLogSink(dataDir: string): { sink: LogSink; file: () => string } {
  log.transports.file.resolvePathFn = () => join(dataDir, 'logs', 'main.log');
  log.transports.file.level = 'info';
  log.transports.file.maxSize = 5 * 1024 * 1024;
  return {
    sink: { error: (...p) => log.error(...p), warn: (...p) => log.warn(...p), info: (...p) => log.info(...p) },
    file: () => log.transports.file.getFile().path,
  };
}
