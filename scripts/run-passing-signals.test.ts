// A command run in a script's place gets the signals the script gets, and the
// script ends as the command ended: by its exit code, or by the same signal.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const helper = new URL('./run-passing-signals.mjs', import.meta.url).href;

/** A script that runs `command` (Node code) through the helper and ends as it ended; resolves once the command said "ready". */
function runThrough(command: string) {
  const script = `
    import { exitAs, runPassingSignals } from ${JSON.stringify(helper)};
    exitAs(await runPassingSignals(process.execPath, ['-e', ${JSON.stringify(command)}], { stdio: ['ignore', 'inherit', 'inherit'] }));
  `;
  const outer = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    outer.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let output = '';
  const ready = new Promise<void>((resolve) =>
    outer.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) resolve();
    }),
  );
  outer.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { outer, exited, ready, output: () => output };
}

describe('running a command in a script’s place', () => {
  it('passes SIGINT, SIGTERM and SIGHUP on, and exits with the code the command exited with', async () => {
    for (const [signal, code] of [['SIGINT', 5], ['SIGTERM', 6], ['SIGHUP', 7]] as const) {
      const run = runThrough(`process.on(${JSON.stringify(signal)}, () => process.exit(${code})); console.log('ready'); setInterval(() => {}, 1000);`);
      await run.ready;
      run.outer.kill(signal);
      expect({ signal, ended: await run.exited }, run.output()).toEqual({ signal, ended: { code, signal: null } });
    }
  });

  it('ends by the signal that stopped the command', async () => {
    const run = runThrough(`console.log('ready'); setInterval(() => {}, 1000);`);
    await run.ready;
    run.outer.kill('SIGTERM');
    expect(await run.exited, run.output()).toEqual({ code: null, signal: 'SIGTERM' });

    const killed = runThrough(`process.kill(process.pid, 'SIGKILL');`);
    expect(await killed.exited, killed.output()).toEqual({ code: null, signal: 'SIGKILL' });
  });
});
