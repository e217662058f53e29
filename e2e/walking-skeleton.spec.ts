// Issue 2's slice, as a new user would try it: sign in, see conversations,
// open one, send and see its status, then lose the network and restart.
import { test, expect, ACCOUNT, ui } from './fixtures';

test('wrong credentials show the API’s message and keep the form', async ({ app }) => {
  await app.signIn(ACCOUNT.username, 'not-the-key');
  await expect(app.page.getByRole('alert')).toContainText('Your username or API key is incorrect.');
  await expect(app.page.getByLabel('API username')).toHaveValue(ACCOUNT.username);
});

test('sign in, read a conversation, send a message and see it delivered', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Is my order ready?' });

  await app.signIn();
  const item = ui.row(page, /\+61 422 222 222/);
  await expect(item).toBeVisible();
  await expect(item).toContainText('Is my order ready?');

  await item.click();
  const thread = ui.thread(page);
  await expect(thread.getByRole('listitem').filter({ hasText: 'Is my order ready?' })).toBeVisible();

  await ui.composer(page).fill('Yes, ready for pickup.');
  await page.getByRole('button', { name: 'Send' }).click();
  const sent = thread.getByRole('listitem').filter({ hasText: 'Yes, ready for pickup.' });
  await expect(sent).toContainText(/Queued|Sent/);
  // "Queued" shows before ClickSend has it.
  await expect.poll(() => simulator.sent(ACCOUNT.username).map((m) => m.body)).toEqual(['Yes, ready for pickup.']);

  const [accepted] = simulator.sent(ACCOUNT.username);
  simulator.deliverReceipt(accepted!.message_id);
  await expect(sent).toContainText('Delivered');
});

test('after a restart with ClickSend gone, the cached conversations show and the app says it is offline', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'See you at 3' });
  await app.signIn();
  await expect(ui.list(page)).toContainText('See you at 3');

  await simulator.close();
  await app.restart();
  await expect(ui.list(page)).toContainText('See you at 3');
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  await ui.list(page).getByRole('option', { name: /See you at 3/ }).click();
  await expect(ui.thread(page)).toContainText('See you at 3');
});
