// Hostile and clumsy input sent straight at the core through the contract,
// as the renderer (or anything pretending to be it) would: each gets a
// clear message or a safe result; none crashes, changes the cache, or
// reaches ClickSend when it should not. Real keychain, SQLite and simulator.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../simulator/server';
import { requests, type RequestName } from '../../shared/contract';
import { until, value } from '../../test-support/core';
import { createKeytarStore } from './credentials/keychain';
import { Inbox } from './inbox';

const ACCOUNT = { username: 'bad-input-user', apiKey: `key-${randomUUID()}` };
const silent = { error() {}, warn() {}, info() {} };

describe('bad input at the contract', () => {
  let simulator: Simulator;
  let inbox: Inbox;
  let conversationId: number;
  const service = `ClickSend Inbox test ${randomUUID()}`;

  beforeAll(async () => {
    simulator = await startSimulator({ accounts: [{ ...ACCOUNT, balance: 50 }] });
    simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Price is "50% off" AND free NEAR the station' });
    inbox = new Inbox({ config: { apiUrl: simulator.url, dataDir: mkdtempSync(join(tmpdir(), 'inbox-bad-input-')) }, secrets: createKeytarStore(service), log: silent, syncIntervalMs: 600_000 });
    await inbox.start();
    await inbox.dispatch('session.signIn', ACCOUNT);
    await until(total, (n) => n === 1);
    conversationId = (value(await inbox.dispatch('conversations.list', { filter: 'all', limit: 1 })) as { items: Array<{ id: number }> }).items[0]!.id;
  });
  afterAll(async () => {
    await inbox.stop();
    await simulator.close();
    await createKeytarStore(service).delete(ACCOUNT.username);
  });

  async function total(): Promise<number> {
    return (value(await inbox.dispatch('conversations.list', { filter: 'all', limit: 1 })) as { total: number }).total;
  }
  /** What ClickSend was asked to change (sends, prices, edits): reads by the sync are not counted. */
  const writes = () => simulator.requests().filter((r) => r.method !== 'GET').length;
  const storedMessages = async () =>
    (value(await inbox.dispatch('messages.list', { conversationId, limit: 200 })) as unknown[]).length;

  /** Refused with words a person can read, and nothing reached ClickSend or the cache. */
  async function refused(name: RequestName, params: unknown, words: RegExp): Promise<void> {
    const [before, conversations, messages] = [writes(), await total(), await storedMessages()];
    const reply = await inbox.dispatch(name, params);
    expect(reply.ok, JSON.stringify(reply)).toBe(false);
    if (reply.ok) return;
    expect(reply.error.message).toMatch(words);
    expect(reply.error.message).not.toMatch(/\n\s+at |Error:|undefined|\[object|ZodError|SQLITE/);
    expect(writes()).toBe(before);
    expect(await total()).toBe(conversations);
    expect(await storedMessages()).toBe(messages);
  }

  describe('phone numbers', () => {
    it.each([
      ['letters', 'call me maybe', /not a phone number|phone number/i],
      ['too short', '12', /phone number/i],
      ['too long', '+61 4123 4567 8901 2345', /phone number/i],
      ['an empty string', '', /^Enter a phone number\.$/],
      ['only spaces', '   ', /^Enter a phone number\.$/],
      ['41 characters', '+'.padEnd(41, '1'), /^The request was not valid \(to\)\.$/],
    ])('%s is refused before any request', async (_, to, words) => {
      await refused('messages.send', { to, body: 'Hello' }, words);
    });

    it.each([
      ['a national format', '0433 333 333', '+61433333333'],
      ['spaces and dashes', '+61 433-333-334', '+61433333334'],
      ['a leading 00', '0061433333335', '+61433333335'],
    ])('%s is read as the account’s country and normalised', async (_, number, e164) => {
      expect(value(await inbox.dispatch('conversations.forNumber', { number }))).toMatchObject({ phone: e164 });
    });
  });

  describe('message bodies', () => {
    it.each([
      ['empty', '', /message is empty|Type a message/i],
      ['whitespace only', ' \n\t ', /message is empty/i],
      ['1,601 characters', 'x'.repeat(1601), /^A message can be at most 1,600 characters\.$/],
      ['NUL', 'Hello\u0000there', /invisible control character \(U\+0000\)/],
      ['control characters', 'Hello \u001B[31mred', /invisible control character \(U\+001B\)/],
      ['half an emoji', 'Thumbs \uD83D', /broken character/],
    ])('%s is refused before any request, and the draft stays', async (_, body, words) => {
      value(await inbox.dispatch('drafts.save', { phone: '+61422222222', body: 'Kept draft' }));
      await refused('messages.send', { to: '+61422222222', body }, words);
      expect(value(await inbox.dispatch('drafts.get', { phone: '+61422222222' }))).toBe('Kept draft');
    });

    it.each([
      ['NUL', 'Hello\u0000there', /invisible control character \(U\+0000\)/],
      ['half an emoji', 'Thumbs \uD83D', /broken character/],
      ['the other half', '\uDC4D up', /broken character/],
    ])('a draft with %s is refused in the same words as a send, and the saved draft stays', async (_, body, words) => {
      value(await inbox.dispatch('drafts.save', { phone: '+61422222222', body: 'Kept draft' }));
      await refused('drafts.save', { phone: '+61422222222', body }, words);
      expect(value(await inbox.dispatch('drafts.get', { phone: '+61422222222' }))).toBe('Kept draft');
    });

    it.each([
      ['1,600 characters', 'y'.repeat(1600)],
      ['emoji and combining characters', 'Thanks 👍🏽 café (e\u0301) 👨‍👩‍👧'],
      ['right-to-left text', 'شكرا لك — תודה'],
      ['markup', '<img src=x onerror=alert(1)> <script>alert(2)</script>'],
    ])('%s is sent once and stored exactly as typed', async (_, body) => {
      const sent = value(await inbox.dispatch('messages.send', { to: '+61422222222', body })) as { id: number; body: string };
      expect(sent.body).toBe(body);
      expect(simulator.sent(ACCOUNT.username).filter((s) => s.body === body)).toHaveLength(1);
      const stored = value(await inbox.dispatch('messages.list', { conversationId, limit: 200 })) as Array<{ id: number; body: string }>;
      expect(stored.find((m) => m.id === sent.id)?.body).toBe(body);
    });
  });

  describe('search', () => {
    it.each([
      ['"'],
      ['"50% off'],
      ['*'],
      ['AND'],
      ['free NEAR station'],
      ['NEAR('],
      ["'; DROP TABLE messages; --"],
      ['^col:body'],
      ['\u0000'],
      ['x'.repeat(10_000)],
      ['"'.repeat(10_000)],
    ])('%j is a search, never an error', async (text) => {
      const reply = await inbox.dispatch('search.query', { text });
      expect(reply.ok, JSON.stringify(reply).slice(0, 300)).toBe(true);
    });

    it('finds words typed with operators as words', async () => {
      const found = value(await inbox.dispatch('search.query', { text: '"50% off" AND NEAR' })) as { messages: unknown[] };
      expect(found.messages).toHaveLength(1);
      expect(await total()).toBe(1);
    });

    it('refuses more than 10,000 characters with a clear message', async () => {
      await refused('search.query', { text: 'x'.repeat(10_001) }, /^The request was not valid \(text\)\.$/);
    });
  });

  describe('templates and schedules', () => {
    it('a placeholder that never closes is kept as text in a template', async () => {
      const saved = value(await inbox.dispatch('templates.save', { name: 'Unclosed', body: 'Hi {first_name, see you' })) as { body: string };
      expect(saved.body).toBe('Hi {first_name, see you');
    });

    it.each([
      ['in the past', () => Math.floor(Date.now() / 1000) - 3600, /already passed/],
      ['a minute from now (too soon)', () => Math.floor(Date.now() / 1000) + 60, /at least/],
      ['years ahead', () => Math.floor(Date.now() / 1000) + 3 * 365 * 86400, /year/],
    ])('a schedule %s is refused before any request', async (_, at, words) => {
      await refused('messages.send', { to: '+61422222222', body: 'Later', schedule: at() }, words);
    });
  });

  describe('payloads of the wrong shape', () => {
    const names = Object.keys(requests) as RequestName[];
    const deep = JSON.parse('['.repeat(5_000) + ']'.repeat(5_000)) as unknown;
    const hostile: Array<[string, unknown]> = [
      ['a number', 42],
      ['a string', 'session.signOut'],
      ['an array', []],
      ['true', true],
      ['an unknown field', { unexpected: true }],
      ['a __proto__ key', JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')],
      ['deep nesting', { value: deep }],
      ['a 2 MB string', { text: 'x'.repeat(2 * 1024 * 1024) }],
    ];

    it.each(hostile)('%s is refused by every request, with words and without effect', async (_, params) => {
      for (const name of names) await refused(name, params, /^The request was not valid|^The app asked/);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it.each([['a name that is not a request', 'shell.openExternal'], ['constructor', 'constructor'], ['toString', 'toString'], ['a number', 7], ['null', null]])(
      '%s as the request name is refused',
      async (_, name) => {
        const reply = await inbox.dispatch(name, {});
        expect(reply).toEqual({ ok: false, error: { code: 'UNKNOWN_REQUEST', message: 'The app asked for something it cannot do.', action: null } });
      },
    );

    it('leaves the app working: a real send and a search still succeed', async () => {
      value(await inbox.dispatch('messages.send', { to: '+61422222222', body: 'Still working' }));
      expect(simulator.sent(ACCOUNT.username).map((s) => s.body)).toContain('Still working');
      const found = value(await inbox.dispatch('search.query', { text: 'Still working' })) as { messages: unknown[] };
      expect(found.messages).toHaveLength(1);
    });
  });
});
