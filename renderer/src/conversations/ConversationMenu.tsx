// A conversation's menu on its row (right-click, Shift+F10, the Menu key):
// what the core offers for it (conversation.actions, in its words), done
// without opening the conversation. Export opens the export dialog for it.
import { useState } from 'react';
import type { Conversation, ConversationAction } from '../../../shared/contract';
import { withDirectionMarksShown } from '../../../shared/bidi-controls';
import { ContextMenu, type MenuEntry } from '../app/ContextMenu';
import { ExportDialog } from '../export/ExportDialog';
import { FLAG_CHANGES } from '../thread/thread-store';
import { useConversations } from './conversations-store';

export interface MenuRequest {
  conversation: Conversation;
  at: { x: number; y: number; flipY?: number };
}

function run(c: Conversation, action: ConversationAction, exportIt: () => void): void {
  const list = useConversations.getState();
  const change = FLAG_CHANGES[action];
  if (change) void list.setFlags(c.id, change);
  else if (action === 'markRead') void list.markRead(c.id);
  else if (action === 'markUnread') void list.markUnread(c.id);
  else if (action === 'export') exportIt();
}

/** The menu while `request` is set; `onClose(refocus)` gives the focus back to the row. */
export function ConversationMenu({ request, onClose }: { request: MenuRequest | null; onClose(refocus: boolean): void }) {
  const [exporting, setExporting] = useState<Conversation | null>(null);
  const entries: MenuEntry[] =
    request?.conversation.actions.map(({ action, label }) => ({
      key: action,
      label,
      run: () => run(request.conversation, action, () => setExporting(request.conversation)),
      // The export dialog takes the focus, and gives it back to the row when it closes.
      keepFocus: action === 'export',
    })) ?? [];
  return (
    <>
      {request && <ContextMenu label={withDirectionMarksShown(request.conversation.title)} at={request.at} entries={entries} onClose={onClose} />}
      {exporting && (
        <ExportDialog
          conversationId={exporting.id}
          title={exporting.title}
          onClose={() => {
            setExporting(null);
            onClose(true);
          }}
        />
      )}
    </>
  );
}
