// Browser mode's transport: the contract over a WebSocket to the core, with
// the per-run token from the page URL. It reconnects if the core restarts.
import type { EventName, InboxBridge, Reply } from '../../../shared/contract';

type Pending = (reply: Reply<never>) => void;

const DISCONNECTED: Reply<never> = {
  ok: false,
  error: { code: 'DISCONNECTED', message: 'The app’s core stopped answering.', action: 'Restart it with `npm run start:web`.' },
};

export function createWebSocketBridge(location: Location, onConnection: (connected: boolean) => void): InboxBridge {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const url = `ws://${location.host}/contract?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: never) => void>>();
  let nextId = 1;
  let socket: WebSocket;
  let ready: Promise<void>;

  const connect = () => {
    socket = new WebSocket(url);
    // Settles either way: a request must not wait on a connection that failed.
    ready = new Promise((resolve) => {
      socket.addEventListener('open', () => {
        onConnection(true);
        resolve();
      });
      socket.addEventListener('close', () => resolve());
    });
    socket.addEventListener('message', (message) => {
      const frame = JSON.parse(String(message.data)) as { id?: number; reply?: Reply<never>; event?: string; payload?: never };
      if (typeof frame.id === 'number' && frame.reply) {
        pending.get(frame.id)?.(frame.reply);
        pending.delete(frame.id);
      } else if (frame.event) {
        for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload as never);
      }
    });
    socket.addEventListener('close', () => {
      onConnection(false);
      for (const resolve of pending.values()) resolve(DISCONNECTED);
      pending.clear();
      setTimeout(connect, 1000);
    });
  };
  connect();

  return {
    invoke: async (name, params) => {
      await ready;
      // Closed, or between a close and the next attempt: say so now, instead
      // of sending into a dead socket and waiting for ever.
      if (socket.readyState !== WebSocket.OPEN) return DISCONNECTED;
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as Pending);
        socket.send(JSON.stringify({ id, name, params }));
      });
    },
    on: (name: EventName, listener) => {
      const set = listeners.get(name) ?? new Set();
      set.add(listener as (payload: never) => void);
      listeners.set(name, set);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}
