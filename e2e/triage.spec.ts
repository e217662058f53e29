/// <reference lib="dom" />
// Working the inbox all day: pin a conversation to the top, archive one (it
// leaves the list and comes back when the customer writes again), mute one
// (its replies count as unread but never notify). Buttons, shortcuts, and a
// row's own menu (right-click) without opening it; a reply written in an
// archived conversation brings it back.
import { ACCOUNT, expect, test, ui } from './fixtures';

test('pin, archive (and its return on a new reply) and mute (unread, no notification), by button and by keyboard', async ({ app }) => {
  const { page, simulator } = app;
  await page.context().grantPermissions(['notifications']);
  await page.addInitScript(() => {
    const Real = window.Notification;
    const shown: string[] = [];
    (window as unknown as { shownNotifications: string[] }).shownNotifications = shown;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push(`${title}: ${options?.body ?? ''}`);
      }
    }
    window.Notification = Recorded as typeof Notification;
  });
  await page.reload();
  const now = simulator.now();
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61411111111', body: 'Oldest', timestamp: now - 300 });
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Middle', timestamp: now - 200 });
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'Newest', timestamp: now - 100 });
  await app.signIn();
  const titles = () => ui.rowTitles(page);
  await expect.poll(titles).toEqual(['+61 433 333 333', '+61 422 222 222', '+61 411 111 111']);

  // Pin the oldest with the button: it goes to the top, marked.
  await ui.row(page, '+61 411 111 111').click();
  await ui.thread(page).getByRole('button', { name: 'Pin' }).click();
  await expect.poll(titles).toEqual(['+61 411 111 111', '+61 433 333 333', '+61 422 222 222']);
  await expect(ui.row(page, '+61 411 111 111').getByLabel('Pinned')).toBeVisible();
  await expect(ui.thread(page).getByRole('button', { name: 'Unpin' })).toBeVisible();

  // Archive the middle one from the keyboard: out of All, in Archived.
  await ui.row(page, '+61 422 222 222').click();
  await expect(ui.composer(page)).toBeFocused();
  await page.keyboard.press('Control+Shift+E');
  await expect.poll(titles).toEqual(['+61 411 111 111', '+61 433 333 333']);
  await page.getByRole('radio', { name: /Archived/ }).check();
  await expect.poll(titles).toEqual(['+61 422 222 222']);
  await page.getByRole('radio', { name: /^All/ }).check();
  // The customer writes again: back by itself.
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Hello? Still there?' });
  await expect.poll(titles, { timeout: 15_000 }).toEqual(['+61 411 111 111', '+61 422 222 222', '+61 433 333 333']);

  // Mute the newest from the keyboard, then go elsewhere: its reply is unread, silent.
  await ui.row(page, '+61 433 333 333').click();
  await page.keyboard.press('Control+Shift+M');
  await expect(ui.thread(page).getByRole('button', { name: 'Unmute' })).toBeVisible();
  await expect(ui.row(page, '+61 433 333 333').getByLabel('Muted')).toBeVisible();
  await ui.row(page, '+61 411 111 111').click();
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'Muted reply' });
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Loud reply' });
  await expect(ui.row(page, '+61 433 333 333').getByLabel('1 unread')).toBeVisible({ timeout: 15_000 });
  await expect(ui.row(page, '+61 422 222 222').getByLabel(/unread/)).toBeVisible();
  const shown = () => page.evaluate(() => (window as unknown as { shownNotifications: string[] }).shownNotifications);
  await expect.poll(shown).toEqual(['+61 422 222 222: Loud reply']);

  // Kept when the app restarts.
  await app.restart();
  await expect.poll(async () => (await titles())[0]).toBe('+61 411 111 111');
  await expect(ui.row(page, '+61 411 111 111').getByLabel('Pinned')).toBeVisible();
  await expect(ui.row(page, '+61 433 333 333').getByLabel('Muted')).toBeVisible();

  // Triage without opening: a row's menu by right-click, its entries named for what they will do.
  const row = (title: string) => ui.row(page, title);
  const menuOf = async (title: string) => {
    await row(title).click({ button: 'right' });
    const menu = page.getByRole('menu', { name: title });
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    return menu;
  };
  let menu = await menuOf('+61 422 222 222');
  await expect(menu.getByRole('menuitem')).toHaveText(['Mark read', 'Pin', 'Mute', 'Archive', 'Export…']);
  await menu.getByRole('menuitem', { name: 'Mark read' }).click();
  await expect(row('+61 422 222 222').getByLabel(/unread/)).toHaveCount(0);
  await expect(menu).toHaveCount(0);
  await expect(row('+61 422 222 222')).toBeFocused();
  await (await menuOf('+61 422 222 222')).getByRole('menuitem', { name: 'Mark unread' }).click();
  await expect(row('+61 422 222 222').getByLabel('1 unread')).toBeVisible();
  await (await menuOf('+61 433 333 333')).getByRole('menuitem', { name: 'Unmute' }).click();
  await expect(row('+61 433 333 333').getByLabel('Muted')).toHaveCount(0);
  await (await menuOf('+61 433 333 333')).getByRole('menuitem', { name: 'Pin' }).click();
  await expect.poll(titles).toEqual(['+61 433 333 333', '+61 411 111 111', '+61 422 222 222']);
  // The open conversation's header follows what its menu did.
  await row('+61 411 111 111').click();
  await expect(ui.thread(page).getByRole('button', { name: 'Unpin' })).toBeVisible();
  await (await menuOf('+61 411 111 111')).getByRole('menuitem', { name: 'Unpin' }).click();
  await expect(ui.thread(page).getByRole('button', { name: 'Pin', exact: true })).toBeVisible();
  menu = await menuOf('+61 422 222 222');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(row('+61 422 222 222')).toBeFocused();
  await (await menuOf('+61 422 222 222')).getByRole('menuitem', { name: 'Archive' }).click();
  await expect.poll(titles).toEqual(['+61 433 333 333', '+61 411 111 111']);

  // Replying in an archived conversation brings it back to the inbox.
  await page.getByRole('radio', { name: /Archived/ }).check();
  await expect.poll(titles).toEqual(['+61 422 222 222']);
  await expect((await menuOf('+61 422 222 222')).getByRole('menuitem', { name: 'Move to inbox' })).toBeVisible();
  await page.keyboard.press('Escape');
  await row('+61 422 222 222').click();
  await expect(ui.thread(page).getByRole('button', { name: 'Move to inbox' })).toBeVisible();
  await ui.composer(page).fill('Sorry for the wait, it is ready');
  await ui.composer(page).press('Enter');
  await expect(ui.thread(page).getByRole('button', { name: 'Archive', exact: true })).toBeVisible();
  await expect.poll(titles).toEqual([]);
  await page.getByRole('radio', { name: /^All/ }).check();
  await expect.poll(titles).toEqual(['+61 433 333 333', '+61 422 222 222', '+61 411 111 111']);
});

test('Export… from a row’s menu puts the focus in the dialog; Esc closes it and gives the focus back to the row', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61411111111', body: 'The invoice, please' });
  await app.signIn();
  const row = ui.row(page, '+61 411 111 111');
  await row.click({ button: 'right' });
  await page.getByRole('menu', { name: '+61 411 111 111' }).getByRole('menuitem', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export messages' });
  await expect(dialog.getByRole('radio', { name: /This conversation/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(row).toBeFocused();
});
