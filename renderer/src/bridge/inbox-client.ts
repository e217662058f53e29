// The renderer's one way to the core: Electron's preload bridge when present,
// browser mode's WebSocket otherwise. Same contract, same types.
import type { EventName, EventPayload, InboxBridge, Params, RequestName, Result, UserError } from '../../../shared/contract';
import { createWebSocketBridge } from './websocket-bridge';

export class RequestFailed extends Error {
  constructor(readonly userError: UserError) {
    super(userError.message);
    this.name = 'RequestFailed';
  }
}

let bridge: InboxBridge | null = null;
const connectionListeners = new Set<(connected: boolean) => void>();

function getBridge(): InboxBridge {
  bridge ??= window.inbox ?? createWebSocketBridge(window.location, (connected) => {
    for (const listener of connectionListeners) listener(connected);
  });
  return bridge;
}

export async function call<N extends RequestName>(name: N, params: Params<N>): Promise<Result<N>> {
  const reply = await getBridge().invoke(name, params);
  if (!reply.ok) throw new RequestFailed(reply.error);
  return reply.value;
}

export function subscribe<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  return getBridge().on(name, listener);
}

/** Browser mode only: whether the page can reach the core at all. */
export function onCoreConnection(listener: (connected: boolean) => void): () => void {
  connectionListeners.add(listener);
  return () => connectionListeners.delete(listener);
}

export function describeError(error: unknown): UserError {
  if (error instanceof RequestFailed) return error.userError;
  return { code: 'INTERNAL', message: 'Something went wrong in the app.', action: 'Try again.' };
}
