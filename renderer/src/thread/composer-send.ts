// The composer's text and sending it: what was typed (cut at the longest
// message), sending now or at a time (or saving an edited scheduled
// message), and the guard that never sends a literal {first_name} by accident.
import { useCallback, useState } from 'react';
import type { AttachedPicture, Message, UserError } from '../../../shared/contract';
import { unresolvedPlaceholders } from '../../../shared/placeholders';
import { limitBody } from './composer-hooks';
import { useThread } from './thread-store';

/** The picture attached, if any: sent with the text, and let go once the core has it. */
export interface Attached {
  toSend: AttachedPicture | null;
  /** A picture is being prepared: Enter must not send the text without it. */
  preparing: boolean;
  sent(): void;
}

export function useComposerSend(editing: Message | null, focus: () => void, attached: Attached) {
  // Editing a scheduled message: its text comes into the composer.
  const [body, setBody] = useState(() => editing?.body ?? '');
  const [cut, setCut] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UserError | null>(null);
  /** The body the user chose to send with placeholders still in it. */
  const [sendAnyway, setSendAnyway] = useState<string | null>(null);

  /** A saved draft coming back: it never overwrites what was typed meanwhile. */
  const restore = useCallback((update: (typed: string) => string) => setBody(update), []);

  const type = (text: string) => {
    const limited = limitBody(text);
    setBody(limited.body);
    setCut(limited.cut);
    if (error?.code === 'UNRESOLVED_PLACEHOLDER') setError(null);
  };

  // The core clears the stored draft with the send; the composer only empties itself.
  const clear = () => {
    setBody('');
    setCut(false);
  };

  const run = async (work: () => Promise<UserError | null>): Promise<boolean> => {
    setBusy(true);
    const failure = await work();
    setBusy(false);
    setError(failure);
    if (!failure) {
      clear();
      attached.sent();
    }
    focus();
    return !failure;
  };

  /** A picture goes with text too (ClickSend requires it). */
  const nothingToSend = body.trim() === '';

  /** Later, at `unixSeconds`; or the edited scheduled message saved with its new time and text. */
  const schedule = (unixSeconds: number): Promise<boolean> => {
    if (attached.preparing) return Promise.resolve(false);
    if (nothingToSend) {
      setError({ code: 'EMPTY_MESSAGE', message: 'Write the message before scheduling it.', action: null });
      return Promise.resolve(false);
    }
    const thread = useThread.getState();
    return run(() => (editing ? thread.reschedule(body, unixSeconds) : thread.send(body, unixSeconds, attached.toSend ?? undefined)));
  };

  const submit = async (anyway = false): Promise<void> => {
    // While a scheduled message is edited, Enter must not send the new text now
    // (Send is disabled too): the schedule panel saves it.
    if (busy || editing || nothingToSend || attached.preparing) return;
    const unresolved = unresolvedPlaceholders(body);
    // Never send literal {first_name} by accident: it takes a second, deliberate press.
    if (unresolved.length > 0 && !anyway && sendAnyway !== body) {
      setError({
        code: 'UNRESOLVED_PLACEHOLDER',
        message: `${unresolved.join(', ')} ${unresolved.length === 1 ? 'is' : 'are'} still in the message.`,
        action: 'Replace it with the right words, or choose Send anyway.',
      });
      return;
    }
    await run(() => useThread.getState().send(body, undefined, attached.toSend ?? undefined));
  };

  const sendDespitePlaceholders = () => {
    setSendAnyway(body);
    setError(null);
    void submit(true);
  };

  return { body, cut, busy, error, type, restore, clear, schedule, submit, sendDespitePlaceholders, nothingToSend };
}
