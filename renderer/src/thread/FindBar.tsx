// The find bar above an open thread (Ctrl/Cmd+F): type to find in this
// conversation, Enter for the next older match, Shift+Enter for the newer,
// Esc to close (the focus goes back to the composer).
import { ChevronDown, ChevronUp, X } from 'lucide-react';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useFind } from './find-store';

function countLabel(text: string, searching: boolean, current: number, total: number): string {
  if (text.trim() === '') return '';
  if (total === 0) return searching ? 'Finding…' : 'No matches';
  return `${(current + 1).toLocaleString()} of ${total.toLocaleString()}`;
}

export function FindBar({ onClose }: { onClose: () => void }) {
  const { text, total, current, searching, error, focusRequest } = useFind(
    useShallow((s) => ({ text: s.text, total: s.hits.length, current: s.current, searching: s.searching, error: s.error, focusRequest: s.focusRequest })),
  );
  const { type, step } = useFind.getState();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, [focusRequest]);

  const close = () => {
    useFind.getState().hide();
    onClose();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Enter' && event.target === input.current && !event.nativeEvent.isComposing) {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    }
  };

  return (
    <div className="find-bar" role="search" aria-label="Find in this conversation" onKeyDown={onKeyDown}>
      <input
        ref={input}
        type="search"
        aria-label="Find in this conversation"
        aria-describedby="find-count"
        placeholder="Find in this conversation"
        value={text}
        onChange={(e) => type(e.target.value)}
      />
      <span id="find-count" className="find-count muted" role="status">
        {error ? error.message : countLabel(text, searching, current, total)}
      </span>
      <button type="button" className="icon-button" aria-label="Older match" title="Older match (Enter)" disabled={total === 0} onClick={() => step(1)}>
        <ChevronUp aria-hidden="true" size={16} />
      </button>
      <button type="button" className="icon-button" aria-label="Newer match" title="Newer match (Shift+Enter)" disabled={total === 0} onClick={() => step(-1)}>
        <ChevronDown aria-hidden="true" size={16} />
      </button>
      <button type="button" className="icon-button" aria-label="Close find" title="Close (Esc)" onClick={close}>
        <X aria-hidden="true" size={16} />
      </button>
    </div>
  );
}
