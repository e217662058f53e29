// The renderer's one way to the core: Electron's preload bridge when present,
// browser mode's WebSocket otherwise. Same contract, same types; an attached
// picture's bytes go to the media route the contract names.
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

/**
 * A picture the user attached, handed to the core: announced (refused in words
 * before a byte moves), the file itself streamed to the media route the core
 * names for it (the one request that is not a contract frame: a picture is
 * bytes, not JSON), then checked by the core, which also says whether it
 * arrived whole.
 */
export async function attachPicture(file: File, name: string): Promise<Result<'pictures.prepare'>> {
  const { attachmentId, uploadUrl } = await call('pictures.attach', { name, size: file.size });
  await fetch(uploadUrl, { method: 'PUT', body: file }).catch(() => undefined);
  return call('pictures.prepare', { attachmentId });
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
