// Issue 7: scheduling from the composer, the Scheduled view, cancelling and editing.
import { ACCOUNT, expect, test, ui } from './fixtures';
import type { Page } from '@playwright/test';

const section = (page: Page, name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name });

async function openConversation(page: Page, name: string) {
  await ui.row(page, name).click();
}

test('schedule from the composer for tomorrow 9:00 in the user’s time zone; a past time is refused before any request', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Can you remind me tomorrow?' });
  await app.signIn();
  await openConversation(page, '+61 422 222 222');
  await ui.composer(page).fill('Reminder: your appointment is today at 11');
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await expect(page.getByRole('group', { name: 'Schedule' })).toContainText(`Time zone: ${zone}`);

  await page.getByLabel('Send at').fill('2020-01-01T09:00');
  await page.getByRole('button', { name: 'Schedule message' }).click();
  await expect(page.getByRole('alert')).toContainText('already passed');
  expect(simulator.sent()).toHaveLength(0);

  await page.getByRole('button', { name: 'Tomorrow 9:00' }).click();
  const chosen = await page.getByLabel('Send at').inputValue();
  expect(chosen).toMatch(/T09:00$/);
  await page.getByRole('button', { name: 'Schedule message' }).click();
  const bubble = ui.thread(page).getByRole('listitem').filter({ hasText: 'Reminder: your appointment' });
  await expect(bubble).toContainText('Scheduled for');
  await expect(ui.composer(page)).toHaveValue('');

  await expect.poll(() => simulator.sent().length).toBe(1);
  const [sent] = simulator.sent();
  const local = await page.evaluate((s) => {
    const d = new Date(s * 1000);
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    return { hours: d.getHours(), minutes: d.getMinutes(), tomorrow: d.toDateString() === tomorrow.toDateString() };
  }, Number(sent!.schedule));
  expect(local).toEqual({ hours: 9, minutes: 0, tomorrow: true });
});

test('the Scheduled view: soonest first, cancel one, edit one, cancel all', async ({ app }) => {
  const { page } = app;
  const now = Math.floor(Date.now() / 1000);
  // Scheduled on the dashboard: the app finds them in history.
  await app.dashboard('POST', '/sms/send', {
    messages: [
      { to: '+61433333333', body: 'Later one', schedule: now + 3 * 3600 },
      { to: '+61422222222', body: 'Soonest one', schedule: now + 3600 },
      { to: '+61444444444', body: 'Middle one', schedule: now + 2 * 3600 },
    ],
  });
  await app.signIn();
  await section(page, 'Scheduled').click();
  const view = page.getByRole('region', { name: 'Scheduled messages' });
  const items = view.getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('Soonest one');
  await expect(items.nth(1)).toContainText('Middle one');
  await expect(items.nth(2)).toContainText('Later one');

  await items.filter({ hasText: 'Middle one' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(view.getByRole('status')).toContainText('Cancelled the message to +61 444 444 444');
  await expect(items).toHaveCount(2);

  await items.filter({ hasText: 'Soonest one' }).getByRole('button', { name: 'Edit' }).click();
  await expect(ui.composer(page)).toHaveValue('Soonest one');
  await ui.composer(page).fill('Soonest one, edited');
  // Enter while editing must not send the text now (it used to, as a new message).
  const sentBefore = app.simulator.sent().length;
  await ui.composer(page).press('Enter');
  await expect(ui.composer(page)).toHaveValue('Soonest one, edited');
  await page.getByRole('button', { name: 'Save new time' }).click();
  const edited = ui.thread(page).getByRole('listitem').filter({ hasText: 'Soonest one, edited' });
  await expect(edited).toContainText('Scheduled for');
  await expect(edited).toHaveCount(1);
  expect(app.simulator.sent()).toHaveLength(sentBefore + 1); // the rescheduled one only
  await expect(ui.thread(page).getByRole('listitem').filter({ hasText: 'Soonest one', hasNotText: 'edited' })).toContainText('Cancelled');

  await section(page, 'Scheduled').click();
  await expect(items).toHaveCount(2);
  await view.getByRole('button', { name: 'Cancel all' }).click();
  // The app's own dialog, whose buttons say what they do.
  await page.getByRole('alertdialog', { name: 'Cancel all 2 scheduled messages?' }).getByRole('button', { name: 'Cancel all 2' }).click();
  await expect(view.getByRole('status')).toContainText('Cancelled 2 scheduled messages');
  await expect(view).toContainText('Nothing is scheduled');
});

test('a cancel that comes too late says so, and the message shows it was sent', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Hi' });
  await app.signIn();
  await openConversation(page, '+61 422 222 222');
  await ui.composer(page).fill('Going out soon');
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await page.getByRole('button', { name: 'In 1 hour' }).click();
  await page.getByRole('button', { name: 'Schedule message' }).click();
  const bubble = ui.thread(page).getByRole('listitem').filter({ hasText: 'Going out soon' });
  await expect(bubble).toContainText('Scheduled for');

  // The app must not learn from its own polling first (that is the other,
  // easy path): polls' history pulls (date_from) and receipts hang from now.
  simulator.addFault({ kind: 'stall', method: 'GET', path: '/sms/history', param: 'date_from', count: Infinity });
  simulator.addFault({ kind: 'stall', method: 'GET', path: '/sms/receipts', count: Infinity });
  simulator.addFault({ kind: 'stall', method: 'GET', path: '/sms/inbound', count: Infinity });
  simulator.advanceClock(2 * 3600); // at ClickSend, its time has come
  await bubble.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('alert')).toContainText('Too late to cancel: ClickSend has already sent this message');
  await expect(bubble).toContainText('Sent');
  await expect(bubble.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
});

test('a re-timed or cancelled message looks cancelled, and does not hold the top of the list', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Book me for next week' });
  await app.signIn();
  await openConversation(page, '+61 422 222 222');
  await ui.composer(page).fill('Reminder: next Tuesday 10am');
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await page.getByRole('button', { name: 'Tomorrow 9:00' }).click();
  await page.getByRole('button', { name: 'Schedule message' }).click();
  const bubbles = ui.thread(page).getByRole('listitem').filter({ hasText: 'Reminder: next Tuesday 10am' });
  await expect(bubbles).toHaveCount(1);

  // Re-timed: the old one stays as a record, plainly not sent.
  await bubbles.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('button', { name: 'In 1 hour' }).click();
  await page.getByRole('button', { name: 'Save new time' }).click();
  await expect(bubbles).toHaveCount(2);
  const old = bubbles.filter({ hasText: 'Cancelled' });
  await expect(old).toHaveCount(1);
  await expect(old.locator('.body')).toHaveCSS('text-decoration-line', 'line-through');
  await expect(bubbles.filter({ hasText: 'Scheduled for' })).toHaveCount(1);

  // A reply from someone else now: it goes above, scheduled or not; after Cancel all it stays above.
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'Are you open today?', timestamp: simulator.now() + 1 });
  const rows = ui.list(page).getByRole('option');
  await expect(rows.first()).toContainText('Are you open today?');
  await section(page, 'Scheduled').click();
  await page.getByRole('button', { name: 'Cancel all' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel it' }).click();
  await expect(page.getByRole('region', { name: 'Scheduled messages' })).toContainText('Nothing is scheduled');
  await section(page, 'Conversations').click();
  await expect(rows.first()).toContainText('Are you open today?');
  await expect(rows.nth(1)).toContainText('Book me for next week');
});
