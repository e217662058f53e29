// Where the machine's Node is older, `npm run demo` runs itself again under
// another Node (node-runtime.mjs). A SIGTERM to the command the user started
// must stop the one run again too: left running, it held the port and kept its
// demo cache. INBOX_NODE_RUNTIME names the other Node: here, the one running
// the tests, so the run again really happens on any machine.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

let outer: ChildProcess | undefined;
let watched: string | undefined;

/** Whether any process of the group (the outer command and all it started) is still there. */
function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

async function groupGone(group: number, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (groupAlive(group) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  return !groupAlive(group);
}

describe('a command run again under another Node', () => {
  afterEach(() => {
    // A failed test leaves the run again going: end the whole group.
    if (outer?.pid && groupAlive(outer.pid)) process.kill(-outer.pid, 'SIGKILL');
    if (watched) rmSync(watched, { recursive: true, force: true });
    outer = watched = undefined;
  });

  it('stops, cache removed and port closed, when the outer command gets SIGTERM; it exits with the code the demo exited with', async () => {
    watched = mkdtempSync(join(tmpdir(), 'inbox-rerun-'));
    outer = spawn(process.execPath, ['scripts/start-web.mjs', '--demo', '--no-open'], {
      cwd: root,
      env: {
        ...process.env,
        INBOX_NODE_RUNTIME: process.execPath,
        INBOX_SKIP_RENDERER_BUILD: '1',
        INBOX_WEB_PORT: '0',
        TMPDIR: watched,
        TMP: watched,
        TEMP: watched,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // a group of its own, as a terminal starts it: signalled below to the outer process alone
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      outer!.once('exit', (code, signal) => resolve({ code, signal })),
    );
    let output = '';
    const ready = await new Promise<{ url: string; cache: string }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the demo did not start:\n${output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const url = /Inbox ready at (\S+)/.exec(output)?.[1];
        const cache = /cache in (\S+) \(removed when the demo stops\)/.exec(output)?.[1];
        if (url && cache) {
          clearTimeout(timer);
          resolve({ url, cache });
        }
      };
      outer!.stdout!.on('data', onData);
      outer!.stderr!.on('data', onData);
    });
    expect(existsSync(ready.cache)).toBe(true);

    outer.kill('SIGTERM');
    expect(await exited, output).toEqual({ code: 0, signal: null });
    expect(existsSync(ready.cache)).toBe(false);
    await expect(fetch(ready.url)).rejects.toThrow();
    expect(await groupGone(outer.pid!, 5_000)).toBe(true);
  }, 60_000);
});
