// One request's abort signal: the caller's (e.g. the sync's, which lives as
// long as the account) or the time-out, whichever comes first.
//
// Not AbortSignal.any([caller, AbortSignal.timeout(ms)]): the time-out signal
// and its timer outlive the request by the whole time-out (15 s each), which
// the compressed-time soak showed as a heap that kept growing. Here the timer
// and the listener go as soon as the request is over.

export interface RequestSignal {
  signal: AbortSignal;
  timedOut(): boolean;
  /** Call when the request is over: drops the timer and the listener on the caller's signal. */
  dispose(): void;
}

export function requestSignal(caller: AbortSignal | undefined, timeoutMs: number): RequestSignal {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`no answer in ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  const onAbort = () => controller.abort(caller?.reason);
  if (caller?.aborted) onAbort();
  else caller?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onAbort);
    },
  };
}
