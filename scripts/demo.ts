// `npm run demo`: the app in browser mode against the ClickSend simulator,
// with believable sample data, so it can be explored without an account.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../simulator/server';
import { runWebMode } from '../electron/web/main';

const account = { username: 'demo', apiKey: 'demo-key', balance: 25 };
const simulator = await startSimulator({ accounts: [account], autoDeliverMs: 3000 });
simulator.seedDemo(account.username);

const given = process.env.INBOX_DATA_DIR?.trim();
const dataDir = given || mkdtempSync(join(tmpdir(), 'clicksend-inbox-demo-'));
// A cache made here is thrown away on the way out. Browser mode exits only after the core has closed
// its database (SIGINT, SIGTERM), so 'exit' comes after that; a folder the user named is kept.
if (!given) {
  process.on('exit', () => {
    try {
      rmSync(dataDir, { recursive: true, force: true });
    } catch {
      // Still in use (a crash, on Windows): the OS's temporary-file cleaning has it.
    }
  });
}
console.log(`Demo: simulator at ${simulator.url}, cache in ${dataDir}${given ? '' : ' (removed when the demo stops)'}. Choose "Try the demo account" to sign in.`);
await runWebMode({
  config: { apiUrl: simulator.url, dataDir },
  demo: { username: account.username, apiKey: account.apiKey },
});
