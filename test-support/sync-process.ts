// A sync pass (and optionally a send) in a process of its own, so tests can
// SIGKILL it at any point and restart it on the same cache file.
// Usage: node --import tsx test-support/sync-process.ts <apiUrl> <cacheFile> <username> <apiKey> [send-body]
import { ClickSendClient } from '../electron/core/clicksend/client';
import { openCache } from '../electron/core/cache/database';
import { Outbox } from '../electron/core/outbox/outbox';
import { accountCacheRules } from '../electron/core/session/cache-rules';
import { SyncEngine } from '../electron/core/sync/sync-engine';

const [apiUrl, cacheFile, username, apiKey, sendBody] = process.argv.slice(2);
const db = openCache(cacheFile!, accountCacheRules);
const client = new ClickSendClient({ baseUrl: apiUrl!, username: username!, apiKey: apiKey!, backoffMs: 20, requestsPerSecond: 1000 });
const outbox = new Outbox({ db, client, changes: () => undefined, confirmWithinMs: 0 });
const sync = new SyncEngine({
  db,
  client,
  outbox,
  intervalMs: 60_000,
  listener: {
    changes: () => undefined,
    status: () => undefined,
    connection: () => undefined,
    unauthorized: () => undefined,
    directoryChanged: () => undefined,
  },
});
console.log('started');
if (sendBody) await outbox.send('+61422222222', sendBody);
sync.start();
const status = await sync.syncNow({ untilHistoryComplete: true });
sync.stop();
db.close();
console.log(JSON.stringify({ done: true, status }));
