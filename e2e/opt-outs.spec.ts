// A customer who texts STOP gets no more messages: the thread says so where
// the composer was, what was scheduled to them is cancelled at ClickSend,
// every way of writing to them again is refused, and START (or the owner, on
// the record) opens it again.
import { ACCOUNT, expect, test, ui } from './fixtures';

const CUSTOMER = '+61422222222';

test('STOP with punctuation: the composer gives way to a notice, scheduled messages are cancelled at ClickSend, and a new message is refused', async ({ app }) => {
  const { page, simulator } = app;
  const now = Math.floor(Date.now() / 1000);
  simulator.injectInbound({ username: ACCOUNT.username, from: CUSTOMER, body: 'Is my order ready?' });
  await app.dashboard('POST', '/sms/send', { messages: [{ to: CUSTOMER, body: 'Reminder: pick-up tomorrow', schedule: now + 86_400 }] });
  await app.signIn();
  const row = ui.row(page, '+61 422 222 222');
  await row.click();
  await expect(ui.composer(page)).toBeVisible();

  simulator.injectInbound({ username: ACCOUNT.username, from: CUSTOMER, body: 'Stop!' });
  const notice = ui.thread(page).locator('..').getByRole('status').filter({ hasText: 'Messages to this number are blocked' });
  await expect(notice).toContainText(/Replied STOP on .*\. Messages to this number are blocked\./);
  await expect(ui.composer(page)).toHaveCount(0);
  await expect(row).toContainText('Opted out');
  await expect(page.getByRole('status').filter({ hasText: 'opted out. Cancelled at ClickSend: “Reminder: pick-up tomorrow”' })).toBeVisible();
  await expect
    .poll(async () => (await app.dashboard('GET', '/sms/history?limit=100')).data!.find((m) => m.body === 'Reminder: pick-up tomorrow')?.status)
    .toBe('Cancelled');

  // Typed again as a new message: the same notice, nothing to send with.
  const sentBefore = simulator.sent().length;
  await page.keyboard.press('Control+n');
  const newMessage = page.getByRole('dialog', { name: 'New message' });
  // Two numbers at once: said to be two, each fine alone (not "include the country code").
  await newMessage.getByLabel('To').fill('0422 222 222, 0433 333 333');
  await page.keyboard.press('Enter');
  await expect(newMessage.getByRole('alert')).toHaveText('That is 2 numbers: 0422 222 222 and 0433 333 333. Enter one at a time.');
  await newMessage.getByLabel('To').fill('0422 222 222');
  // The suggestion for the number says it opted out before it is opened.
  await expect(newMessage.getByRole('option', { name: /\+61 422 222 222/ })).toContainText('Opted out: cannot be texted');
  await page.keyboard.press('Enter');
  await expect(ui.thread(page).locator('..')).toContainText('Messages to this number are blocked');
  await expect(ui.composer(page)).toHaveCount(0);

  await page.getByRole('radio', { name: /Opted out/ }).check();
  await expect(page.getByText('1 conversation')).toBeVisible();
  expect(simulator.sent()).toHaveLength(sentBefore);

  // START opens it again; the replies went on arriving all along.
  simulator.injectInbound({ username: ACCOUNT.username, from: CUSTOMER, body: 'START' });
  await expect(ui.composer(page)).toBeVisible();
  await expect(ui.thread(page)).toContainText('START');
  await ui.composer(page).fill('Welcome back!');
  await ui.composer(page).press('Enter');
  await expect(ui.thread(page).getByRole('listitem').filter({ hasText: 'Welcome back!' })).toContainText(/Queued|Sent|Delivered/);
});

