// A command run in this process's place (the same script under another Node,
// the core, the checks in their keyring session). A signal that stops a
// command (Ctrl+C, SIGTERM, a closed terminal) is passed on to it, and this
// process ends as it ended: stopped alone, this process would leave it running,
// holding its port and its temporary files.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

const PASSED_ON = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Runs the command (stdio inherited unless `options` say otherwise) and resolves
 * with how it ended; rejects when it could not start. The signals stay passed on
 * until `exitAs`, so none stops this process while it tidies up after the command.
 */
export function runPassingSignals(command, args, options = {}) {
  const child = spawn(command, args, { stdio: 'inherit', ...options });
  for (const signal of PASSED_ON) process.on(signal, () => child.kill(signal));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}

/** Ends this process as the command ended: with its exit code, or by the signal that stopped it. */
export function exitAs({ code, signal }) {
  if (signal) {
    // With a listener left, the signal would only reach it: the default is what stops a process.
    for (const name of PASSED_ON) process.removeAllListeners(name);
    process.kill(process.pid, signal);
    // Should it not stop this process (ignored by the parent), the shell's code for that signal.
    process.exit(128 + (constants.signals[signal] ?? 0));
  }
  process.exit(code ?? 1);
}
