// Issue 22, part 4: the money side. The header warns of a low balance once
// the balance ClickSend reports (after sends) falls below the threshold, and
// Settings moves the threshold; the Spend view and its CSV show exactly what
// ClickSend charged for each message sent through the simulator.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { makePicture } from '../test-support/pictures';
import { ACCOUNT, expect, test, ui } from './fixtures';

const header = (page: Page) => page.getByRole('banner');
const balance = (page: Page) => header(page).getByLabel('Balance');

async function send(page: Page, conversation: string, body: string) {
  await ui.row(page, conversation).click();
  await ui.composer(page).fill(body);
  await ui.composer(page).press('Enter');
  await expect(ui.thread(page).getByRole('listitem').filter({ hasText: body })).toContainText(/Queued|Sent|Delivered/);
}

/** ClickSend's prices as digits ("0.0792" → 792): integers, so the expected sums are exact. */
const units = (price: string) => {
  expect(price).toMatch(/^\d+\.\d{4}$/);
  return Number(price.replace('.', ''));
};

test('the header warns once the balance falls below the threshold after sends; Settings and ClickSend’s own amount move it', async ({ app }) => {
  const { page, simulator } = app;
  simulator.addAccount({ ...ACCOUNT, balance: 5.1 });
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Any left in stock?' });
  await app.signIn();
  await expect(balance(page)).toHaveText('$5.10');
  await expect(header(page)).not.toContainText('Balance low');

  // Two texts at $0.0792: 5.10 → 4.9416, under the default 5.00. The balance is read again after the sends.
  await send(page, '+61 422 222 222', 'Yes, two left.');
  await send(page, '+61 422 222 222', 'Shall I hold one for you?');
  await expect(header(page)).toContainText('Balance low: $4.94. Top up at ClickSend before sends fail.');
  await expect(balance(page)).toHaveText('$4.94');
  // Readable in both themes (the Spend view is in the axe spec's list; this is the header with its warning).
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).include('header').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']).analyze();
    expect(violations.map((v) => `${colorScheme}: ${v.id}`)).toEqual([]);
  }

  // A lower threshold in Settings: no warning, and Settings says when it would warn.
  await ui.section(page, 'Settings').click();
  const threshold = page.getByRole('spinbutton', { name: 'Warn when the balance falls below ($)' });
  await expect(threshold).toHaveValue('5.00');
  await threshold.fill('4');
  await page.getByRole('button', { name: 'Save Warn when the balance falls below ($)' }).click();
  const rule = page.getByRole('group', { name: 'Balance' }).getByRole('note');
  await expect(rule).toHaveText('The header warns when the balance falls below $4.00.');
  await expect(header(page)).not.toContainText('Balance low');

  // The account's own low-credit amount at ClickSend wins; it is read with the balance.
  simulator.addAccount({ ...ACCOUNT, lowCreditAmount: 10 });
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(header(page)).toContainText('Balance low: $4.94. Top up at ClickSend before sends fail.');
  await expect(rule).toContainText('below $10.00, the low-credit amount set for this account at ClickSend');
});

