// Find in one conversation (Ctrl/Cmd+F in a thread), through an index of its own.
//
// Why not messages_fts: it knows words, not conversations. However SQLite is
// asked (the FTS rows first, then each one's conversation; or the
// conversation's rows, then `id IN` the FTS rows), it reads every message in
// the cache that holds the word: 196,653 for a common word in the benchmark's
// million messages, about 170 ms. And the word being typed is a prefix, which
// FTS5 expands over the whole cache before any other condition applies (a
// conversation column or a rowid range in messages_fts still cost 10-50 ms).
//
// So find_fts files each word under its conversation: "Café" in conversation
// 12 is the token "12xcafe". A query asks for this conversation's tokens only
// ("12xcaf"* while "caf" is typed), so it reads this conversation's postings
// and nothing else: under a millisecond for 4,000 hits among 20,000 messages
// (about 2 ms with the ordering below), whatever the size of the cache. It
// costs space (every conversation has its own vocabulary: 100 MB for the
// benchmark's million messages) and makes storing a message about 30% slower.
// The words are folded in JavaScript (shared/find-words.ts), which the thread
// also uses to mark them, so what is counted is what is marked. The index holds no text (contentless: the text is
// in `messages`), deletes go by rowid (contentless_delete), and triggers keep
// it, calling find_words() (find-words-sql.ts).
import type { Result } from '../../../shared/contract';
import { foldWord, searchTerms, type SearchTerm } from '../../../shared/find-words';
import { prepared, type Db } from './statements';

/** The terms as a find_fts query for one conversation, or null when no word is left. */
export function conversationQuery(conversationId: number, terms: SearchTerm[]): string | null {
  const phrases = terms.flatMap((term) => {
    const words = term.words.map(foldWord).filter(Boolean);
    if (words.length === 0) return [];
    return [`"${words.map((word) => `${conversationId}x${word}`).join(' ')}"${term.prefix ? '*' : ''}`];
  });
  return phrases.length > 0 ? phrases.join(' ') : null;
}

/** Every message of the conversation holding all the words (body or picture subject), newest first as the thread shows them. */
export type ThreadFind = Result<'messages.find'>;

/** Messages of one conversation that hold what was typed (see searchTerms), newest first. */
export function findInConversation(db: Db, conversationId: number, text: string): ThreadFind {
  const terms = searchTerms(text);
  const query = terms && conversationQuery(conversationId, terms);
  if (!query) return { ids: [], total: 0 };
  // In the thread's order, which is not id order (the first sync stores
  // history newest first): the conversation's index entries, kept when the
  // FTS answer holds them. Looking each hit up instead costs a random read of
  // the table per hit (20-90 ms for 4,000-11,000 hits of a conversation spread
  // over a million messages, against 2-7 ms); `+id` keeps SQLite from choosing
  // that.
  const ids = prepared<[number, string], number>(
    db,
    `SELECT id FROM messages WHERE conversation_id = ? AND +id IN (SELECT rowid FROM find_fts WHERE find_fts MATCH ?)
     ORDER BY created_at DESC, id DESC`,
    { value: true },
  ).all(conversationId, query);
  return { ids, total: ids.length };
}
