// Search as an owner uses it (issue 16.3, 16.11): by a customer's number in
// whatever form it is typed, from any section with Ctrl+K, and with the
// keyboard alone from the field to the thread.
import { ACCOUNT, expect, test, ui } from './fixtures';

test('a number finds its conversation typed nationally, internationally or in part, and a contact never texted', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61460654989', body: 'Is my order ready?' });
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Someone else' });
  await app.signIn();
  await expect(ui.list(page)).toContainText('Is my order ready?');
  const search = page.getByRole('searchbox', { name: 'Search' });
  const found = ui.searchResults(page).getByRole('list', { name: 'Conversations found' });

  for (const typed of ['0460 654 989', '0460654989', '+61460654989', '654 989']) {
    await search.fill(typed);
    await expect(found.getByRole('button')).toHaveCount(1);
    await expect(found).toContainText('+61 460 654 989');
  }
  await found.getByRole('button').click();
  await expect(ui.thread(page).getByRole('heading', { level: 2 })).toHaveText('+61 460 654 989');
  await expect(ui.thread(page)).toContainText('Is my order ready?');

  // A contact with no conversation yet: found by number, shown formatted, and a click starts one.
  await app.dashboard('POST', '/lists', { list_name: 'Customers' });
  const [customers] = (await app.dashboard('GET', '/lists')).data!;
  await app.dashboard('POST', `/lists/${customers!.list_id}/contacts`, { phone_number: '+61492960963', first_name: 'Ana', last_name: 'Lee' });
  await page.getByRole('button', { name: 'Sync now' }).click();
  await search.fill('492 960');
  const contacts = ui.searchResults(page).getByRole('list', { name: 'Contacts found' });
  await expect(contacts).toContainText('Ana Lee');
  await expect(contacts).toContainText('+61 492 960 963');
  await contacts.getByRole('button').click();
  await expect(ui.thread(page).getByRole('heading', { level: 2 })).toHaveText('Ana Lee');
});

test('Ctrl+K searches from any section; ↓ reaches the results and Enter opens one, without the mouse', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'The blue one please' });
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'The red one please' });
  await app.signIn();
  await expect(ui.list(page)).toContainText('The red one please');

  await ui.section(page, 'Templates').click();
  await page.keyboard.press('Control+k');
  const search = page.getByRole('searchbox', { name: 'Search' });
  await expect(search).toBeFocused();
  await page.keyboard.type('one please');
  const results = ui.searchResults(page).getByRole('list', { name: 'Messages found' }).getByRole('button');
  await expect(results).toHaveCount(2);

  await page.keyboard.press('ArrowDown');
  await expect(results.first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(results.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(search).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(ui.thread(page).getByRole('heading', { level: 2 })).toHaveText('+61 422 222 222');
  await expect(ui.thread(page)).toContainText('The blue one please');
});

test('the thread header shows the number beside the name, and copies it', async ({ app }) => {
  const { page, simulator } = app;
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61492960963', body: 'Hi, it is Ana' });
  await app.dashboard('POST', '/lists', { list_name: 'Customers' });
  const [customers] = (await app.dashboard('GET', '/lists')).data!;
  await app.dashboard('POST', `/lists/${customers!.list_id}/contacts`, { phone_number: '+61492960963', first_name: 'Ana', last_name: 'Lee' });
  await app.signIn();
  await ui.row(page, 'Ana Lee').click();
  const header = ui.thread(page).getByRole('banner').or(ui.thread(page).locator('header')).first();
  await expect(header.getByRole('heading', { level: 2 })).toHaveText('Ana Lee');
  await expect(header).toContainText('+61 492 960 963');
  await header.getByRole('button', { name: 'Copy number' }).click();
  await expect(header.getByRole('button', { name: 'Number copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('+61492960963');
});
