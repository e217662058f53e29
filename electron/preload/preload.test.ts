// The preload is the only bridge into the sandboxed page: it must expose one
// object, `inbox`, with the contract's invoke and on, and nothing of Electron.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/ipc-channels';

const exposed = new Map<string, unknown>();
const ipc = {
  invoke: vi.fn(async () => ({ ok: true, value: null })),
  on: vi.fn(),
  off: vi.fn(),
  send: vi.fn(),
  sendSync: vi.fn(),
};

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: ipc,
}));

describe('preload', () => {
  beforeAll(async () => {
    await import('./index');
  });

  it('exposes exactly one object, with exactly invoke and on', () => {
    expect([...exposed.keys()]).toEqual(['inbox']);
    const api = exposed.get('inbox') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true);
  });

  it('invokes only the contract channel, and returns what the main process answers', async () => {
    const api = exposed.get('inbox') as { invoke: (n: string, p: unknown) => Promise<unknown> };
    await expect(api.invoke('session.get', {})).resolves.toEqual({ ok: true, value: null });
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_INVOKE, 'session.get', {});
    expect(ipc.send).not.toHaveBeenCalled();
    expect(ipc.sendSync).not.toHaveBeenCalled();
  });

  it('listens only on the event channel, hands listeners the payload alone, and unsubscribes', () => {
    const api = exposed.get('inbox') as { on: (n: string, l: (p: unknown) => void) => () => void };
    const listener = vi.fn();
    const off = api.on('sync.status', listener);
    expect(ipc.on).toHaveBeenCalledWith(IPC_EVENT, expect.any(Function));
    const handler = ipc.on.mock.calls[0]![1] as (event: unknown, name: unknown, payload: unknown) => void;
    const electronEvent = { sender: { send: vi.fn() }, ports: [] };
    handler(electronEvent, 'sync.status', { state: 'idle' });
    handler(electronEvent, 'messages.added', { messages: [] });
    expect(listener.mock.calls).toEqual([[{ state: 'idle' }]]);
    off();
    expect(ipc.off).toHaveBeenCalledWith(IPC_EVENT, handler);
  });
});
