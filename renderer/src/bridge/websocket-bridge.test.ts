// @vitest-environment jsdom
// Browser mode's bridge against a real WebSocket server that goes away and
// comes back on the same port, as the core does when it is killed and
// restarted. A request made while it is down is answered DISCONNECTED at once;
// it used to be written into the dead socket and, once the bridge had
// reconnected to the new core (which never saw it), wait for ever.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { createWebSocketBridge } from './websocket-bridge';

const DISCONNECTED = {
  ok: false,
  error: { code: 'DISCONNECTED', message: 'The app’s core stopped answering.', action: 'Restart it with `npm run start:web`.' },
};

async function core(port = 0): Promise<WebSocketServer> {
  const server = new WebSocketServer({ host: '127.0.0.1', port, path: '/contract' });
  await new Promise((ready) => server.once('listening', ready));
  server.on('connection', (ws) =>
    ws.on('message', (raw) => {
      const { id } = JSON.parse(String(raw)) as { id: number };
      ws.send(JSON.stringify({ id, reply: { ok: true, value: 'answered' } }));
    }),
  );
  return server;
}

describe('websocket bridge', () => {
  const servers: WebSocketServer[] = [];
  afterEach(() => servers.splice(0).forEach((s) => s.close()));

  it('answers a request made while the core is down with DISCONNECTED, and works again once it is back', async () => {
    const first = await core();
    servers.push(first);
    const { port } = first.address() as { port: number };
    const connection: boolean[] = [];
    const bridge = createWebSocketBridge({ host: `127.0.0.1:${port}`, search: '?token=t' } as Location, (up) => connection.push(up));
    expect(await bridge.invoke('session.get', {})).toEqual({ ok: true, value: 'answered' });

    for (const client of first.clients) client.terminate();
    first.close();
    await expect.poll(() => connection).toEqual([true, false]);
    let duringOutage: unknown = 'no answer';
    const asked = bridge.invoke('session.get', {}).then((reply) => (duringOutage = reply));

    servers.push(await core(port)); // restarted
    await expect.poll(() => connection, { timeout: 5_000 }).toEqual([true, false, true]);
    expect(await bridge.invoke('session.get', {})).toEqual({ ok: true, value: 'answered' });
    expect(duringOutage).toEqual(DISCONNECTED);
    await asked;
  });
});
