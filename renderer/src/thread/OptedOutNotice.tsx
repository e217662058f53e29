// Where the composer would be, for a number that opted out: the core's words
// for when and how, and a way back in on the record (after a phone call, say).
import { Ban } from 'lucide-react';
import { useState } from 'react';
import type { Conversation, UserError } from '../../../shared/contract';
import { askForText } from '../app/dialogs';
import { ErrorBanner } from '../app/ErrorBanner';
import { useThread } from './thread-store';

export function OptedOutNotice({ optedOut }: { optedOut: NonNullable<Conversation['optedOut']> }) {
  const [error, setError] = useState<UserError | null>(null);
  const optIn = async () => {
    const note = await askForText({
      title: 'Opt this number back in?',
      message: 'Only when the customer asked to hear from you again. The note is kept with the conversation.',
      label: 'Why (for example “asked by phone on Tuesday”)',
      confirmLabel: 'Opt back in',
      dismissLabel: 'Cancel',
    });
    if (note === null) return;
    setError(await useThread.getState().changeOptOut(false, note));
  };
  return (
    <div className="opted-out" role="status">
      <ErrorBanner error={error} />
      <p>
        <Ban aria-hidden="true" size={16} />
        {optedOut.notice}
      </p>
      <button type="button" className="secondary" onClick={() => void optIn()}>
        Opt back in…
      </button>
    </div>
  );
}
