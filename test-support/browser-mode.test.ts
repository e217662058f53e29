// startDemo's own promise: a demo that does not start in time must not be
// left running, detached, after the test that started it has failed.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startDemo } from './browser-mode';
import { until } from './core';

/** This user's processes whose environment holds `entry` (Linux's /proc). */
function processesWith(entry: string): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(entry)) found.push(Number(pid));
    } catch {
      // Gone meanwhile, or another user's.
    }
  }
  return found;
}

describe('startDemo', () => {
  it.runIf(process.platform === 'linux')('a demo that has not printed its URL in time is ended, with every process it started, before the promise rejects', async () => {
    const marker = `INBOX_START_DEMO_TEST=${randomUUID()}`;
    const [name, value] = marker.split('=') as [string, string];
    await expect(startDemo({ [name]: value }, 300)).rejects.toThrow(/^the demo did not start in 300 ms/);
    try {
      expect(await until(() => processesWith(marker), (pids) => pids.length === 0, 5000)).toEqual([]);
    } finally {
      // Only when the test fails: what it started, by id.
      for (const pid of processesWith(marker)) process.kill(pid, 'SIGKILL');
    }
  });
});
