import { ACCOUNT, expect, test, ui } from './fixtures';

test('a first sign-in shows history arriving with a progress bar, then every conversation', async ({ app }) => {
  const { page, simulator } = app;
  simulator.seedHistory(ACCOUNT.username, 2_500, { conversations: 120 });
  // Slow pages, so the progress can be seen as a person would see it: the walk
  // asks several pages at once, so a handful of slow ones would be over in a blink.
  simulator.addFault({ kind: 'slow', path: '/sms/history', param: 'date_to', delayMs: 800, count: Infinity });
  await app.signIn();

  const progress = page.getByRole('progressbar', { name: 'History sync progress' });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('max', '2500');
  await expect(page.getByRole('status')).toContainText(/Syncing history… [\d,]+ of 2,500/);

  await expect(progress).toBeHidden({ timeout: 30_000 });
  await expect(page.getByText('120 conversations')).toBeVisible();
  // Virtualised: only what is near the screen is in the page.
  const rendered = await ui.list(page).getByRole('option').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(60);
  await expect(page.getByRole('status')).toContainText('Up to date');
});

test('a big first sync over a slow link: the newest conversation first, and the list usable and still while older history fills in', async ({ app }) => {
  const { page, simulator } = app;
  // Big enough that the walk (20 requests/s at most) is still going while the test works: about 8 s.
  simulator.seedHistory(ACCOUNT.username, 16_000, { conversations: 400 });
  const [newest] = (await app.dashboard('GET', '/sms/history?order_by=date:desc&limit=15')).data!;
  const newestBody = String(newest!.body);
  // A round trip to ClickSend from Europe, and a gateway's rate limit.
  simulator.network.set({ latencyMs: 150, rateLimitPerSecond: 25 });
  const signedInAt = Date.now();
  await app.signIn();

  const rows = ui.list(page).getByRole('option');
  await expect(rows.first()).toContainText(newestBody.slice(0, 30), { timeout: 5_000 });
  const note = page.getByText(/^Older messages are still arriving/);
  await expect(note).toBeVisible();
  expect(Date.now() - signedInAt).toBeLessThan(5_000);
  await expect(page.getByRole('status').first()).toContainText(/Syncing history… [\d,]+ of 16,000 messages/);

  // While it fills in: the top of the list stays put, a thread opens, a reply goes out.
  const top = (await ui.rowTitles(page)).slice(0, 5);
  await page.waitForTimeout(1_000);
  await expect(note).toBeVisible();
  expect((await ui.rowTitles(page)).slice(0, 5)).toEqual(top);
  await rows.first().click();
  await ui.composer(page).fill('Sent while history was still arriving');
  await ui.composer(page).press('Enter');
  await expect(ui.thread(page).getByRole('listitem').filter({ hasText: 'Sent while history was still arriving' })).toContainText(/Queued|Sent/);
  await expect(note).toBeVisible();

  await expect(note).toBeHidden({ timeout: 30_000 });
  await expect(page.getByText('400 conversations')).toBeVisible();
});

test('a reply shows up live, unread, within a poll interval, on an account ClickSend refuses pictures to', async ({ app }) => {
  const { page, simulator } = app;
  // MMS is not offered in every country: every picture endpoint answers 403, and everything else still syncs.
  simulator.addFault({ kind: '403', path: '/^\\/(mms\\/|uploads)/', username: ACCOUNT.username, count: Infinity });
  const list = await app.dashboard('POST', '/lists', { list_name: 'Customers' });
  await app.dashboard('POST', `/lists/${String(list.list_id)}/contacts`, { phone_number: '+61422222222', first_name: 'Ana', last_name: 'Lima' });
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'First message' });
  await app.signIn();
  await expect(ui.row(page, 'Ana Lima')).toContainText('First message');
  await expect(page.getByRole('status').filter({ hasText: /Up to date|Not synced/ })).toContainText('Up to date');

  simulator.injectInbound({ username: ACCOUNT.username, from: '+61455555555', body: 'Are you open on Sunday?' });
  const item = ui.row(page, '+61 455 555 555');
  await expect(item).toContainText('Are you open on Sunday?');
  await expect(item.getByLabel('1 unread')).toBeVisible();

  // The composer's Picture button says why instead of opening a file chooser; Settings says when the app asks again.
  await ui.row(page, 'Ana Lima').click();
  const refused = 'Pictures can’t be sent from this account: ClickSend refused picture messages for it.';
  const pictureButton = page.getByRole('button', { name: 'Picture' });
  await expect(pictureButton).toHaveAttribute('aria-disabled', 'true');
  // Still in the Tab order (aria-disabled, not disabled), so a keyboard user hears why too.
  await pictureButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(refused)).toBeVisible();
  await ui.section(page, 'Settings').click();
  await expect(page.getByRole('note').filter({ hasText: refused })).toContainText(/The app asks ClickSend again at .+, or when you choose Sync now\./);
  expect(simulator.requests().filter((r) => /^\/(mms\/|uploads)/.test(r.path))).toHaveLength(1);
});

test('with ClickSend gone, the whole history is still there and searchable', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Can I move my appointment to Thursday?' });
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'Thanks, see you soon' });
  await app.signIn();
  await expect(ui.list(page)).toContainText('see you soon');

  await simulator.close();
  await app.restart();
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();

  await page.keyboard.press('Control+K');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await page.keyboard.type('appoint');
  const results = page.getByRole('region', { name: 'Search results' });
  await expect(results.getByRole('button')).toHaveCount(1);
  await expect(results.locator('mark')).toHaveText('appointment');

  await results.getByRole('button', { name: /appointment/ }).click();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  await expect(ui.thread(page)).toContainText('Can I move my appointment to Thursday?');
});

test('search takes any text, quotes and operators included, without an error', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Price is "50% off" AND free delivery' });
  await app.signIn();
  await expect(ui.list(page)).toContainText('50% off');

  const search = page.getByRole('searchbox', { name: 'Search' });
  for (const text of ['"', 'NEAR(', '*', "'; DROP TABLE messages; --"]) {
    await search.fill(text);
    await expect(page.getByRole('region', { name: 'Search results' })).toContainText('Nothing matches');
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
  await search.fill('"50% off" AND');
  await expect(page.getByRole('region', { name: 'Search results' }).locator('mark')).toHaveText(['50% off', 'AND']);
  await search.press('Escape');
  await expect(ui.list(page)).toContainText('50% off');
});
