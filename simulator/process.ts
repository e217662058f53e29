// The simulator in a process of its own, as ClickSend is: its work and its
// memory do not share the caller's thread or heap (benchmarks, the soak).
// Driven through its control endpoints (see control.ts).
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export interface SimulatorProcess {
  /** API base, …/v3 */
  url: string;
  /** Control base, …/_sim */
  controlUrl: string;
  /** Calls a control endpoint; returns its JSON, or throws on a non-2xx. */
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  stop(): void;
}

const root = resolve(import.meta.dirname, '..');

export async function startSimulatorProcess(account: { username: string; apiKey: string }): Promise<SimulatorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'simulator/cli.ts'], {
    cwd: root,
    env: { ...process.env, SIM_PORT: '0', SIM_EMPTY: '1', SIM_USERNAME: account.username, SIM_API_KEY: account.apiKey },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((ready, fail) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Simulator ready at (\S+)/.exec(out);
      if (match) ready(match[1]!);
    });
    child.once('exit', (code) => fail(new Error(`simulator exited (${code})`)));
  });
  const controlUrl = url.replace(/\/v3$/, '/_sim');
  return {
    url,
    controlUrl,
    control: async (method, path, body) => {
      const res = await fetch(controlUrl + path, {
        method,
        headers: { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`simulator control ${method} ${path}: ${res.status}`);
      return res.json();
    },
    stop: () => child.kill('SIGTERM'),
  };
}
