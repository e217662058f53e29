// The picture attached in the composer: a file chosen, dropped or pasted goes
// to the core, which checks it and makes it small enough (pictures.prepare);
// the composer shows what the core made of it, with its subject. Removing it,
// or attaching another, lets the core drop the one before.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Price, Result, UserError } from '../../../shared/contract';
import { PICTURE_INPUT_MAX_BYTES } from '../../../shared/picture-messages';
import { call, describeError } from '../bridge/inbox-client';
import { useInbox } from '../store/inbox-store';
import { useQuote } from './composer-hooks';

export type PreparedPicture = Result<'pictures.prepare'>;

function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

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
        // A file larger than the core reads is not read here either: the core still says why.
        const content = file.size > PICTURE_INPUT_MAX_BYTES ? null : await base64Of(file);
        const prepared = await call('pictures.prepare', { name: file.name || 'Pasted picture', size: file.size, content });
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

/** ClickSend's price for this picture message (the core uploads the picture for it, once). */
export function usePicturePrice(phone: string, picture: PreparedPicture | null, subject: string, body: string, online: boolean): Price | 'unavailable' | null {
  const key = picture && subject.trim() !== '' && body.trim() !== '' ? `${picture.attachmentId}|${subject}|${body}` : null;
  return useQuote(key, () => call('messages.price', { to: phone, body, picture: { attachmentId: picture!.attachmentId, subject } }), online);
}
