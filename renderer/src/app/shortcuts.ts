// Keyboard shortcuts of the inbox. Ctrl on Windows and Linux, Cmd on macOS.
import { useEffect } from 'react';
import { useConversations } from '../conversations/conversations-store';
import { useInbox } from '../store/inbox-store';

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        useInbox.getState().setComposing(true);
      } else if (event.altKey && !mod && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
        event.preventDefault();
        void useConversations.getState().selectAdjacent(event.key === 'ArrowUp' ? -1 : 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
