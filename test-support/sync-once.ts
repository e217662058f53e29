// One complete sync pass and the first sync's whole walk through history,
// then stop: for tests that want the cache brought up to date once (the app
// itself keeps an engine running).
import type { SyncStatus } from '../shared/contract';
import { SyncEngine, type SyncListener, type SyncOptions } from '../electron/core/sync/sync-engine';

const quiet: SyncListener = { changes() {}, status() {}, connection() {}, unauthorized() {}, directoryChanged() {} };

export async function syncOnce(options: Omit<SyncOptions, 'listener'> & { listener?: SyncListener }): Promise<SyncStatus> {
  const engine = new SyncEngine({ ...options, listener: options.listener ?? quiet });
  engine.start();
  try {
    return await engine.syncNow({ untilHistoryComplete: true });
  } finally {
    engine.stop();
  }
}
