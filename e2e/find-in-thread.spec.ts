/// <reference lib="dom" />
// Find in a conversation (issue 22.2): Ctrl+F in an open thread finds in that
// conversation only, through the core's index (so hits far back, not loaded
// yet, count and are reached), marks them, and steps between them with Enter
// and Shift+Enter; Esc closes it and gives the composer the focus back.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { ACCOUNT, expect, test, ui } from './fixtures';

const ANA = '+61422222222';
const BO = '+61433333333';
/** Ana's 200 replies, oldest first; these three mention kiwis (the thread loads 50 at a time). */
const KIWI = new Map([
  [3, 'Are the KIWIS ripe yet?'],
  [100, 'One kiwi box for Friday please'],
  [196, 'Kiwi fruit again, same as last week'],
]);

function seed(app: { simulator: { now(): number; injectInbound(i: object): unknown } }) {
  const now = app.simulator.now();
  for (let i = 0; i < 200; i++) {
    app.simulator.injectInbound({ username: ACCOUNT.username, from: ANA, body: KIWI.get(i) ?? `Order ${i}: apples and pears`, timestamp: now - (199 - i) * 600 });
  }
  // Another conversation holds a kiwi too: it never counts in Ana's.
  app.simulator.injectInbound({ username: ACCOUNT.username, from: BO, body: 'No kiwi for me, thanks', timestamp: now - 90_000 });
}

const findBar = (page: Page) => page.getByRole('search', { name: 'Find in this conversation' });
const findField = (page: Page) => page.getByRole('searchbox', { name: 'Find in this conversation' });
/** The message bubble shown as the current hit. */
const current = (page: Page) => ui.thread(page).locator('.bubble.focused');

test('Ctrl+F finds in this conversation only, counts and marks the hits, and Enter / Shift+Enter step through them, loading older pages', async ({ app }) => {
  const { page } = app;
  seed(app);
  await app.signIn();
  await ui.row(page, '+61 422 222 222').click();
  await expect(ui.thread(page)).toContainText('Order 199: apples and pears');
  await expect(ui.thread(page)).not.toContainText('One kiwi box');

  // The app's own find, never the browser's: the key's default is prevented.
  await page.evaluate(() => window.addEventListener('keydown', (e) => ((window as unknown as { findPrevented: boolean }).findPrevented = e.defaultPrevented)));
  await page.keyboard.press('Control+f');
  await expect(findField(page)).toBeFocused();
  expect(await page.evaluate(() => (window as unknown as { findPrevented: boolean }).findPrevented)).toBe(true);

  await page.keyboard.type('kiwi');
  await expect(findBar(page)).toContainText('1 of 3');
  // The newest hit is current and its word marked (as text: case kept, nothing parsed).
  await expect(current(page)).toContainText(KIWI.get(196)!);
  await expect(current(page).locator('mark')).toHaveText(['Kiwi']);

  // Enter: the next older, 96 messages back (not loaded until now).
  await page.keyboard.press('Enter');
  await expect(findBar(page)).toContainText('2 of 3');
  await expect(current(page)).toContainText(KIWI.get(100)!);
  await expect(current(page)).toBeInViewport();
  await expect(current(page).locator('mark')).toHaveText(['kiwi']);
  await page.keyboard.press('Enter');
  await expect(findBar(page)).toContainText('3 of 3');
  await expect(current(page)).toContainText(KIWI.get(3)!);
  await expect(current(page)).toBeInViewport();
  await expect(current(page).locator('mark')).toHaveText(['KIWIS']);
  // Loaded around the hit: the thread reads on from there, both ways.
  await expect(ui.thread(page)).toContainText('Order 4: apples and pears');

  // Shift+Enter: back to the newer one; past either end it wraps.
  await page.keyboard.press('Shift+Enter');
  await expect(findBar(page)).toContainText('2 of 3');
  await expect(current(page)).toContainText(KIWI.get(100)!);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(findBar(page)).toContainText('1 of 3');
  await expect(current(page)).toContainText(KIWI.get(196)!);

  // Words that no message holds together.
  await findField(page).fill('kiwi apples');
  await expect(findBar(page)).toContainText('No matches');
  await expect(ui.thread(page).locator('mark')).toHaveCount(0);
  // A word being typed matches as a prefix.
  await findField(page).fill('pea');
  await expect(findBar(page)).toContainText('1 of 197');

  // Esc closes it: no marks left, and the composer has the focus.
  await page.keyboard.press('Escape');
  await expect(findBar(page)).toHaveCount(0);
  await expect(ui.composer(page)).toBeFocused();
  await expect(ui.thread(page).locator('mark')).toHaveCount(0);
  await expect(ui.thread(page).locator('.bubble.focused')).toHaveCount(0);

  // The other conversation finds its own kiwi only.
  await ui.row(page, '+61 433 333 333').click();
  await expect(ui.thread(page)).toContainText('No kiwi for me');
  await page.keyboard.press('Control+f');
  await page.keyboard.type('kiwi');
  await expect(findBar(page)).toContainText('1 of 1');
  await expect(current(page).locator('mark')).toHaveText(['kiwi']);
});

test('the find bar works with the buttons too, and Ctrl+F while it is open selects what it holds', async ({ app }) => {
  const { page } = app;
  seed(app);
  await app.signIn();
  await ui.row(page, '+61 422 222 222').click();
  await expect(ui.thread(page)).toContainText('Order 199');
  await page.keyboard.press('Control+f');
  await page.keyboard.type('kiwi');
  await expect(findBar(page)).toContainText('1 of 3');
  await findBar(page).getByRole('button', { name: 'Older match' }).click();
  await expect(findBar(page)).toContainText('2 of 3');
  await findBar(page).getByRole('button', { name: 'Newer match' }).click();
  await expect(findBar(page)).toContainText('1 of 3');

  await page.keyboard.press('Control+f');
  await expect(findField(page)).toBeFocused();
  await page.keyboard.type('orde');
  await expect(findField(page)).toHaveValue('orde');
  await expect(findBar(page)).toContainText('1 of 197');

  await findBar(page).getByRole('button', { name: 'Close find' }).click();
  await expect(findBar(page)).toHaveCount(0);
  await expect(ui.composer(page)).toBeFocused();
});

test('the find bar and its marks pass axe in light and dark', async ({ app }) => {
  const { page } = app;
  seed(app);
  await app.signIn();
  await ui.row(page, '+61 422 222 222').click();
  await expect(ui.thread(page)).toContainText('Order 199');
  await page.keyboard.press('Control+f');
  await page.keyboard.type('kiwi');
  await page.keyboard.press('Enter');
  await expect(findBar(page)).toContainText('2 of 3');
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    const { violations } = await new AxeBuilder({ page }).include('.thread').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(violations.map((v) => `${theme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  }
});
