// find_words(conversation_id, text): the words find_fts files a message under
// (see find-in-thread.ts). Its triggers call it on every insert, so every
// connection that writes messages registers it: openCache does, and so does
// the migration that made the index. Its output is the index's format: a
// change to it (or to shared/find-words.ts's folding) needs a migration that
// rebuilds find_fts.
import { foldedWords } from '../../../shared/find-words';
import type { Db } from './statements';

/** "Café au lait" in conversation 12 → "12xcafe 12xau 12xlait". */
export function conversationWords(conversationId: number, text: string | null): string | null {
  if (text === null) return null;
  const prefix = `${conversationId}x`;
  return foldedWords(text)
    .map((word) => prefix + word)
    .join(' ');
}

export function registerFindWords(db: Db): void {
  db.function('find_words', { deterministic: true }, (conversationId: unknown, text: unknown) =>
    conversationWords(Number(conversationId), typeof text === 'string' ? text : null),
  );
}
