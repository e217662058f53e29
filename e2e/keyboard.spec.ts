/// <reference lib="dom" />
// The day's work with the keyboard alone (issue 16.13): sign in, move through
// conversations, open one, reply, search, schedule a message and cancel it,
// never touching the mouse, with the focus visible at every step.
import type { Page } from '@playwright/test';
import { ACCOUNT, expect, ROW_TITLE, test, ui } from './fixtures';

/** The focused element shows it: a focus ring on it (or, for a filter chip's radio, on its label). */
async function expectVisibleFocus(page: Page): Promise<void> {
  const ring = await page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return 'nothing has the focus';
    const shown = active.matches('.chip input') ? active.closest('label')! : active;
    const style = getComputedStyle(shown);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 ? 'ok' : `${active.tagName} “${active.getAttribute('aria-label') ?? active.textContent?.trim().slice(0, 30)}” shows no focus`;
  });
  expect(ring).toBe('ok');
}

/** Presses Tab (or Shift+Tab) until the focus is on the element named, as a keyboard user would. */
async function tabTo(page: Page, name: string | RegExp, backwards = false, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el?.getAttribute('aria-label') ?? el?.innerText?.trim() ?? '';
    });
    if (typeof name === 'string' ? focused === name : name.test(focused)) return expectVisibleFocus(page);
  }
  throw new Error(`Tab never reached ${name}`);
}

test('sign in, read, reply, search, schedule and cancel, with the keyboard alone', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'Do you open on Sunday?' });
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Is my bike ready?' });

  // Sign in: the first field has the focus.
  await expect(page.getByLabel('API username')).toBeFocused();
  await page.keyboard.type(ACCOUNT.username);
  await page.keyboard.press('Tab');
  await expectVisibleFocus(page);
  await page.keyboard.type(ACCOUNT.apiKey);
  await page.keyboard.press('Enter');
  await expect(ui.list(page)).toContainText('Do you open on Sunday?');

  // Through the conversations: Alt+↓ opens the next, and the reply box takes the focus.
  await page.keyboard.press('Alt+ArrowDown');
  await expect(ui.thread(page).getByRole('heading', { level: 2 })).toHaveText('+61 422 222 222');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(ui.thread(page).getByRole('heading', { level: 2 })).toHaveText('+61 433 333 333');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(ui.thread(page).getByRole('heading', { level: 2 })).toHaveText('+61 422 222 222');
  await expect(ui.composer(page)).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.type('Yes, ready from 3pm');
  await page.keyboard.press('Enter');
  await expect(ui.thread(page).getByRole('listitem').filter({ hasText: 'Yes, ready from 3pm' })).toContainText(/Queued|Sent|Delivered/);

  // The filters are a radio group: Tab reaches it, arrows choose.
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61444444444', body: 'A third customer' });
  await expect(ui.list(page)).toContainText('A third customer');
  await tabTo(page, 'Search', true);
  await tabTo(page, 'New message');
  await page.keyboard.press('Tab');
  await expectVisibleFocus(page);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: /Unread/ })).toBeChecked();
  await expect(ui.list(page).getByRole('option')).toHaveCount(1);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: 'All' })).toBeChecked();

  // Search from anywhere, into the results, Enter opens one.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('sunday');
  await expect(ui.searchResults(page)).toContainText('Do you open on Sunday?');
  await page.keyboard.press('ArrowDown');
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(ui.thread(page).getByRole('heading', { level: 2 })).toHaveText('+61 433 333 333');

  // Schedule: the panel takes the focus; Tab to its button.
  await ui.composer(page).focus();
  await page.keyboard.type('Yes, 10am to 2pm this Sunday');
  await tabTo(page, 'Schedule');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Schedule' }).getByRole('button').first()).toBeFocused();
  await expectVisibleFocus(page);
  await tabTo(page, 'Schedule message');
  await page.keyboard.press('Enter');
  const scheduled = ui.thread(page).getByRole('listitem').filter({ hasText: 'Yes, 10am to 2pm this Sunday' });
  await expect(scheduled).toContainText('Scheduled for');
  await expect(ui.composer(page)).toBeFocused();

  // Cancel it: back from the reply box to the message's own Cancel.
  await tabTo(page, 'Cancel', true);
  await page.keyboard.press('Enter');
  await expect(scheduled).toContainText('Cancelled');
  expect(simulator.sent().map((m) => m.body)).toEqual(['Yes, ready from 3pm', 'Yes, 10am to 2pm this Sunday']);
});

