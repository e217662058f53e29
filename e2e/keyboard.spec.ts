/// <reference lib="dom" />
// The day's work with the keyboard alone (issue 16.13): sign in, move through
// conversations, open one, reply, search, schedule a message and cancel it,
// never touching the mouse, with the focus visible at every step.
import type { Page } from '@playwright/test';
import { ACCOUNT, expect, test, ui } from './fixtures';

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
  await expect(ui.list(page).getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: 'All' })).toBeChecked();

  // Search from anywhere, into the results, Enter opens one.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('sunday');
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
