import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCache, type Db } from './database';
import { conversationQuery, findInConversation } from './find-in-thread';
import { deleteLocalMessage } from './messages';
import { ingestMessages, type IncomingMessage } from './ingest';
import { searchTerms } from '../../../shared/find-words';
import { accountCacheRules } from '../session/cache-rules';

const ANA = '+61422222222';
const BO = '+61433333333';
let seq = 0;

function message(from: string, body: string, at: number, extra: Partial<IncomingMessage> = {}): IncomingMessage {
  seq++;
  return {
    messageId: `F${seq}`,
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
    ...extra,
  };
}

describe('find in a conversation', () => {
  let db: Db;
  let ana: number;
  let bo: number;
  const bodyOf = (id: number) => db.prepare('SELECT body FROM messages WHERE id = ?').pluck().get(id) as string;
  const found = (conversationId: number, text: string) => findInConversation(db, conversationId, text).ids.map(bodyOf);

  beforeEach(() => {
    db = openCache(':memory:', accountCacheRules);
    // Stored newest first, as the first sync walks history: id order is not time order.
    ingestMessages(db, [
      message(ANA, 'Thursday at 10 is fine, see you then', 5_000),
      message(ANA, 'Can we move my appointment?', 4_000),
      message(BO, 'My appointment is on Thursday too', 4_500),
    ]);
    ingestMessages(db, [
      message(ANA, 'Café on Thursday? Rescheduling again, sorry', 3_000),
      message(ANA, 'Price is "50% off" AND free NEAR delivery; DROP TABLE messages', 2_000),
      message(ANA, 'First appointment booked', 1_000),
    ]);
    const id = (phone: string) => db.prepare('SELECT id FROM conversations WHERE phone = ?').pluck().get(phone) as number;
    ana = id(ANA);
    bo = id(BO);
  });
  afterEach(() => db.close());

  it('finds in this conversation only, newest first as the thread shows them, with a total', () => {
    expect(found(ana, 'appointment')).toEqual(['Can we move my appointment?', 'First appointment booked']);
    expect(found(bo, 'appointment')).toEqual(['My appointment is on Thursday too']);
    expect(found(ana, 'thursday ')).toEqual(['Thursday at 10 is fine, see you then', 'Café on Thursday? Rescheduling again, sorry']);
    expect(findInConversation(db, ana, 'thursday').total).toBe(2);
  });

  it('needs every word, matches the word being typed as a prefix and a quoted phrase exactly, ignoring case and accents', () => {
    expect(found(ana, 'resched')).toEqual(['Café on Thursday? Rescheduling again, sorry']);
    expect(found(ana, 'resched ')).toEqual([]);
    expect(found(ana, 'see then')).toEqual(['Thursday at 10 is fine, see you then']);
    expect(found(ana, '"see you then"')).toEqual(['Thursday at 10 is fine, see you then']);
    expect(found(ana, '"you see"')).toEqual([]);
    expect(found(ana, 'CAFE')).toEqual(['Café on Thursday? Rescheduling again, sorry']);
    expect(found(ana, 'café')).toEqual(found(ana, 'cafe'));
  });

  it('takes any text as words: quotes, operators and SQL are never syntax', () => {
    expect(found(ana, '"50% off"')).toEqual(['Price is "50% off" AND free NEAR delivery; DROP TABLE messages']);
    expect(found(ana, 'AND NEAR')).toEqual(['Price is "50% off" AND free NEAR delivery; DROP TABLE messages']);
    for (const text of ['"', '*', 'x OR y', 'NEAR(a b)', '(', "'); DROP TABLE messages; --", '^start', 'col:word', '\u0301']) {
      expect(() => findInConversation(db, ana, text)).not.toThrow();
    }
    expect(findInConversation(db, ana, '  ')).toEqual({ ids: [], total: 0 });
    expect(findInConversation(db, ana, 'zephyr')).toEqual({ ids: [], total: 0 });
  });

  it('finds picture messages by their subject', () => {
    ingestMessages(db, [message(ANA, 'Here it is', 6_000, { direction: 'out', from: '+61411000000', to: ANA, status: 'Delivered', picture: { subject: 'Floor plan', mediaUrl: null } })]);
    expect(found(ana, 'floor')).toEqual(['Here it is']);
    expect(found(ana, '"floor plan"')).toEqual(['Here it is']);
  });

  it('never confuses conversations whose ids share digits', () => {
    // Conversation 1's words are "1x…", conversation 12's "12x…": a word starting with a digit stays in its own.
    ingestMessages(db, Array.from({ length: 12 }, (_, i) => message(`+6144400${String(i).padStart(4, '0')}`, `2x4 timber, ${i}`, 7_000 + i)));
    const twelve = db.prepare('SELECT id FROM conversations WHERE id = 12').pluck().get() as number;
    expect(findInConversation(db, twelve, '2x4').total).toBe(1);
    expect(findInConversation(db, 1, '2x4').total).toBe(0);
    expect(conversationQuery(12, searchTerms('Café "see you" th')!)).toBe('"12xcafe" "12xsee 12xyou" "12xth"*');
  });

  it('keeps the index in step with messages deleted and stored', () => {
    const [newest] = findInConversation(db, ana, 'thursday').ids;
    db.prepare("UPDATE messages SET message_id = NULL WHERE id = ?").run(newest);
    deleteLocalMessage(db, newest!);
    expect(found(ana, 'thursday')).toEqual(['Café on Thursday? Rescheduling again, sorry']);
    ingestMessages(db, [message(ANA, 'Thursday it is', 8_000)]);
    expect(found(ana, 'thursday')).toEqual(['Thursday it is', 'Café on Thursday? Rescheduling again, sorry']);
    expect(() => db.prepare("INSERT INTO find_fts (find_fts) VALUES ('integrity-check')").run()).not.toThrow();
  });
});
