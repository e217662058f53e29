// The two Electron IPC channels; nothing else is registered. Kept apart from
// the contract so the sandboxed preload bundles no schema library.
export const IPC_INVOKE = 'inbox:invoke';
export const IPC_EVENT = 'inbox:event';
