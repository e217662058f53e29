// Full-text search over cached message bodies and contact names (FTS5).
// Whatever the user types becomes a query of quoted word tokens, so quotes,
// operators and punctuation are never FTS syntax and never an error.
import type { SearchResults } from '../../../shared/contract';
import { formatNumber } from '../../../shared/phone-numbers';
import { contactNameOf } from './conversations';
import type { Db } from './database';

/** Marks the matched words in a snippet; the renderer turns them into <mark> as text, never HTML. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const MAX_TERMS = 16;

/**
 * "see you" (in quotes) is a phrase; other words must all appear; the last
 * word, while still being typed, matches as a prefix. Null when nothing
 * searchable was typed.
 */
export function ftsQuery(text: string): string | null {
  const terms: string[] = [];
  const input = text.slice(0, 1000);
  const parts = input.split('"');
  parts.forEach((part, index) => {
    const words = part.match(WORD) ?? [];
    if (words.length === 0) return;
    const insideQuotes = index % 2 === 1 && index < parts.length - 1;
    if (insideQuotes) terms.push(`"${words.join(' ')}"`);
    else for (const word of words) terms.push(`"${word}"`);
  });
  if (terms.length === 0) return null;
  const kept = terms.slice(0, MAX_TERMS);
  const typingLastWord = /[\p{L}\p{N}\p{M}]$/u.test(input) && !input.trimEnd().endsWith('"');
  if (typingLastWord && kept.length === terms.length) kept[kept.length - 1] += '*';
  return kept.join(' ');
}

interface MessageHitRow {
  id: number;
  conversation_id: number;
  phone: string;
  contact_name: string | null;
  direction: 'in' | 'out';
  created_at: number;
  snippet: string;
}

interface ContactHitRow {
  contact_id: number;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  conversation_id: number | null;
}

/** Newest matches first (rowid order is arrival order, which FTS5 walks without sorting). */
export function searchCache(db: Db, text: string, limit: number): SearchResults {
  const query = ftsQuery(text);
  if (!query) return { messages: [], contacts: [] };
  const messages = db
    .prepare<[string, number], MessageHitRow>(
      `SELECT m.id, m.conversation_id, c.phone, ${contactNameOf('c.phone')} AS contact_name, m.direction, m.created_at,
         snippet(messages_fts, 0, '${MATCH_START}', '${MATCH_END}', '…', 16) AS snippet
       FROM messages_fts
       JOIN messages m ON m.id = messages_fts.rowid
       JOIN conversations c ON c.id = m.conversation_id
       WHERE messages_fts MATCH ?
       ORDER BY messages_fts.rowid DESC
       LIMIT ?`,
    )
    .all(query, limit);
  const contacts = db
    .prepare<[string, number], ContactHitRow>(
      `SELECT k.contact_id, k.first_name, k.last_name, k.phone, c.id AS conversation_id
       FROM contacts_fts
       JOIN contacts k ON k.contact_id = contacts_fts.rowid
       LEFT JOIN conversations c ON c.phone = k.phone
       WHERE contacts_fts MATCH ?
       ORDER BY rank
       LIMIT ?`,
    )
    .all(query, limit);
  return {
    messages: messages.map((row) => ({
      id: row.id,
      conversationId: row.conversation_id,
      title: row.contact_name ?? formatNumber(row.phone),
      direction: row.direction,
      createdAt: row.created_at,
      snippet: row.snippet,
    })),
    contacts: contacts.map((row) => ({
      contactId: row.contact_id,
      name: [row.first_name, row.last_name].filter(Boolean).join(' '),
      phone: row.phone,
      conversationId: row.conversation_id,
    })),
  };
}
