// Keyboard shortcuts of the inbox. Ctrl on Windows and Linux, Cmd on macOS.
import { useEffect } from 'react';
import { useConversations } from '../conversations/conversations-store';
import { useSearch } from '../search/search-store';
import { useInbox } from '../store/inbox-store';
import { useFind } from '../thread/find-store';
import { useThread } from '../thread/thread-store';
import { runOnOpenConversation, triageForKey } from '../thread/TriageButtons';

/** A conversation (with messages) is on screen, and no dialog is over it. */
function canFindInThread(): boolean {
  const inbox = useInbox.getState();
  return inbox.view === 'conversations' && !inbox.composing && !!useThread.getState().target?.conversationId;
}

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
      } else if (mod && event.shiftKey && !event.altKey && useInbox.getState().view === 'conversations') {
        // The open conversation, only where it is on screen: what its header offers for the key (pin, archive, mute, or undo).
        const action = triageForKey(useThread.getState().actions, event.key);
        if (!action) return;
        event.preventDefault();
        void runOnOpenConversation(action);
      } else if (mod && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'f' && canFindInThread()) {
        // Find in the open conversation, never the browser's own find bar (browser mode).
        event.preventDefault();
        useFind.getState().show();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
