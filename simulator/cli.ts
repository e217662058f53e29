// `npm run simulator`: the simulator alone, for pointing the app (or curl) at it.
// SIM_PORT (4010), SIM_USERNAME / SIM_API_KEY (demo / demo-key), SIM_EMPTY=1 to skip demo data,
// SIM_LATENCY_MS (0) added to every answer, SIM_RATE_LIMIT requests per second per account (none).
import { startSimulator } from './server';

const port = Number(process.env.SIM_PORT ?? 4010);
const username = process.env.SIM_USERNAME || 'demo';
const apiKey = process.env.SIM_API_KEY || 'demo-key';

const network = {
  latencyMs: Number(process.env.SIM_LATENCY_MS ?? 0),
  rateLimitPerSecond: process.env.SIM_RATE_LIMIT ? Number(process.env.SIM_RATE_LIMIT) : null,
};
const sim = await startSimulator({ port, accounts: [{ username, apiKey, balance: 100 }], autoDeliverMs: 3000, network });
if (process.env.SIM_EMPTY !== '1') sim.seedDemo(username);
console.log(`Simulator ready at ${sim.url}`);

const stop = (): void => {
  void sim.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
