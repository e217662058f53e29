// Keyboard shortcuts of the inbox. Ctrl on Windows and Linux, Cmd on macOS.
import { useEffect } from 'react';
import { useConversations } from '../conversations/conversations-store';
import { useSearch } from '../search/search-store';
import { useInbox } from '../store/inbox-store';

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'n') {
        event.preventDefault();
        useInbox.getState().setComposing(true);
      } else if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'k') {
        // From any section: search lives above the conversations.
        event.preventDefault();
        useInbox.getState().setComposing(false);
        useInbox.getState().setView('conversations');
        useSearch.getState().requestFocus();
      } else if (event.altKey && !mod && (event.key === 'ArrowUp' || event.key === 'ArrowDown') && useInbox.getState().view === 'conversations') {
        // Only where the conversations are shown: elsewhere it would read replies nobody saw.
        event.preventDefault();
        void useConversations.getState().selectAdjacent(event.key === 'ArrowUp' ? -1 : 1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
