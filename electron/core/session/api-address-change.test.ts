// The API key goes only to the server it was entered for: the API base URL
// setting is https (any host) or plain http to this computer, and a new
// server signs every saved account out. Real keychain, real HTTP to two
// simulators on 127.0.0.1 (A, where the keys were entered, and B), both of
// which know the accounts, so B would accept a key that reached it.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Session, Settings } from '../../../shared/contract';
import type { Simulator } from '../../../simulator/server';
import { pause, until, value } from '../../../test-support/core';
import { useInboxFixture } from '../../../test-support/inbox-fixture';
import type { SecretStore } from '../credentials/keychain';
import type { InboxEvent } from '../inbox';

const ACCOUNT = { username: 'address-user', apiKey: `key-${randomUUID()}` };
const OTHER = { username: 'address-other', apiKey: `key-${randomUUID()}` };

describe('the API address and the key', () => {
  const fixture = useInboxFixture('inbox-address-');
  let a: Simulator;
  let b: Simulator;

  const makeInbox = (apiUrl = a.url) => fixture.inbox({ apiUrl, syncIntervalMs: 200, clientTimeoutMs: 2000 });
  const keys = () => Promise.all([ACCOUNT, OTHER].map((account) => fixture.keychain.get(account.username)));

  beforeEach(async () => {
    a = await fixture.simulator({ accounts: [ACCOUNT, OTHER] });
    b = await fixture.simulator({ accounts: [ACCOUNT, OTHER] });
  });

  it('takes https to any host and plain http only to this computer; refuses the rest in words and keeps the old value', async () => {
    const inbox = await makeInbox();
    const update = (apiBaseUrl: string | null) => inbox.dispatch('settings.update', { apiBaseUrl });
    for (const [address, words] of [
      ['http://evil.example/v3', /^Use an https address; plain http is allowed only for this computer/],
      ['http://192.168.1.20:8080/v3', /plain http is allowed only for this computer/],
      ['https://user:secret@evil.example/v3', /Leave the user name and password out/],
      ['ftp://evil.example/v3', /Use an https address/],
      ['not a url', /Enter a full URL/],
    ] as const) {
      expect(await update(address)).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', message: expect.stringMatching(words) } });
      expect(value<Settings>(await inbox.dispatch('settings.get', {})).apiBaseUrl).toBeNull();
    }
    expect(value<Settings>(await update('https://evil.example/v3')).apiBaseUrl).toBe('https://evil.example/v3');
    expect(value<Settings>(await update(b.url)).apiBaseUrl).toBe(b.url);
    expect(value<Settings>(await update('http://localhost:4010/v3')).apiBaseUrl).toBe('http://localhost:4010/v3');
    expect(value<Settings>(await update(null)).apiBaseUrl).toBeNull();
  });

  it('a new server signs every saved account out at once, forgets their keys, keeps their messages, and says why; no key reaches it, before or after a restart', async () => {
    a.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'Kept reply' });
    const first = await makeInbox();
    value(await first.dispatch('session.signIn', OTHER));
    value(await first.dispatch('session.signIn', ACCOUNT));
    await until(async () => value<{ items: unknown[] }>(await first.dispatch('conversations.list', { limit: 10 })).items, (l) => l.length === 1);
    expect(await keys()).toEqual([ACCOUNT.apiKey, OTHER.apiKey]);
    const events: InboxEvent[] = [];
    first.onEvent((e) => events.push(e));

    // Another path on the same server is not a new server.
    value(await first.dispatch('settings.update', { apiBaseUrl: `${a.url}/` }));
    expect(value<Session>(await first.dispatch('session.get', {})).state).toBe('signed-in');

    value(await first.dispatch('settings.update', { apiBaseUrl: b.url }));
    const signedOut = {
      state: 'signed-out',
      savedAccounts: [],
      notice: `The API address is now ${new URL(b.url).origin}, so the saved API keys were forgotten: a key is only sent to the server it was entered for. Sign in again; your messages are kept.`,
    };
    expect(value<Session>(await first.dispatch('session.get', {}))).toMatchObject(signedOut);
    expect(events.find((e) => e.name === 'session.changed')?.payload).toMatchObject(signedOut);
    expect(await until(keys, (k) => k.every((key) => key === null))).toEqual([null, null]);

    await first.stop();
    const second = await makeInbox();
    expect(value<Session>(await second.dispatch('session.get', {}))).toMatchObject({ state: 'signed-out', savedAccounts: [] });
    await pause(600);
    expect(b.requests()).toEqual([]);

    // Signing in again is entering the key for B: it works there, with the messages kept.
    value(await second.dispatch('session.signIn', ACCOUNT));
    const list = value<{ items: Array<{ lastBody: string }> }>(await second.dispatch('conversations.list', { limit: 10 })).items;
    expect(list.map((c) => c.lastBody)).toEqual(['Kept reply']);
    expect(b.requests().length).toBeGreaterThan(0);
  });

  it('signing straight back in after the server moved keeps the key just entered: the old server’s keys are forgotten before it is written', async () => {
    // A keychain slow to forget: a delete waits for the next key written (or, if none comes, a second) before it runs.
    let nextKeyWritten = (): void => undefined;
    const forgetting: Array<Promise<boolean>> = [];
    const slowToForget: SecretStore = {
      get: (account) => fixture.keychain.get(account),
      set: async (account, secret) => {
        await fixture.keychain.set(account, secret);
        nextKeyWritten();
      },
      delete: (account) => {
        const written = new Promise<void>((resolve) => {
          nextKeyWritten = resolve;
        });
        const done = Promise.race([written, pause(1000)]).then(() => fixture.keychain.delete(account));
        forgetting.push(done);
        return done;
      },
    };
    const inbox = await fixture.inbox({ apiUrl: a.url, secrets: slowToForget, syncIntervalMs: 200, clientTimeoutMs: 2000 });
    value(await inbox.dispatch('session.signIn', ACCOUNT));
    value(await inbox.dispatch('settings.update', { apiBaseUrl: b.url }));
    value(await inbox.dispatch('session.signIn', ACCOUNT));
    expect(forgetting).toHaveLength(1);
    await Promise.all(forgetting);
    expect(await fixture.keychain.get(ACCOUNT.username)).toBe(ACCOUNT.apiKey);
    expect(value<Session>(await inbox.dispatch('session.get', {}))).toMatchObject({ state: 'signed-in', account: { username: ACCOUNT.username } });
  });

  it('an address moved while ClickSend was checking the key refuses that sign-in in words and keeps no key: it was entered for the server left behind', async () => {
    const inbox = await makeInbox();
    a.addFault({ kind: 'hold', method: 'GET', path: '/account' });
    const signingIn = inbox.dispatch('session.signIn', ACCOUNT);
    await until(async () => a.arrivals().filter((r) => r === 'GET /account').length, (n) => n === 1);
    value(await inbox.dispatch('settings.update', { apiBaseUrl: b.url }));
    expect(a.releaseHeld()).toBe(1);
    expect(await signingIn).toMatchObject({ ok: false, error: { code: 'API_MOVED', message: 'The API address changed while signing in, so the key was not kept.' } });
    expect(await fixture.keychain.get(ACCOUNT.username)).toBeNull();
    expect(value<Session>(await inbox.dispatch('session.get', {})).state).toBe('signed-out');
    expect(b.requests()).toEqual([]);
  });

  it('another path on the same server keeps the account signed in, and its requests go to that path from the next pass', async () => {
    const inbox = await makeInbox();
    value(await inbox.dispatch('session.signIn', ACCOUNT));
    const from = a.requests().length;
    value(await inbox.dispatch('settings.update', { apiBaseUrl: `${new URL(a.url).origin}/v9` }));
    expect(value<Session>(await inbox.dispatch('session.get', {})).state).toBe('signed-in');
    await inbox.dispatch('sync.now', {});
    expect(a.requests().slice(from).map((r) => r.path)).toContain('/v9/sms/inbound');

    // Back to the API's own path (written with a trailing slash): replies come in again.
    value(await inbox.dispatch('settings.update', { apiBaseUrl: `${a.url}/` }));
    a.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'Back on the right path' });
    const list = async () => value<{ items: Array<{ lastBody: string }> }>(await inbox.dispatch('conversations.list', { limit: 10 })).items.map((c) => c.lastBody);
    expect(await until(list, (bodies) => bodies.length > 0)).toEqual(['Back on the right path']);
    expect(b.requests()).toEqual([]);
  });

  it('a server changed while the app was closed (the settings file, or CLICKSEND_API_URL) gets no request: the app starts signed out and says why', async () => {
    const first = await makeInbox();
    value(await first.dispatch('session.signIn', ACCOUNT));
    await first.stop();

    // The settings file edited by hand.
    const file = join(fixture.dataDir, 'settings.json');
    writeFileSync(file, JSON.stringify({ apiBaseUrl: b.url }));
    const second = await makeInbox();
    expect(value<Session>(await second.dispatch('session.get', {}))).toMatchObject({ state: 'signed-out', savedAccounts: [], notice: expect.stringMatching(/saved API keys were forgotten/) });
    await pause(600);
    expect(b.requests()).toEqual([]);
    expect(await keys()).toEqual([null, null]);
    await second.stop();

    // CLICKSEND_API_URL moved between runs: the same rule.
    writeFileSync(file, '{}');
    const third = await makeInbox();
    value(await third.dispatch('session.signIn', ACCOUNT));
    await third.stop();
    const fourth = await makeInbox(b.url);
    expect(value<Session>(await fourth.dispatch('session.get', {}))).toMatchObject({ state: 'signed-out', notice: expect.stringMatching(/saved API keys were forgotten/) });
    await pause(600);
    expect(b.requests()).toEqual([]);
    expect(await keys()).toEqual([null, null]);
  });

  it('CLICKSEND_API_URL meets the same rule: plain http to another computer is refused in words before the key is sent', async () => {
    const inbox = await makeInbox('http://evil.example/v3');
    expect(await inbox.dispatch('session.signIn', ACCOUNT)).toMatchObject({
      ok: false,
      error: { code: 'API_ADDRESS', message: expect.stringMatching(/^The API address in CLICKSEND_API_URL cannot be used\. Use an https address; plain http is allowed only/) },
    });
    expect(await keys()).toEqual([null, null]);
  });
});
