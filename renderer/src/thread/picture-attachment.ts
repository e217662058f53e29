// The picture attached in the composer: a file chosen, dropped or pasted is
// streamed to the core (attachPicture), which checks it and makes it small
// enough; the composer shows what the core made of it, with its subject.
// Removing it, or attaching another, lets the core drop the one before.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result, UserError } from '../../../shared/contract';
import { attachPicture, call, describeError } from '../bridge/inbox-client';
import { useInbox } from '../store/inbox-store';

export type PreparedPicture = Result<'pictures.prepare'>;

export function usePictureAttachment() {
  const defaultSubject = useInbox((s) => s.settings.pictureSubject);
  const [picture, setPicture] = useState<PreparedPicture | null>(null);
  const [subject, setSubject] = useState(defaultSubject);
  const [preparing, setPreparing] = useState(false);
  const [error, setError] = useState<UserError | null>(null);
  const current = useRef<PreparedPicture | null>(null);

  const drop = useCallback((id: string | undefined) => {
    if (id) void call('pictures.discard', { attachmentId: id }).catch(() => undefined);
  }, []);

  const attach = useCallback(
    async (file: File) => {
      setPreparing(true);
      setError(null);
      try {
        const prepared = await attachPicture(file, file.name || 'Pasted picture');
        drop(current.current?.attachmentId);
        current.current = prepared;
        setPicture(prepared);
      } catch (failure) {
        setError(describeError(failure));
      } finally {
        setPreparing(false);
      }
    },
    [drop],
  );

  const remove = useCallback(() => {
    drop(current.current?.attachmentId);
    current.current = null;
    setPicture(null);
    setError(null);
  }, [drop]);

  /** Sent: the core has it now; nothing to discard. */
  const sent = useCallback(() => {
    current.current = null;
    setPicture(null);
    setSubject(defaultSubject);
  }, [defaultSubject]);

  // Leaving the conversation with a picture still attached: the core drops it.
  useEffect(() => () => drop(current.current?.attachmentId), [drop]);

  return { picture, subject, setSubject, preparing, error, attach, remove, sent };
}
