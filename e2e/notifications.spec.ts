/// <reference lib="dom" />
// Issue 8: a reply arriving while another conversation is open raises the
// unread count, the window title, and a system notification; clicking the
// notification opens that conversation. Both modes show notifications with
// the Web Notifications API (Electron routes it to the OS); calls to it are
// recorded as they are made.
import { escapeMarkup } from '../shared/notification-text';
import { ACCOUNT, expect, mode, test, ui } from './fixtures';

const linuxElectron = mode === 'electron' && process.platform === 'linux';

test('a reply to another conversation: unread count, title and a notification that opens it', async ({ app }) => {
  const { page, simulator } = app;
  await page.context().grantPermissions(['notifications']);
  await page.addInitScript(() => {
    const Real = window.Notification;
    const shown: Array<{ title: string; body?: string; instance: Notification }> = [];
    (window as unknown as { shownNotifications: typeof shown }).shownNotifications = shown;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push({ title, body: options?.body, instance: this });
      }
    }
    window.Notification = Recorded as typeof Notification;
  });
  await page.reload();
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'First customer' });
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'Second customer' });
  await app.signIn();
  await ui.row(page, '+61 433 333 333').click();
  await ui.row(page, '+61 422 222 222').click();
  await expect(page).toHaveTitle('ClickSend Inbox');

  simulator.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'Are you <b>open</b> today?' });
  const other = ui.row(page, '+61 433 333 333');
  await expect(other.getByLabel('1 unread')).toBeVisible();
  await expect(page).toHaveTitle('(1) ClickSend Inbox');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { shownNotifications: Array<{ title: string; body?: string }> }).shownNotifications.map(({ title, body }) => ({ title, body }))))
    // Linux notification servers read markup, so Electron on Linux escapes it (inbox-store.ts); shown as typed.
    .toEqual([{ title: '+61 433 333 333', body: linuxElectron ? escapeMarkup('Are you <b>open</b> today?') : 'Are you <b>open</b> today?' }]);

  await page.evaluate(() => {
    const [first] = (window as unknown as { shownNotifications: Array<{ instance: Notification }> }).shownNotifications;
    first!.instance.onclick?.(new Event('click'));
  });
  await expect(ui.thread(page).getByRole('heading')).toHaveText('+61 433 333 333');
  await expect(other.getByLabel('1 unread')).toBeHidden();
  await expect(page).toHaveTitle('ClickSend Inbox');
});

test('settings: notifications paused from the settings view, an invalid value refused with why', async ({ app }) => {
  const { page } = app;
  await app.signIn();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Pause for 1 hour' }).click();
  await expect(page.getByRole('note').filter({ hasText: 'Paused until' })).toBeVisible();
  await page.getByRole('button', { name: 'Resume notifications' }).click();
  await expect(page.getByRole('note').filter({ hasText: 'Notifications are on.' })).toBeVisible();

  await page.getByLabel('Default country', { exact: true }).fill('Australia');
  await page.getByRole('button', { name: 'Save Default country' }).click();
  await expect(page.getByRole('alert')).toContainText('two-letter country code');
  await page.getByLabel('Default country', { exact: true }).fill('nz');
  await page.getByRole('button', { name: 'Save Default country' }).click();
  await expect(page.getByRole('region', { name: 'Settings' }).getByRole('status')).toHaveText('Default country saved.');

  // Buttons say "Save"; their names say what they save.
  await page.getByText('Advanced').click();
  await expect(page.getByRole('button', { name: 'Save API base URL' })).toHaveText('Save');

  await page.getByLabel('Check for replies every (seconds)', { exact: true }).fill('2');
  await page.getByRole('button', { name: 'Save Check for replies every (seconds)' }).click();
  await expect(page.getByRole('alert')).toContainText('Poll at most every 5 seconds');
  await app.restart();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByLabel('Default country', { exact: true })).toHaveValue('NZ');
});
