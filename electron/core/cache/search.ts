// Full-text search over cached message bodies and contact names (FTS5).
// Whatever the user types becomes a query of quoted word tokens, so quotes,
// operators and punctuation are never FTS syntax and never an error.
import type { SearchResults } from '../../../shared/contract';
import { searchTerms } from '../../../shared/find-words';
import { formatNumber } from '../../../shared/phone-numbers';
import { contactNameOf, conversationTitle } from './conversations';
import { prepared, type Db } from './statements';

/** Marks the matched words in a snippet; the renderer turns them into <mark> as text, never HTML. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

/**
 * What the user typed as an FTS5 query (see `searchTerms`): quoted tokens that
 * must all appear, a quoted phrase kept whole, the word being typed as a
 * prefix. Null when nothing searchable was typed.
 */
export function ftsQuery(text: string): string | null {
  const terms = searchTerms(text);
  return terms && terms.map((term) => `"${term.words.join(' ')}"${term.prefix ? '*' : ''}`).join(' ');
}

/**
 * The digits to look for when the text is (part of) a phone number: "0460 654
 * 989", "+61460654989", "(415) 555-0100", "492 960". A leading trunk 0 or
 * international 00 is dropped as well, so a national number finds the E.164
 * one stored. Null when the text has letters or fewer than three digits.
 */
export function numberDigits(text: string): string[] | null {
  const trimmed = text.trim();
  if (!/^[+\d\s().\-/]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < MIN_NUMBER_DIGITS) return null;
  const forms = new Set([digits]);
  if (digits.startsWith('00')) forms.add(digits.slice(2));
  else if (digits.startsWith('0')) forms.add(digits.slice(1));
  return [...forms].filter((d) => d.length >= MIN_NUMBER_DIGITS);
}
const MIN_NUMBER_DIGITS = 3;

/** SQL: the number in this column opted out (a suggestion for it says so). */
const OPTED_OUT = (phone: string) => `EXISTS (SELECT 1 FROM opt_outs oo WHERE oo.phone = ${phone} AND oo.opted_out = 1)`;

interface ConversationHitRow {
  id: number;
  phone: string;
  contact_name: string | null;
  last_message_at: number;
  opted_out: number;
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
  opted_out: number;
}

/** Conversations and contacts whose number holds the digits typed, busiest first. */
function searchNumbers(db: Db, digits: string[], limit: number): Pick<SearchResults, 'conversations' | 'contacts'> {
  // Numbers are stored in E.164 ("+61460654989"): any run of digits typed is a substring of one.
  const anyOf = (column: string) => digits.map(() => `instr(${column}, ?) > 0`).join(' OR ');
  // One or two forms of the digits: at most two texts of each statement to keep compiled.
  const conversations = prepared<unknown[], ConversationHitRow>(
    db,
    `SELECT c.id, c.phone, ${contactNameOf('c.phone')} AS contact_name, c.last_message_at, ${OPTED_OUT('c.phone')} AS opted_out
     FROM conversations c WHERE ${anyOf('c.phone')}
     ORDER BY c.last_message_at DESC, c.id DESC LIMIT ?`,
  ).all(...digits, limit);
  // Contacts with a conversation are found through it; the others may be texted for the first time.
  const contacts = prepared<unknown[], ContactHitRow>(
    db,
    `SELECT k.contact_id, k.first_name, k.last_name, k.phone, NULL AS conversation_id, ${OPTED_OUT('k.phone')} AS opted_out
     FROM contacts k WHERE (${anyOf('k.phone')}) AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.phone = k.phone)
     ORDER BY k.contact_id LIMIT ?`,
  ).all(...digits, limit);
  return {
    conversations: conversations.map((row) => ({
      conversationId: row.id,
      title: conversationTitle(row.contact_name, row.phone),
      phone: formatNumber(row.phone),
      lastMessageAt: row.last_message_at,
      optedOut: row.opted_out === 1,
    })),
    contacts: contacts.map(toContactHit),
  };
}

function toContactHit(row: ContactHitRow): SearchResults['contacts'][number] {
  return {
    contactId: row.contact_id,
    name: [row.first_name, row.last_name].filter(Boolean).join(' ') || (row.phone ? formatNumber(row.phone) : ''),
    phone: row.phone,
    displayPhone: row.phone ? formatNumber(row.phone) : null,
    conversationId: row.conversation_id,
    optedOut: row.opted_out === 1,
  };
}

/** Messages whose body (messages_fts) or subject (subjects_fts) matches, newest first (rowid order is arrival order). */
function messageHits(db: Db, index: 'messages_fts' | 'subjects_fts', query: string, limit: number): MessageHitRow[] {
  return prepared<[string, number], MessageHitRow>(
    db,
    `SELECT m.id, m.conversation_id, c.phone, ${contactNameOf('c.phone')} AS contact_name, m.direction, m.created_at,
       snippet(${index}, 0, '${MATCH_START}', '${MATCH_END}', '…', 16) AS snippet
     FROM ${index} JOIN messages m ON m.id = ${index}.rowid JOIN conversations c ON c.id = m.conversation_id
     WHERE ${index} MATCH ? ORDER BY ${index}.rowid DESC LIMIT ?`,
  ).all(query, limit);
}

/**
 * Numbers first (a number is all an owner may have of an unknown customer),
 * then contacts by name, then messages, newest first (rowid order is arrival
 * order, which FTS5 walks without sorting).
 */
export function searchCache(db: Db, text: string, limit: number): SearchResults {
  const digits = numberDigits(text);
  const byNumber = digits ? searchNumbers(db, digits, limit) : { conversations: [], contacts: [] };
  const query = ftsQuery(text);
  if (!query) return { ...byNumber, messages: [] };
  // Bodies, and picture messages' subjects (their own small index), newest first.
  const messages = messageHits(db, 'messages_fts', query, limit);
  const bySubject = messageHits(db, 'subjects_fts', query, limit);
  const inBody = new Set(messages.map((row) => row.id));
  const hits = bySubject.length === 0 ? messages : [...messages, ...bySubject.filter((row) => !inBody.has(row.id))].sort((a, b) => b.id - a.id).slice(0, limit);
  const contacts = prepared<[string, number], ContactHitRow>(
    db,
    `SELECT k.contact_id, k.first_name, k.last_name, k.phone, c.id AS conversation_id, ${OPTED_OUT('k.phone')} AS opted_out
     FROM contacts_fts JOIN contacts k ON k.contact_id = contacts_fts.rowid LEFT JOIN conversations c ON c.phone = k.phone
     WHERE contacts_fts MATCH ? ORDER BY rank LIMIT ?`,
  ).all(query, limit);
  const seen = new Set(byNumber.contacts.map((c) => c.contactId));
  return {
    conversations: byNumber.conversations,
    messages: hits.map((row) => ({
      id: row.id,
      conversationId: row.conversation_id,
      title: conversationTitle(row.contact_name, row.phone),
      direction: row.direction,
      createdAt: row.created_at,
      snippet: row.snippet,
    })),
    contacts: [...byNumber.contacts, ...contacts.filter((row) => !seen.has(row.contact_id)).map(toContactHit)],
  };
}
