// The only thing the sandboxed renderer gets: one typed bridge, two channels.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { InboxBridge } from '../../shared/contract';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/ipc-channels';

const bridge: InboxBridge = {
  invoke: (name, params) => ipcRenderer.invoke(IPC_INVOKE, name, params),
  on: (name, listener) => {
    const handler = (_event: IpcRendererEvent, eventName: unknown, payload: unknown) => {
      if (eventName === name) listener(payload as Parameters<typeof listener>[0]);
    };
    ipcRenderer.on(IPC_EVENT, handler);
    return () => {
      ipcRenderer.off(IPC_EVENT, handler);
    };
  },
};

contextBridge.exposeInMainWorld('inbox', bridge);
