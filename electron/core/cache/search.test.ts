import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replaceContacts } from './contacts';
import { openCache, type Db } from './database';
import { ingestMessages, type IncomingMessage } from './ingest';
import { recordOptOut } from './opt-outs';
import { ftsQuery, MATCH_END, MATCH_START, numberDigits, searchCache } from './search';
import { accountCacheRules } from '../session/cache-rules';

let seq = 0;
function reply(body: string, from = '+61422222222', at = 1_700_000_000_000 + seq * 1000): IncomingMessage {
  seq++;
  return {
    messageId: `M${seq}`,
    customString: null,
    direction: 'in',
    body,
    from,
    to: '+61411000000',
    status: 'Received',
    statusCode: null,
    statusText: null,
    createdAt: at,
    scheduledAt: null,
    parts: 1,
    price: null,
    unread: false,
  };
}

describe('search', () => {
  let db: Db;
  beforeEach(() => {
    db = openCache(':memory:', accountCacheRules);
    ingestMessages(db, [
      reply('Can we move my appointment to Thursday?'),
      reply('See you on Thursday at 10'),
      reply('Café opens at 8, see you there', '+61433333333'),
      reply('Price is "50% off" AND free NEAR delivery'),
      reply('Thanks! 👍'),
    ]);
    replaceContacts(
      db,
      [{ list_id: 1, list_name: 'Customers' }],
      [
        { contact_id: 10, list_id: 1, phone_number: '+61433333333', first_name: 'Zoë', last_name: 'Thursday', email: null, custom_1: null, custom_2: null, custom_3: null, custom_4: null },
        // Never texted: found by number as a contact to start a conversation with.
        { contact_id: 11, list_id: 1, phone_number: '+61460654989', first_name: 'Ana', last_name: 'Lee', email: null, custom_1: null, custom_2: null, custom_3: null, custom_4: null },
      ],
    );
  });
  afterEach(() => db.close());

  const bodies = (text: string) => searchCache(db, text, 50).messages.map((m) => m.snippet.replaceAll(MATCH_START, '[').replaceAll(MATCH_END, ']'));

  it('finds every message containing all the words, newest first, with the matches marked', () => {
    expect(bodies('thursday')).toEqual(['See you on [Thursday] at 10', 'Can we move my appointment to [Thursday]?']);
    expect(bodies('see thursday')).toEqual(['[See] you on [Thursday] at 10']);
  });

  it('matches the word being typed as a prefix, and a quoted phrase exactly', () => {
    expect(bodies('appoint')).toEqual(['Can we move my [appointment] to Thursday?']);
    expect(bodies('"see you on"')).toEqual(['[See you on] Thursday at 10']);
    expect(bodies('"you see"')).toEqual([]);
  });

  it('ignores accents, and shows contacts by name with the conversation to open', () => {
    expect(bodies('cafe')).toEqual(['[Café] opens at 8, see you there']);
    const { contacts, messages } = searchCache(db, 'zoe', 10);
    expect(contacts).toEqual([
      { contactId: 10, name: 'Zoë Thursday', phone: '+61433333333', displayPhone: '+61 433 333 333', conversationId: expect.any(Number), optedOut: false },
    ]);
    expect(messages).toEqual([]);
    expect(searchCache(db, 'café', 10).messages[0]!.title).toBe('Zoë Thursday');
  });

  it.each([
    ['national, spaced', '0422 222 222'],
    ['national', '0422222222'],
    ['international', '+61422222222'],
    ['international, spaced', '+61 422 222 222'],
    ['international with 00', '0061 422 222 222'],
    ['part of it', '422 222'],
    ['a run of digits', '2222'],
  ])('finds a conversation by its number typed %s', (_how, text) => {
    const { conversations } = searchCache(db, text, 10);
    expect(conversations.map((c) => c.phone)).toEqual(['+61 422 222 222']);
    expect(conversations[0]).toMatchObject({ title: '+61 422 222 222', conversationId: expect.any(Number) });
  });

  it('finds a contact never texted by number, and a named conversation by number with its name', () => {
    expect(searchCache(db, '0460 654 989', 10)).toMatchObject({
      conversations: [],
      contacts: [{ contactId: 11, name: 'Ana Lee', phone: '+61460654989', displayPhone: '+61 460 654 989', conversationId: null }],
    });
    expect(searchCache(db, '0433 333', 10).conversations).toEqual([expect.objectContaining({ title: 'Zoë Thursday', phone: '+61 433 333 333' })]);
    // Digits that are no one's number find nothing, rather than everything.
    expect(searchCache(db, '0499 999 999', 10)).toMatchObject({ conversations: [], contacts: [] });
  });

  it('says which numbers found opted out, so a suggestion for one says it', () => {
    recordOptOut(db, { phone: '+61422222222', optedOut: true, changedAt: 1, how: 'reply', messageRowId: null, note: null });
    recordOptOut(db, { phone: '+61460654989', optedOut: true, changedAt: 1, how: 'by-hand', messageRowId: null, note: null });
    expect(searchCache(db, '0422 222', 10).conversations).toEqual([expect.objectContaining({ phone: '+61 422 222 222', optedOut: true })]);
    expect(searchCache(db, '0460 654', 10).contacts).toEqual([expect.objectContaining({ name: 'Ana Lee', optedOut: true })]);
    expect(searchCache(db, 'ana', 10).contacts).toEqual([expect.objectContaining({ name: 'Ana Lee', optedOut: true })]);
    expect(searchCache(db, '0433 333', 10).conversations).toEqual([expect.objectContaining({ title: 'Zoë Thursday', optedOut: false })]);
  });

  it('treats text with letters, or fewer than three digits, as words, not a number', () => {
    expect(numberDigits('Thursday 10')).toBeNull();
    expect(numberDigits('10')).toBeNull();
    expect(numberDigits('0460 654 989')).toEqual(['0460654989', '460654989']);
    expect(numberDigits('(415) 555-0100')).toEqual(['4155550100']);
    expect(searchCache(db, '10', 10).conversations).toEqual([]);
  });

  it.each([
    ['a lone quote', '"'],
    ['unbalanced quotes', 'free "delivery'],
    ['operators', 'AND OR NOT NEAR'],
    ['NEAR syntax', 'NEAR(free delivery, 2)'],
    ['a column filter', 'body:thursday'],
    ['stars and carets', '*** ^free -x +y'],
    ['SQL', "'; DROP TABLE messages; --"],
    ['brackets and colons', '(50%) {x} [y]:'],
    ['emoji only', '👍'],
    ['control characters', 'free\u0000\u0001'],
    ['10,000 characters', 'x'.repeat(10_000)],
    ['whitespace', '   \t\n '],
  ])('treats %s as plain text, never an error', (_name, text) => {
    expect(() => searchCache(db, text, 50)).not.toThrow();
    expect(db.prepare('SELECT COUNT(*) FROM messages').pluck().get()).toBe(5);
  });

  it('searches the words of operator-like input as words', () => {
    expect(bodies('AND free NEAR')).toEqual(['Price is "50% off" [AND] [free] [NEAR] delivery']);
    expect(bodies('"50% off"')).toEqual(['Price is "[50% off]" AND free NEAR delivery']);
  });

  it('builds queries of quoted tokens only', () => {
    expect(ftsQuery('see you')).toBe('"see" "you"*');
    expect(ftsQuery('see you ')).toBe('"see" "you"');
    expect(ftsQuery('"see you" there')).toBe('"see you" "there"*');
    expect(ftsQuery('"')).toBeNull();
    expect(ftsQuery('  ')).toBeNull();
  });

  it('keeps the index in step when a message is deleted', () => {
    const id = searchCache(db, 'thanks', 10).messages[0]!.id;
    db.prepare('DELETE FROM messages WHERE id = ?').run(id);
    expect(searchCache(db, 'thanks', 10).messages).toEqual([]);
    expect(() => db.prepare("INSERT INTO messages_fts (messages_fts) VALUES ('integrity-check')").run()).not.toThrow();
  });
});
