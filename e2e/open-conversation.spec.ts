// The open conversation has one owner in the renderer: whichever way it was
// opened (the list, New message, search, a notification), the list shows it
// as the open one, and Alt+↑/↓ and Mark unread act on it.
import { ACCOUNT, expect, test, ui } from './fixtures';

test('a conversation started with New message is the open one in the list, and Mark unread on it stays unread', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'An older question' });
  await app.signIn();
  await expect(ui.row(page, '+61 422 222 222')).toBeVisible();

  await page.keyboard.press('Control+n');
  await page.getByRole('dialog', { name: 'New message' }).getByLabel('To').fill('0455 555 555');
  await page.keyboard.press('Enter');
  await ui.composer(page).fill('Your order is ready');
  await page.keyboard.press('Enter');
  const row = ui.row(page, '+61 455 555 555');
  await expect(row).toContainText('Your order is ready');
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(ui.row(page, '+61 422 222 222')).not.toHaveAttribute('aria-selected', 'true');

  // The customer answers while the thread is on screen: read at once.
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61455555555', body: 'On my way to pick it up' });
  await expect(ui.thread(page)).toContainText('On my way to pick it up');
  await expect(row.getByLabel('1 unread')).toBeHidden();

  // Mark unread closes the thread, so the reply stays unread past the next poll.
  await page.getByRole('button', { name: 'Mark unread' }).click();
  await expect(row.getByLabel('1 unread')).toBeVisible();
  await expect(row).not.toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByRole('status')).toContainText('Up to date');
  await expect(row.getByLabel('1 unread')).toBeVisible();

  // Alt+↓ from the open conversation steps to the next one in the list.
  await row.click();
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(ui.row(page, '+61 422 222 222')).toHaveAttribute('aria-selected', 'true');
  await expect(ui.thread(page)).toContainText('An older question');
});
