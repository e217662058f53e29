// What the preload adds to the renderer's window (absent in browser mode).
import type { InboxBridge } from '../../shared/contract';

declare global {
  interface Window {
    inbox?: InboxBridge;
  }
}

export {};