test('Spend: per day, per conversation and in the CSV, exactly what ClickSend charged for each message', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Is my order ready?' });
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'Do you have the blue one?' });
  await app.signIn();

  await send(page, '+61 422 222 222', 'Your order is ready');
  await send(page, '+61 422 222 222', `Thanks for waiting. ${'We kept it aside for you at the counter. '.repeat(4)}`.trim()); // two parts
  await send(page, '+61 433 333 333', 'Yes, in stock');
  // From the dashboard: a text, a picture, one scheduled and cancelled (refunded), one scheduled for later (charged, due later).
  await app.dashboard('POST', '/sms/send', { messages: [{ to: '+61444444444', body: 'Your parcel is on its way' }] });
  const upload = await app.dashboard('POST', '/uploads?convert=mms', { content: (await makePicture('jpeg', 40, 30)).toString('base64') });
  await app.dashboard('POST', '/mms/send', { media_file: upload._url, messages: [{ to: '+61433333333', subject: 'Blue one', body: 'This one?' }] });
  const later = Math.floor(Date.now() / 1000) + 3 * 3600;
  const scheduled = await app.dashboard('POST', '/sms/send', {
    messages: [
      { to: '+61444444444', body: 'Cancelled later', schedule: later },
      { to: '+61422222222', body: 'Reminder: pick up by Friday', schedule: later },
    ],
  });
  const [toCancel] = (scheduled as unknown as { messages: Array<{ message_id: string }> }).messages;
  await app.dashboard('PUT', `/sms/${toCancel!.message_id}/cancel`);

  // What ClickSend charged, message by message, from its own history: not cancelled, not due later.
  const history = [...((await app.dashboard('GET', '/sms/history?limit=100')).data ?? []), ...((await app.dashboard('GET', '/mms/history?limit=100')).data ?? [])];
  const charged = history.filter((row) => row.direction !== 'in' && row.status !== 'Cancelled' && row.status !== 'Scheduled');
  const byNumber = new Map<string, number>();
  for (const row of charged) byNumber.set(String(row.to), (byNumber.get(String(row.to)) ?? 0) + units(String(row.message_price)));
  const total = [...byNumber.values()].reduce((a, b) => a + b, 0);
  // Five SMS parts at 0.0792 and a picture at 0.33.
  expect(charged).toHaveLength(5);
  expect(total).toBe(7260);
  expect(Object.fromEntries(byNumber)).toEqual({ '+61422222222': 2376, '+61433333333': 4092, '+61444444444': 792 });

  await page.getByRole('button', { name: 'Sync now' }).click();
  await ui.section(page, 'Spend').click();
  const view = page.getByRole('region', { name: 'Spend' });
  const totals = view.getByRole('definition');
  await expect(totals.nth(0)).toHaveText('$0.73');
  await expect(totals.nth(1)).toHaveText('5 (1 picture)');
  await expect(totals.nth(2)).toHaveText('6');
  await expect(view).toContainText('Also 1 message scheduled elsewhere and due later ($0.08), already taken from the balance.');
  // Spent and due later together are what left the balance: 50 − 0.8052.
  await expect(balance(page)).toHaveText('$49.19');

  const perConversation = view.getByRole('table', { name: 'Spend per conversation' }).getByRole('row');
  await expect(perConversation).toHaveText([
    'ConversationMessagesTextsCost',
    '+61 433 333 33322$0.41',
    '+61 422 222 22223$0.24',
    '+61 444 444 44411$0.08',
  ]);
  // Today's bar says its figures; the per-day table holds the same day.
  await expect(view.getByRole('img', { name: /: 5 messages, 6 texts, \$0\.73$/ })).toHaveCount(1);
  await expect(view.getByRole('table', { name: 'Spend per day' }).getByRole('row')).toHaveCount(2);
  await expect(view.getByRole('table', { name: 'Spend per month' }).getByRole('row').nth(1)).toContainText('$0.73');

  // The CSV: one row per message, whose costs sum to the same figure.
  const download = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Export CSV' }).click();
  const lines = readFileSync(await (await download).path(), 'utf8').trim().split('\r\n');
  expect(lines[0]).toBe('Date,Time,Conversation,Number,Type,Texts,Cost ($),Status');
  expect(lines).toHaveLength(6);
  expect(lines.filter((l) => l.includes(',Picture,'))).toHaveLength(1);
  expect(lines.slice(1).reduce((sum, line) => sum + units(line.split(',')[6]!), 0)).toBe(total);

  // The range, by keyboard: last month holds nothing; the last 90 days hold today.
  await view.getByRole('radio', { name: 'This month' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(view.getByRole('radio', { name: 'Last month' })).toBeChecked();
  await expect(totals.nth(0)).toHaveText('$0.00');
  await expect(view.getByText('Nothing was sent in this range.').first()).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(view.getByRole('radio', { name: 'Last 90 days' })).toBeChecked();
  await expect(totals.nth(0)).toHaveText('$0.73');
  await expect(view.getByRole('img', { name: / nothing sent$/ })).toHaveCount(89);

  // A conversation's name opens it.
  await view.getByRole('button', { name: '+61 444 444 444' }).click();
  await expect(ui.thread(page)).toContainText('Your parcel is on its way');
});
