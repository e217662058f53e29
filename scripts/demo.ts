// `npm run demo`: the app in browser mode against the ClickSend simulator,
// with believable sample data, so it can be explored without an account.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../simulator/server';
import { runWebMode } from '../electron/web/main';

const account = { username: 'demo', apiKey: 'demo-key', balance: 25 };
const simulator = await startSimulator({ accounts: [account], autoDeliverMs: 3000 });
simulator.seedDemo(account.username);

const dataDir = process.env.INBOX_DATA_DIR || mkdtempSync(join(tmpdir(), 'clicksend-inbox-demo-'));
console.log(`Demo: simulator at ${simulator.url}, cache in ${dataDir}. Choose "Try the demo account" to sign in.`);
await runWebMode({
  config: { apiUrl: simulator.url, dataDir },
  demo: { username: account.username, apiKey: account.apiKey },
});
