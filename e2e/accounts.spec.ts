// The account menu (issue 16.6, 16.11): the balance as ClickSend has it,
// switching between accounts, removing one, and signing out only after a
// confirmation in the app's own dialog.
import { ACCOUNT, expect, test, ui } from './fixtures';
import type { Page } from '@playwright/test';

const accountMenu = async (page: Page) => {
  await page.getByRole('button', { name: /^Account:/ }).click();
  return page.getByRole('menu');
};

test('the balance in the header follows the messages sent, without a reload or signing in again', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Hi' });
  await app.signIn();
  const balance = page.getByLabel('Balance');
  await expect(balance).toHaveText('$50.00');
  await ui.row(page, '+61 422 222 222').click();
  for (const text of ['Thanks!', 'See you at 10', 'x'.repeat(200)]) {
    await ui.composer(page).fill(text);
    await ui.composer(page).press('Enter');
  }
  // Four parts at $0.0792 each: $0.3168.
  await expect(balance).toHaveText('$49.68');
});

test('two accounts, each with its own conversations: switched, and one removed, from the account menu', async ({ app }) => {
  const { page, simulator } = app;
  const other = { username: 'e2e-sub', apiKey: 'e2e-sub-key' };
  simulator.addAccount({ ...other, balance: 5 });
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61411111111', body: 'Main account reply' });
  simulator.injectInbound({ username: other.username, from: '+61433333333', body: 'Sub-account reply' });

  await app.signIn();
  await expect(ui.list(page)).toContainText('Main account reply');

  await (await accountMenu(page)).getByRole('menuitem', { name: 'Add an account…' }).click();
  await app.signIn(other.username, other.apiKey);
  await expect(ui.list(page)).toContainText('Sub-account reply');
  await expect(ui.list(page)).not.toContainText('Main account reply');

  await (await accountMenu(page)).getByRole('menuitem', { name: `Switch to ${ACCOUNT.username}` }).click();
  await expect(ui.list(page)).toContainText('Main account reply');
  await expect(ui.list(page)).not.toContainText('Sub-account reply');

  await (await accountMenu(page)).getByRole('menuitem', { name: `Remove ${other.username}…` }).click();
  const confirm = page.getByRole('alertdialog', { name: `Remove ${other.username} from this computer?` });
  // The safe choice has the focus: Enter here keeps it.
  await expect(confirm.getByRole('button', { name: 'Keep it' })).toBeFocused();
  await confirm.getByRole('button', { name: `Remove ${other.username}` }).click();
  const menu = await accountMenu(page);
  await expect(menu.getByRole('menuitem')).toHaveText(['Add an account…', 'Sign out…']);
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(ui.list(page)).toContainText('Main account reply');
});

test('sign out asks first; once confirmed the key is gone and the sign-in form shows, also after a restart', async ({ app }) => {
  await app.signIn();
  const { page } = app;
  await expect(ui.list(page)).toBeVisible();

  await (await accountMenu(page)).getByRole('menuitem', { name: 'Sign out…' }).click();
  const confirm = page.getByRole('alertdialog', { name: `Sign out of ${ACCOUNT.username}?` });
  await confirm.getByRole('button', { name: 'Stay signed in' }).click();
  await expect(confirm).toBeHidden();
  await expect(ui.list(page)).toBeVisible();

  await (await accountMenu(page)).getByRole('menuitem', { name: 'Sign out…' }).click();
  await confirm.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await app.restart();
  await expect(app.page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});
