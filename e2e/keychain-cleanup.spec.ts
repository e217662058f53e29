// The OS keychain outlives the test run: the fixture deletes every key a
// test's core stored under its own keychain service. The second test looks
// at what the first left, after the fixture's teardown.
import { ACCOUNT, expect, keychainAccounts, mode, test, ui } from './fixtures';

test.describe.configure({ mode: 'serial' });

let service: string | null = null;

test('a signed-in test’s key is stored under its own keychain service', async ({ app }) => {
  await app.signIn();
  await expect(ui.list(app.page)).toBeVisible();
  service = app.env.INBOX_KEYCHAIN_SERVICE!;
  // Electron keeps its key in an encrypted file instead (safeStorage).
  if (mode === 'browser') expect(await keychainAccounts(service)).toEqual([ACCOUNT.username]);
});

test('after that test, no key is left under its service', async () => {
  expect(service).not.toBeNull();
  expect(await keychainAccounts(service!)).toEqual([]);
});
