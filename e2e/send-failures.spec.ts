// Issue 3's promise to the user: a wrong key, no credit or a bad number is
// explained in plain words in the app, and nothing is lost.
import { test, expect, ACCOUNT, ui } from './fixtures';

test('out of credit: the composer says so before sending, a refused send shows why and reads the balance again, and a top-up is seen when the window comes back', async ({ app }) => {
  const { page, simulator } = app;
  const header = page.getByRole('banner');
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Can you confirm?' });
  await app.signIn();
  await ui.row(page, '+61 422 222 222').click();
  await ui.composer(page).fill('Checking now');
  await page.keyboard.press('Enter');
  await expect(ui.thread(page).getByRole('listitem').filter({ hasText: 'Checking now' })).toContainText(/Queued|Sent/);
  await expect(header.getByLabel('Balance')).toHaveText('$49.92');

  // Spent elsewhere down to $0.05; sent at once, before any price is asked.
  simulator.addAccount({ ...ACCOUNT, balance: 0.05 });
  await ui.composer(page).fill('Confirmed for 10am');
  await page.keyboard.press('Enter');
  const bubble = ui.thread(page).getByRole('listitem').filter({ hasText: 'Confirmed for 10am' });
  await expect(bubble).toContainText('Failed');
  await expect(bubble).toContainText('Your ClickSend account has run out of credit.');
  expect(simulator.sent(ACCOUNT.username)).toHaveLength(1);
  // The refused send read the balance again: the header shows what is left, and warns.
  await expect(header.getByLabel('Balance')).toHaveText('$0.05');
  await expect(header).toContainText('Balance low: $0.05. Top up at ClickSend before sends fail.');

  // The next message: ClickSend's price says the credit is short, and the composer says so (not "≈ $0.00").
  await ui.composer(page).fill('Or 11am?');
  await expect(page.getByRole('note').filter({ hasText: 'Not enough credit' })).toHaveText(
    'Not enough credit: this message costs about $0.08 and the balance is $0.05. Top up in the ClickSend dashboard.',
  );
  await expect(page.getByLabel('Estimated cost')).toHaveCount(0);

  // Topped up in the dashboard, in another window; coming back to this one reads the balance again.
  simulator.addAccount({ ...ACCOUNT, balance: 10 });
  await app.refocusWindow();
  await expect(header.getByLabel('Balance')).toHaveText('$10.00');
  await expect(header).not.toContainText('Balance low');
  await expect(page.getByLabel('Estimated cost')).toHaveText('≈ $0.08');
  await ui.composer(page).fill('');

  await bubble.getByRole('button', { name: 'Retry' }).click();
  await expect(bubble).toContainText(/Queued|Sent/);
  expect(simulator.sent(ACCOUNT.username).map((m) => m.body)).toEqual(['Checking now', 'Confirmed for 10am']);
});

test('a number that cannot receive texts is refused before anything is sent', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+99912345678', body: 'Hello from nowhere' });
  await app.signIn();
  await ui.list(page).getByRole('option', { name: /Hello from nowhere/ }).click();
  await ui.composer(page).fill('Hi?');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('alert')).toContainText('is not a valid phone number');
  await expect(ui.composer(page)).toHaveValue('Hi?');
  expect(simulator.sent(ACCOUNT.username)).toHaveLength(0);
});

test('a key rotated on the dashboard pauses sync and asks to sign in again, keeping the messages', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61411111111', body: 'Kept after rotation' });
  await app.signIn();
  await expect(ui.list(page)).toContainText('Kept after rotation');
  simulator.addAccount({ ...ACCOUNT, apiKey: 'rotated-key' });
  await expect(page.getByRole('status').filter({ hasText: 'no longer accepts the saved API key' })).toBeVisible();
  await app.signIn(ACCOUNT.username, 'rotated-key');
  await expect(ui.list(page)).toContainText('Kept after rotation');
});

test('a message ClickSend could not deliver: counted on Failed, said in the thread, and sent again after a confirmation', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Is it ready?' });
  await app.signIn();
  const list = ui.list(page);
  await list.getByRole('option', { name: /Is it ready/ }).click();
  await ui.composer(page).fill('Yes, come by after 3');
  await page.keyboard.press('Enter');
  const bubbles = ui.thread(page).getByRole('listitem').filter({ hasText: 'Yes, come by after 3' });
  await expect(bubbles).toContainText(/Queued|Sent/);
  await expect.poll(() => simulator.sent(ACCOUNT.username).length).toBe(1); // "Queued" shows before ClickSend has it
  const [sent] = simulator.sent(ACCOUNT.username);
  simulator.deliverReceipt(sent!.message_id, { status: 'Failed', statusText: 'Message expired before delivery.' });

  // On the first screen: the Failed filter counts it, the row says so.
  const failed = page.getByRole('radio', { name: /Failed/ });
  await expect(page.locator('label.chip', { has: failed })).toContainText('Failed1');
  await expect(ui.row(page, '+61 422 222 222')).toContainText('Failed');
  await expect(bubbles).toContainText('Message expired before delivery.');

  await bubbles.getByRole('button', { name: 'Send again' }).click();
  const confirm = page.getByRole('dialog', { name: 'Send this message again?' });
  await confirm.getByRole('button', { name: 'Don’t send' }).click();
  expect(simulator.sent(ACCOUNT.username)).toHaveLength(1);
  await bubbles.getByRole('button', { name: 'Send again' }).click();
  await confirm.getByRole('button', { name: 'Send again' }).click();
  await expect(bubbles).toHaveCount(2);
  await expect(bubbles.last()).toContainText(/Queued|Sent|Delivered/);
  expect(simulator.sent(ACCOUNT.username).map((m) => m.body)).toEqual(['Yes, come by after 3', 'Yes, come by after 3']);
  // Followed up: nothing waits on the Failed filter any more.
  await expect(page.locator('label.chip', { has: failed })).toHaveText('Failed');
});

test('the preview of a customer’s message shows no delivery status of ours', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Hi' });
  await app.signIn();
  const row = ui.row(page, '+61 422 222 222');
  await row.click();
  await ui.composer(page).fill('See you at 2pm');
  await page.keyboard.press('Enter');
  // Enter hands the message to the outbox; ClickSend has it a moment later.
  await expect.poll(() => simulator.sent(ACCOUNT.username).length).toBe(1);
  const [sent] = simulator.sent(ACCOUNT.username);
  simulator.deliverReceipt(sent!.message_id, { status: 'Delivered' });
  await expect(row).toContainText('You: See you at 2pm');
  await expect(row).toContainText('Delivered');
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Can we make it 3pm instead?', timestamp: simulator.now() + 1 });
  await expect(row).toContainText('Can we make it 3pm instead?');
  await expect(row).not.toContainText('Delivered');
});
