// electron-log as the sink of the core's redacting logger: files in
// <data folder>/logs, which "Show logs" opens.
import log from 'electron-log/main';
import type { LogSink } from '../core/log';
import { privateLogFile } from './log-file';

export function electronLogSink(dataDir: string): { sink: LogSink; file: () => string } {
  privateLogFile(log.transports.file, dataDir);
  return {
    sink: { error: (...p) => log.error(...p), warn: (...p) => log.warn(...p), info: (...p) => log.info(...p) },
    file: () => log.transports.file.getFile().path,
  };
}
