// The app's own dialogs to confirm an action or name something. The browser's
// confirm() and prompt() look foreign, block the page, and label their
// buttons "OK" and "Cancel", which reads wrong beside "Cancel all": here each
// button says what it does. One dialog at a time; Esc dismisses; focus goes
// back to where it was.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { create } from 'zustand';
import type { UserError } from '../../../shared/contract';

interface Request {
  title: string;
  message?: string;
  /** The button that does it ("Cancel all 3", "Sign out"). */
  confirmLabel: string;
  /** The button that does not ("Keep them"). */
  dismissLabel: string;
  danger?: boolean;
  /** Asking for a text (a list's name): its label and first value. */
  field?: { label: string; initial: string };
}

type Open = Request & { resolve: (answer: string | null) => void };

const useDialog = create<{ open: Open | null }>()(() => ({ open: null }));

function ask(request: Request): Promise<string | null> {
  // A second request dismisses the first (its caller hears "no").
  useDialog.getState().open?.resolve(null);
  return new Promise((resolve) => useDialog.setState({ open: { ...request, resolve } }));
}

/** Resolves true when the user chose `confirmLabel`. */
export async function confirmAction(request: Omit<Request, 'field'>): Promise<boolean> {
  return (await ask(request)) !== null;
}

/** Resolves the text entered (trimmed, not empty), or null. */
export async function askForText(request: Omit<Request, 'field'> & { label: string; initial?: string }): Promise<string | null> {
  const answer = await ask({ ...request, field: { label: request.label, initial: request.initial ?? '' } });
  return answer?.trim() ? answer.trim() : null;
}

export function DialogHost() {
  const open = useDialog((s) => s.open);
  if (!open) return null;
  return <Dialog key={open.title + open.confirmLabel} request={open} />;
}

function Dialog({ request }: { request: Open }) {
  const [text, setText] = useState(request.field?.initial ?? '');
  const titleId = useId();
  const messageId = useId();
  const first = useRef<HTMLInputElement & HTMLButtonElement>(null);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    first.current?.focus();
    first.current?.select?.();
    return () => before?.focus?.();
  }, []);

  const close = (answer: string | null) => {
    useDialog.setState({ open: null });
    request.resolve(answer);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (request.field && text.trim() === '') return;
    close(request.field ? text : 'yes');
  };

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close(null)}>
      <div
        role={request.danger ? 'alertdialog' : 'dialog'}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={request.message ? messageId : undefined}
        className="dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            close(null);
          }
        }}
      >
        <form className="dialog-form" onSubmit={submit}>
        <h2 id={titleId}>{request.title}</h2>
        {request.message && <p id={messageId}>{request.message}</p>}
        {request.field && (
          <label>
            {request.field.label}
            <input ref={first} value={text} onChange={(e) => setText(e.target.value)} maxLength={100} />
          </label>
        )}
        <div className="dialog-actions">
          {/* A destructive choice starts on the safe button. */}
          <button ref={request.field || !request.danger ? undefined : first} type="button" className="secondary" onClick={() => close(null)}>
            {request.dismissLabel}
          </button>
          <button
            ref={request.field || request.danger ? undefined : first}
            type="submit"
            className={request.danger ? 'danger' : undefined}
            disabled={Boolean(request.field) && text.trim() === ''}
          >
            {request.confirmLabel}
          </button>
        </div>
        </form>
      </div>
    </div>
  );
}

/** Delete, after a confirmation that says what goes and where; `remove` answers a UserError or null (done). */
export function DeleteButton({
  what,
  title,
  message,
  disabled,
  remove,
  onError,
  onDone,
}: {
  what: string;
  title: string;
  message: string;
  disabled: boolean;
  remove: () => Promise<UserError | null>;
  onError: (error: UserError) => void;
  onDone: () => void;
}) {
  const ask = async () => {
    if (!(await confirmAction({ title, message, confirmLabel: `Delete ${what}`, dismissLabel: 'Keep it', danger: true }))) return;
    const error = await remove();
    if (error) onError(error);
    else onDone();
  };
  return (
    <button type="button" className="danger" disabled={disabled} onClick={() => void ask()}>
      Delete
    </button>
  );
}
