// The composer's moving parts, each on its own: the draft the core keeps per
// number, the price ClickSend quotes, and the body's limit.
import { useEffect, useRef, useState } from 'react';
import type { AttachedPicture, Price } from '../../../shared/contract';
import { call } from '../bridge/inbox-client';
import { useInbox } from '../store/inbox-store';

const DRAFT_SAVE_MS = 400;
const PRICE_MS = 700;
export const MAX_BODY = 1600;

/** Loads the number's draft into the body once, saves it shortly after typing stops and when leaving. */
export function useDraft(phone: string, body: string, setBody: (update: (typed: string) => string) => void, enabled = true): void {
  const loaded = useRef(false);
  const latest = useRef(body);
  useEffect(() => {
    latest.current = body;
  }, [body]);

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    call('drafts.get', { phone }).then(
      (draft) => {
        if (!current) return;
        loaded.current = true;
        setBody((typed) => typed || draft);
      },
      () => (loaded.current = true),
    );
    return () => {
      current = false;
    };
  }, [phone, setBody, enabled]);

  useEffect(() => {
    if (!loaded.current) return;
    const timer = setTimeout(() => void call('drafts.save', { phone, body }).catch(() => undefined), DRAFT_SAVE_MS);
    return () => clearTimeout(timer);
  }, [phone, body]);

  useEffect(
    () => () => {
      if (loaded.current) void call('drafts.save', { phone, body: latest.current }).catch(() => undefined);
    },
    [phone],
  );
}

/**
 * ClickSend's price for this exact message, with its picture if one is
 * attached (the core uploads it for the price, once), asked shortly after
 * typing stops; null until it answers (or when it changed since).
 */
export function usePrice(phone: string, body: string, picture: AttachedPicture | null, online: boolean): Price | 'unavailable' | null {
  const complete = body.trim() !== '' && (picture === null || picture.subject.trim() !== '');
  return useQuote(complete ? JSON.stringify([phone, body, picture]) : null, () => call('messages.price', { to: phone, body, ...(picture ? { picture } : {}) }), online);
}

/**
 * A price asked shortly after what it depends on (`key`; null: nothing to
 * price) stops changing, and asked again when the connection comes back, or
 * when the balance moves while ClickSend refuses the message (a top-up ends
 * "Not enough credit"); null until it answers, or when the key changed since.
 */
export function useQuote(key: string | null, ask: () => Promise<Price>, online: boolean): Price | 'unavailable' | null {
  const balance = useInbox((s) => (s.session?.state === 'signed-in' ? s.session.account.balance : null));
  const [priced, setPriced] = useState<{ key: string; online: boolean; balance: string | null; price: Price | 'unavailable' } | null>(null);
  // The price shown still holds: same text, same connection, and the same balance unless it was a refusal (a moved balance
  // changes no price, and asking again would cost a request per send while the next message is typed).
  const stands =
    priced !== null && priced.key === key && priced.online === online && (priced.balance === balance || priced.price === 'unavailable' || priced.price.refusal === null);
  const latestAsk = useRef(ask);
  useEffect(() => {
    latestAsk.current = ask;
  });
  useEffect(() => {
    if (key === null || stands) return;
    let current = true;
    const timer = setTimeout(() => {
      latestAsk.current().then(
        (price) => current && setPriced({ key, online, balance, price }),
        () => current && setPriced({ key, online, balance, price: 'unavailable' }),
      );
    }, PRICE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, online, balance, stands]);
  return priced !== null && priced.key === key ? priced.price : null;
}

/** A message is at most 1,600 characters: longer text (a paste, usually) is cut there, never mid-character, and said. */
export function limitBody(text: string): { body: string; cut: boolean } {
  if (text.length <= MAX_BODY) return { body: text, cut: false };
  let body = text.slice(0, MAX_BODY);
  if (/[\uD800-\uDBFF]$/.test(body)) body = body.slice(0, -1);
  return { body, cut: true };
}