test('“please stop texting me” is flagged in the list and on the reply until decided: opted out (and back in on the record), or “Not a stop request”', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: CUSTOMER, body: 'please stop texting me' });
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'Can you stop by the shop later?' });
  await app.signIn();
  const row = ui.row(page, '+61 422 222 222');
  const other = ui.row(page, '+61 433 333 333');
  await expect(row).toContainText('Asked to stop?');
  await expect(other).toContainText('Asked to stop?');
  await row.click();
  await expect(ui.composer(page)).toBeVisible();
  await ui.thread(page).getByRole('button', { name: 'Opt out this number' }).click();
  await page.getByRole('dialog', { name: 'Stop texting this number?' }).getByRole('button', { name: 'Opt out', exact: true }).click();
  await expect(ui.thread(page).locator('..')).toContainText(/Opted out by hand on .*Asked to stop in a reply/);
  await expect(ui.composer(page)).toHaveCount(0);
  await expect(ui.thread(page).getByRole('button', { name: 'Opt out this number' })).toHaveCount(0);
  await expect(row).toContainText('Opted out');
  await expect(row).not.toContainText('Asked to stop?');

  await page.getByRole('button', { name: 'Opt back in…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Opt this number back in?' });
  await dialog.getByRole('textbox').fill('Asked by phone on Tuesday');
  await dialog.getByRole('button', { name: 'Opt back in' }).click();
  await expect(ui.composer(page)).toBeVisible();
  await expect(ui.thread(page).locator('..')).toContainText(/Opted back in by hand on .*: Asked by phone on Tuesday\./);
  // Decided on the record: the reply does not ask again.
  await expect(ui.thread(page).getByRole('button', { name: 'Opt out this number' })).toHaveCount(0);
  await expect(row).not.toContainText('Asked to stop?');

  // Not a request at all: one click, and the question goes from the reply and the list.
  await other.click();
  await expect(ui.thread(page)).toContainText('Can you stop by the shop later?');
  await ui.thread(page).getByRole('button', { name: 'Not a stop request' }).click();
  await expect(ui.thread(page).getByRole('button', { name: 'Opt out this number' })).toHaveCount(0);
  await expect(other).not.toContainText('Asked to stop?');
  await expect(ui.composer(page)).toBeVisible();
});

test('a number put in the ClickSend opt-out list elsewhere is never texted from the app', async ({ app }) => {
  const { page, simulator } = app;
  const list = await app.dashboard('POST', '/lists', { list_name: 'Opt-outs' });
  await app.dashboard('POST', `/lists/${String(list.list_id)}/contacts`, { phone_number: '+61455555555' });
  await app.signIn();
  await expect(page.getByRole('status').first()).toContainText('Up to date');
  await page.keyboard.press('Control+n');
  await page.getByRole('dialog', { name: 'New message' }).getByLabel('To').fill('0455 555 555');
  await page.keyboard.press('Enter');
  await expect(ui.thread(page).locator('..')).toContainText(/In the ClickSend opt-out list since .*Messages to this number are blocked/);
  await expect(ui.composer(page)).toHaveCount(0);
  expect(simulator.sent()).toHaveLength(0);
});

test('Contacts lists the opted-out numbers with when and how, exports them, and a CSV import marks them', async ({ app }) => {
  const { page, simulator } = app;
  await app.dashboard('POST', '/lists', { list_name: 'Customers' });
  simulator.injectInbound({ username: ACCOUNT.username, from: CUSTOMER, body: 'UNSUBSCRIBE' });
  await app.signIn();
  await expect(ui.row(page, '+61 422 222 222')).toContainText('Opted out');
  await ui.section(page, 'Contacts').click();
  await page.getByRole('button', { name: /Opted-out numbers/ }).click();
  const numbers = page.getByRole('region', { name: 'Opted-out numbers' });
  await expect(numbers.getByRole('listitem')).toHaveCount(1);
  await expect(numbers).toContainText(/\+61 422 222 222.*Replied STOP on/);

  const download = page.waitForEvent('download');
  await numbers.getByRole('button', { name: 'Export CSV' }).click();
  const { readFileSync } = await import('node:fs');
  const exported = readFileSync(await (await download).path(), 'utf8');
  expect(exported.split('\r\n')[0]).toBe('\uFEFFNumber,Name,Opted out at,How,Note'); // the byte-order mark Excel needs for accents
  expect(exported).toMatch(/\+61422222222,,\d{4}-\d\d-\d\dT[\d:.]+Z,Replied STOP,/);

  await page.getByRole('region', { name: 'Contact lists' }).getByRole('button', { name: /Customers/ }).click();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import contacts' });
  const csv = 'Name,Mobile\nAna Lima,0422 222 222\nBo Ng,0433 333 333\n';
  await dialog.getByLabel('CSV file').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(dialog.getByRole('table', { name: 'Preview' })).toContainText('Yes, but opted out: never texted');
  await expect(dialog.getByRole('status')).toHaveText('2 contacts to import; 1 number opted out (kept, and never texted).');
});
