// Pin, archive and mute the open conversation, from the thread's header (and
// Ctrl+Shift+P / E / M, see app/shortcuts.ts). Each says what it will do.
import { Archive, ArchiveRestore, Bell, BellOff, Pin, PinOff } from 'lucide-react';
import { useThread } from './thread-store';

export function TriageButtons() {
  const flags = useThread((s) => s.flags);
  const setFlags = useThread((s) => s.setFlags);
  if (!flags) return null;
  const buttons = [
    flags.pinned
      ? { label: 'Unpin', keys: 'Ctrl+Shift+P', Icon: PinOff, change: { pinned: false } }
      : { label: 'Pin', keys: 'Ctrl+Shift+P', Icon: Pin, change: { pinned: true } },
    flags.archived
      ? { label: 'Move to inbox', keys: 'Ctrl+Shift+E', Icon: ArchiveRestore, change: { archived: false } }
      : { label: 'Archive', keys: 'Ctrl+Shift+E', Icon: Archive, change: { archived: true } },
    flags.muted
      ? { label: 'Unmute', keys: 'Ctrl+Shift+M', Icon: Bell, change: { muted: false } }
      : { label: 'Mute', keys: 'Ctrl+Shift+M', Icon: BellOff, change: { muted: true } },
  ];
  return (
    <>
      {buttons.map(({ label, keys, Icon, change }) => (
        <button key={label} type="button" className="secondary with-icon" title={`${label} (${keys})`} aria-keyshortcuts={keys.replace(/\+/g, '+')} onClick={() => void setFlags(change)}>
          <Icon aria-hidden="true" size={16} />
          <span className="label">{label}</span>
        </button>
      ))}
    </>
  );
}
