import { getEventListeners } from 'node:events';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { requestSignal } from './request-signal';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

describe('requestSignal', () => {
  it('aborts when the caller does, and says it was not a time-out', () => {
    const caller = new AbortController();
    const r = requestSignal(caller.signal, 60_000);
    caller.abort(new Error('sync stopped'));
    expect(r.signal.aborted).toBe(true);
    expect(r.timedOut()).toBe(false);
    r.dispose();
  });

  it('aborts on time-out and says so', async () => {
    const r = requestSignal(undefined, 20);
    await new Promise((resolve) => r.signal.addEventListener('abort', resolve));
    expect(r.timedOut()).toBe(true);
    expect((r.signal.reason as DOMException).name).toBe('TimeoutError');
  });

  it('starts aborted under an aborted caller', () => {
    const caller = new AbortController();
    caller.abort();
    expect(requestSignal(caller.signal, 60_000).signal.aborted).toBe(true);
  });

  it('leaves nothing behind on a long-lived caller signal once disposed', () => {
    const caller = new AbortController();
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 20_000; i++) requestSignal(caller.signal, 60_000).dispose();
    gc();
    gc();
    const retainedMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    expect(getEventListeners(caller.signal, 'abort')).toHaveLength(0);
    // AbortSignal.any with AbortSignal.timeout(60 s) keeps each one alive for its minute.
    expect(retainedMb).toBeLessThan(4);
  });
});