test('the conversation list is one Tab stop: arrows, Page keys and Home/End move in it, Enter opens, Shift+F10 or the Menu key acts on a row', async ({ app }) => {
  const { page, simulator } = app;
  simulator.seedDemo(ACCOUNT.username);
  await app.signIn();
  await expect(page.getByText('30 conversations')).toBeVisible({ timeout: 20_000 });
  // History still arriving reorders the rows: the row clicked must still be the row read.
  await expect(page.getByRole('status').filter({ hasText: 'Up to date' })).toBeVisible({ timeout: 20_000 });
  const options = ui.list(page).getByRole('option');
  await options.nth(2).click();
  const opened = await options.nth(2).locator(ROW_TITLE).textContent();
  await expect(ui.thread(page).getByRole('heading', { level: 2 })).toHaveText(opened!);

  // From the search box to the open conversation: a few Tab presses, not one per conversation.
  await page.getByRole('searchbox', { name: 'Search' }).focus();
  let presses = 0;
  while (!(await ui.thread(page).evaluate((thread) => thread.contains(document.activeElement))) && presses < 40) {
    await page.keyboard.press('Tab');
    presses++;
  }
  expect(presses).toBeLessThanOrEqual(4);

  // Back into the list (New message, the filters, the list): it lands on the open conversation, ringed.
  await page.getByRole('searchbox', { name: 'Search' }).focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  const focused = () => ui.focusedRow(page);
  await expect.poll(focused).toEqual({ name: opened, at: 3 });
  await expectVisibleFocus(page);
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await focused()).at).toBe(4);
  await expectVisibleFocus(page);
  await page.keyboard.press('End');
  await expect.poll(async () => (await focused()).at).toBe(30);
  await expect(page.locator(':focus')).toBeInViewport();
  await page.keyboard.press('PageUp');
  await expect.poll(async () => (await focused()).at).toBeLessThan(29);
  await page.keyboard.press('Home');
  await expect.poll(async () => (await focused()).at).toBe(1);
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => (await focused()).at).toBe(1);
  // The list stays one Tab stop however far the focus moved in it.
  await page.keyboard.press('PageDown');
  const landed = await focused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect.poll(focused).toEqual(landed);

  // The row's menu from the keyboard: Esc closes it and gives the row its focus back.
  await page.keyboard.press('Home');
  const first = (await focused()).name!;
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: first });
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect.poll(async () => (await focused()).name).toBe(first);
  // The Menu key, a first letter and Enter: pinned, without opening it.
  await page.keyboard.press('ContextMenu');
  await page.keyboard.press('p');
  await expect(menu.getByRole('menuitem', { name: 'Pin' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(ui.row(page, first).getByLabel('Pinned')).toBeVisible();
  await expect.poll(async () => (await focused()).name).toBe(first);
  await expect(ui.thread(page).getByRole('heading', { level: 2 })).toHaveText(opened!);
  await page.keyboard.press('Shift+F10');
  await expect(menu.getByRole('menuitem', { name: 'Unpin' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Enter opens the row with the focus; the reply box takes it.
  await page.keyboard.press('ArrowDown');
  const next = (await focused()).name!;
  await page.keyboard.press('Enter');
  await expect(ui.thread(page).getByRole('heading', { level: 2 })).toHaveText(next);
  await expect(ui.composer(page)).toBeFocused();
});
