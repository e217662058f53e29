// A conversation's menu on its row (right-click, Shift+F10, the Menu key):
// what the core offers for it (conversation.actions, in its words), done
// without opening the conversation. Export opens the export dialog for it.
import { useState } from 'react';
import type { Conversation, ConversationAction } from '../../../shared/contract';
import { withDirectionMarksShown } from '../../../shared/bidi-controls';
import { ContextMenu } from '../app/ContextMenu';
import type { MenuEntry } from '../app/Menu';
import { ExportDialog } from '../export/ExportDialog';
import { useConversations } from './conversations-store';

export interface MenuRequest {
  conversation: Conversation;
  at: { x: number; y: number; flipY?: number };
}

async function run(c: Conversation, action: ConversationAction, exportIt: () => void): Promise<void> {
  if (action === 'export') return exportIt();
  const error = await useConversations.getState().runConversationAction(c.id, action);
  // Shown in the list's banner, where the menu was.
  if (error) useConversations.setState({ error });
}

/** The menu while `request` is set; `onClose(refocus)` gives the focus back to the row. */
export function ConversationMenu({ request, onClose }: { request: MenuRequest | null; onClose(refocus: boolean): void }) {
  const [exporting, setExporting] = useState<Conversation | null>(null);
  const entries: MenuEntry[] =
    request?.conversation.actions.map(({ action, label }) => ({
      key: action,
      label,
      run: () => void run(request.conversation, action, () => setExporting(request.conversation)),
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
