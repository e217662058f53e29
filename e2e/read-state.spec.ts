// When a reply counts as read (issue 16.2): only when its thread is actually
// on screen in a focused window. Elsewhere in the app it stays unread, in the
// list, the title and the Conversations section, whatever keys are pressed.
import { ACCOUNT, expect, test, ui } from './fixtures';

test('Alt+↑/↓ in Templates reads nothing: the reply stays unread until its thread is shown', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'An older conversation' });
  await app.signIn();
  await ui.row(page, '+61 433 333 333').click();
  await expect(page).toHaveTitle('ClickSend Inbox');

  await ui.section(page, 'Templates').click();
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Is the shop open today?' });
  await expect(page).toHaveTitle('(1) ClickSend Inbox');
  // Said in the app too, not only in the tab title.
  await expect(ui.section(page, 'Conversations').getByLabel('1 unread')).toBeVisible();
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowUp');
  await page.keyboard.press('Alt+ArrowDown');
  // Several sync passes (one a second here) later: still unread.
  await page.waitForTimeout(2_500);
  await expect(page).toHaveTitle('(1) ClickSend Inbox');

  await ui.section(page, 'Conversations').click();
  await expect(ui.row(page, '+61 422 222 222').getByLabel('1 unread')).toBeVisible();
  await expect(ui.thread(page).getByRole('heading')).toHaveText('+61 433 333 333');
  await expect(page).toHaveTitle('(1) ClickSend Inbox');
});

test('a reply to the open thread while another section is shown is read only on coming back', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Hello' });
  await app.signIn();
  await ui.row(page, '+61 422 222 222').click();
  await expect(page).toHaveTitle('ClickSend Inbox');

  await ui.section(page, 'Contacts').click();
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Are you there?' });
  await expect(page).toHaveTitle('(1) ClickSend Inbox');
  await page.waitForTimeout(2_500);
  await expect(page).toHaveTitle('(1) ClickSend Inbox');

  // The thread is on screen again: now it has been seen.
  await ui.section(page, 'Conversations').click();
  await expect(ui.thread(page)).toContainText('Are you there?');
  await expect(page).toHaveTitle('ClickSend Inbox');
  await expect(ui.row(page, '+61 422 222 222').getByLabel(/unread/)).toHaveCount(0);
});

test('a reply to the thread on screen is read at once', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Hello' });
  await app.signIn();
  await ui.row(page, '+61 422 222 222').click();
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'One more thing' });
  await expect(ui.thread(page)).toContainText('One more thing');
  await page.waitForTimeout(1_500);
  await expect(page).toHaveTitle('ClickSend Inbox');
  await expect(ui.row(page, '+61 422 222 222').getByLabel(/unread/)).toHaveCount(0);
});
