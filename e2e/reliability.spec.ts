// Issue 10: faults seen from the window. The core's own fault tests are in
// electron/core (see docs/reliability.md); these prove the user's side.
import { ACCOUNT, expect, test } from './fixtures';

test('a 30-second stall at ClickSend: the window stays usable, the time-out fires, and sync recovers by itself', async ({ app }) => {
  test.setTimeout(90_000);
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Are you open on Sunday?' });
  await app.signIn();
  const list = page.getByRole('navigation', { name: 'Conversations' });
  await expect(list).toContainText('Are you open on Sunday?');
  await expect(page.getByRole('status').first()).toContainText('Up to date');

  // The next poll's first request hangs for 30 s (longer than the client's 15 s time-out).
  const before = simulator.arrivals().filter((a) => a === 'GET /sms/inbound').length;
  simulator.addFault({ kind: 'slow', method: 'GET', path: '/sms/inbound', delayMs: 30_000 });
  await expect.poll(() => simulator.arrivals().filter((a) => a === 'GET /sms/inbound').length).toBeGreaterThan(before);
  const stalledAt = Date.now();

  // While sync waits: read, write, send and search as usual.
  await list.getByRole('listitem', { name: '+61 422 222 222' }).getByRole('button').click();
  await page.getByRole('textbox', { name: 'Message' }).fill('Yes, 10 to 4');
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  const thread = page.getByRole('region', { name: 'Messages' });
  await expect(thread.getByRole('listitem').filter({ hasText: 'Yes, 10 to 4' })).toContainText(/Queued|Sent|Delivered/);
  expect(simulator.sent().map((s) => s.body)).toEqual(['Yes, 10 to 4']);
  await page.getByRole('searchbox', { name: 'Search' }).fill('Sunday');
  await expect(page.getByRole('region', { name: 'Search results' }).locator('mark')).toHaveText(['Sunday']);
  await page.getByRole('searchbox', { name: 'Search' }).press('Escape');
  expect(Date.now() - stalledAt).toBeLessThan(15_000); // all of that happened inside the stall

  // The time-out fires: the app says it is offline, and why ...
  const status = page.getByRole('status').filter({ hasText: 'Offline' });
  await expect(status).toBeVisible({ timeout: 25_000 });
  await expect(status).toHaveAttribute('title', 'ClickSend took too long to answer.');
  // ... then, the fault gone, comes back by itself and brings what arrived meanwhile.
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Great, see you then' });
  await expect(page.getByRole('status').first()).toContainText('Up to date', { timeout: 20_000 });
  await expect(thread).toContainText('Great, see you then');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
