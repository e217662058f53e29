// Issue 3's promise to the user: a wrong key, no credit or a bad number is
// explained in plain words in the app, and nothing is lost.
import { test, expect, ACCOUNT } from './fixtures';

test('out of credit: the message shows why, and Retry sends it once credit is back', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Can you confirm?' });
  await app.signIn();
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /Can you confirm/ }).click();

  simulator.addAccount({ ...ACCOUNT, balance: 0 });
  await page.getByRole('textbox', { name: 'Message' }).fill('Confirmed for 10am');
  await page.keyboard.press('Enter');
  const bubble = page.getByRole('region', { name: 'Messages' }).getByRole('listitem').filter({ hasText: 'Confirmed for 10am' });
  await expect(bubble).toContainText('Failed');
  await expect(bubble).toContainText('Your ClickSend account has run out of credit.');
  expect(simulator.sent(ACCOUNT.username)).toHaveLength(0);

  simulator.addAccount({ ...ACCOUNT, balance: 10 });
  await bubble.getByRole('button', { name: 'Retry' }).click();
  await expect(bubble).toContainText(/Queued|Sent/);
  expect(simulator.sent(ACCOUNT.username).map((m) => m.body)).toEqual(['Confirmed for 10am']);
});

test('a number that cannot receive texts is refused before anything is sent', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+99912345678', body: 'Hello from nowhere' });
  await app.signIn();
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('button', { name: /Hello from nowhere/ }).click();
  await page.getByRole('textbox', { name: 'Message' }).fill('Hi?');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('alert')).toContainText('is not a valid phone number');
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('Hi?');
  expect(simulator.sent(ACCOUNT.username)).toHaveLength(0);
});

test('a key rotated on the dashboard pauses sync and asks to sign in again, keeping the messages', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61411111111', body: 'Kept after rotation' });
  await app.signIn();
  await expect(page.getByRole('navigation', { name: 'Conversations' })).toContainText('Kept after rotation');
  simulator.addAccount({ ...ACCOUNT, apiKey: 'rotated-key' });
  await expect(page.getByRole('status').filter({ hasText: 'no longer accepts the saved API key' })).toBeVisible();
  await app.signIn(ACCOUNT.username, 'rotated-key');
  await expect(page.getByRole('navigation', { name: 'Conversations' })).toContainText('Kept after rotation');
});
