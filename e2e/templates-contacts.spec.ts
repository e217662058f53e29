// Issue 6: templates and contacts, kept in the app and at ClickSend.
import { ACCOUNT, expect, test, ui } from './fixtures';
import type { Page } from '@playwright/test';

const section = (page: Page, name: string) => page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name });

test('templates: create, edit, filter and delete, kept at ClickSend too', async ({ app }) => {
  const { page } = app;
  await app.signIn();
  await section(page, 'Templates').click();
  await page.getByRole('button', { name: 'New template' }).click();
  await page.getByLabel('Template name').fill('Reminder');
  await page.getByLabel('Template body').fill('Hi {first_name}, see you at {custom_1}');
  await page.getByRole('button', { name: 'Save' }).click();
  const templatesList = page.getByRole('region', { name: 'Templates list' });
  await expect(templatesList).toContainText('Reminder');
  await page.getByRole('button', { name: 'New template' }).click();
  await page.getByLabel('Template name').fill('Thanks');
  await page.getByLabel('Template body').fill('Thanks for coming in!');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(templatesList.getByRole('listitem')).toHaveCount(2);
  expect((await app.dashboard('GET', '/sms/templates')).data!.map((t) => t.template_name).sort()).toEqual(['Reminder', 'Thanks']);

  await page.getByLabel('Filter templates').fill('see you');
  await expect(templatesList.getByRole('listitem')).toHaveCount(1);
  await templatesList.getByRole('button', { name: /Reminder/ }).click();
  await page.getByLabel('Template body').fill('Hi {first_name}, see you at {custom_1} tomorrow');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect.poll(async () => (await app.dashboard('GET', '/sms/templates')).data!.map((t) => t.body)).toContain('Hi {first_name}, see you at {custom_1} tomorrow');

  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('alertdialog', { name: /Delete the template/ }).getByRole('button', { name: 'Delete template' }).click();
  await expect(templatesList).not.toContainText('Reminder');
  await expect.poll(async () => (await app.dashboard('GET', '/sms/templates')).data!.map((t) => t.template_name)).toEqual(['Thanks']);
});

test('a personalised template in three keystrokes, and a placeholder with no value is never sent by accident', async ({ app }) => {
  const { page, simulator } = app;
  await app.dashboard('POST', '/sms/templates', { template_name: 'Reminder', body: 'Hi {first_name}, see you at {custom_1}' });
  const list = await app.dashboard('POST', '/lists', { list_name: 'Customers' });
  await app.dashboard('POST', `/lists/${list.list_id}/contacts`, { phone_number: '+61422222222', first_name: 'Ana', custom_1: '10am' });
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'When is my appointment?' });
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'Hello?' });
  // The first sync's templates are held until Templates, opened meanwhile, has said there are none; then it shows them as they come.
  simulator.addFault({ kind: 'hold', method: 'GET', path: '/sms/templates' });
  await app.signIn();
  await section(page, 'Templates').click();
  const templatesList = page.getByRole('region', { name: 'Templates list' });
  await expect(templatesList).toContainText('No templates yet');
  simulator.releaseHeld();
  await expect(templatesList.getByRole('button', { name: /Reminder/ })).toBeVisible();
  await section(page, 'Conversations').click();

  await ui.row(page, 'Ana').click();
  await ui.composer(page).focus();
  await page.keyboard.press('/');
  await expect(page.getByRole('dialog', { name: 'Insert a template' })).toContainText('Hi Ana, see you at 10am');
  await page.keyboard.press('Enter');
  await expect(ui.composer(page)).toHaveValue('Hi Ana, see you at 10am');
  await page.keyboard.press('Enter');
  await expect(ui.thread(page).getByRole('listitem').filter({ hasText: 'Hi Ana, see you at 10am' })).toContainText(/Queued|Sent/);

  await ui.row(page, '+61 433 333 333').click();
  await ui.composer(page).focus();
  await page.keyboard.press('/');
  await expect(page.getByRole('dialog', { name: 'Insert a template' }).getByRole('note').first()).toContainText('No value for {first_name}, {custom_1}');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('{first_name}, {custom_1} are still in the message');
  expect(simulator.sent().map((s) => s.to)).toEqual(['+61422222222']);
  await page.getByRole('button', { name: 'Send anyway' }).click();
  await expect(ui.thread(page).getByRole('listitem').filter({ hasText: 'Hi {first_name}' })).toContainText(/Queued|Sent/);
  expect(simulator.sent()).toHaveLength(2);
});

test('contacts: a list, a contact with a national number, names in conversations, message and delete', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61455555555', body: 'Hi, it is Bea' });
  await app.signIn();
  await expect(ui.row(page, '+61 455 555 555')).toBeVisible();

  await section(page, 'Contacts').click();
  await page.getByRole('button', { name: 'New list' }).click();
  await page.getByRole('dialog', { name: 'New list' }).getByLabel('Name of the list').fill('Customers');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Contact lists' })).toContainText('Customers');
  await page.getByRole('button', { name: 'New contact' }).click();
  await page.getByLabel('Phone number').fill('0455 555 555');
  await page.getByLabel('First name').fill('Bea');
  await page.getByLabel('Last name').fill('Costa');
  await page.getByLabel('Email').fill('bea@example.com');
  await page.getByRole('button', { name: 'Save' }).click();
  const inList = page.getByRole('region', { name: 'Contacts in list' });
  await expect(inList).toContainText('Bea Costa');
  await expect(inList).toContainText('+61 455 555 555');
  await expect(page.getByRole('region', { name: 'Contact' }).getByRole('status')).toHaveText('Saved, here and in ClickSend.');
  const lists = await app.dashboard('GET', '/lists');
  const contacts = await app.dashboard('GET', `/lists/${lists.data![0]!.list_id}/contacts`);
  expect(contacts.data!.map((c) => [c.phone_number, c.first_name])).toEqual([['+61455555555', 'Bea']]);

  await page.getByLabel('Phone number').fill('not a number');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('phone number');
  await page.getByLabel('Phone number').fill('+61455555555');

  await page.getByRole('button', { name: 'Message' }).click();
  await expect(ui.thread(page).getByRole('heading')).toHaveText('Bea Costa');
  await expect(ui.row(page, 'Bea Costa')).toContainText('Hi, it is Bea');

  await section(page, 'Contacts').click();
  await inList.getByRole('button', { name: /Bea Costa/ }).click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  await page.getByRole('alertdialog', { name: 'Delete this contact?' }).getByRole('button', { name: 'Delete contact' }).click();
  await expect(inList).not.toContainText('Bea Costa');
  await section(page, 'Conversations').click();
  await expect(ui.row(page, '+61 455 555 555')).toBeVisible();
});

test('add an unknown number to contacts from its conversation', async ({ app }) => {
  const { page, simulator } = app;
  await app.dashboard('POST', '/lists', { list_name: 'Customers' });
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61466666666', body: 'New customer here' });
  await app.signIn();
  await ui.row(page, '+61 466 666 666').click();
  await page.getByRole('button', { name: 'Add to contacts' }).click();
  await expect(page.getByLabel('Phone number')).toHaveValue('+61466666666');
  await page.getByLabel('First name').fill('Cal');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('region', { name: 'Contacts in list' })).toContainText('Cal');
  await section(page, 'Conversations').click();
  await expect(ui.row(page, 'Cal')).toContainText('New customer here');
});

test('import a spreadsheet CSV with a preview and its invalid rows, then export the list', async ({ app }) => {
  const { page, simulator } = app;
  await app.dashboard('POST', '/lists', { list_name: 'Customers' });
  // The first sync's lists are held until Contacts, opened meanwhile, has said there are none; then it shows them as they come.
  simulator.addFault({ kind: 'hold', method: 'GET', path: '/^\\/lists$/' });
  await app.signIn();
  await section(page, 'Contacts').click();
  const lists = page.getByRole('region', { name: 'Contact lists' });
  await expect(lists).toContainText('No lists yet');
  simulator.releaseHeld();
  await expect(lists).toContainText('Customers');
  await expect(page.getByRole('region', { name: 'Contacts in list' })).toContainText('No contacts in this list yet.');
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import contacts' });
  const csv = '\uFEFFFirst name;Surname;Mobile;Notes\nAna;Lima;0422 222 222;"likes mornings;\nprefers SMS"\nBo;Ng;0433 333 333;\nAnna;;+61 422 222 222;\nZed;;12ab;\n';
  await dialog.getByLabel('CSV file').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(dialog.getByRole('table', { name: 'Preview' })).toContainText('Ana');
  await expect(dialog.getByLabel('Phone number')).toHaveValue('2');
  await dialog.getByLabel('Custom 1').selectOption('Notes');
  await expect(dialog.getByRole('status')).toHaveText('2 contacts to import, 1 row merged (same number), 1 invalid row skipped.');
  await expect(dialog.getByRole('list', { name: 'Invalid rows' })).toContainText('Row 5:');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported 2 new contacts and updated 0 existing ones; 1 row was not imported');
  await dialog.getByRole('button', { name: 'Close' }).click();
  const inList = page.getByRole('region', { name: 'Contacts in list' });
  await expect(inList).toContainText('Anna Lima');
  await expect(inList).toContainText('Bo Ng');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const { readFileSync } = await import('node:fs');
  const exported = readFileSync(file, 'utf8');
  expect(exported.split('\r\n')[0]).toBe('\uFEFFPhone number,First name,Last name,Email,Custom 1,Custom 2,Custom 3,Custom 4'); // the byte-order mark Excel needs for accents
  expect(exported).toContain('+61422222222,Anna,Lima,,"likes mornings;\nprefers SMS"');
});

test('a CSV with one Name column: first and last names split from it; a row the core would refuse is marked, not counted', async ({ app }) => {
  const { page } = app;
  await app.dashboard('POST', '/lists', { list_name: 'Customers' });
  await app.signIn();
  await section(page, 'Contacts').click();
  await page.getByRole('button', { name: 'Import CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import contacts' });
  const csv = 'Name,Phone,Email\nMary Ann Lee,0422 222 222,mary@example.com\nCher,0433 333 333,\nBo Ng,0444 444 444,bo@example.c\n';
  await dialog.getByLabel('CSV file').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(dialog.getByLabel('Full name')).toHaveValue('0');
  const preview = dialog.getByRole('table', { name: 'Preview' });
  await expect(preview.getByRole('row').nth(1)).toContainText('Mary AnnLee');
  await expect(preview.getByRole('row').nth(3)).toContainText('Skipped: bo@example.c is not an email address.');
  await expect(dialog.getByRole('status')).toHaveText('2 contacts to import, 1 invalid row skipped.');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported 2 new contacts and updated 0 existing ones; 1 row was not imported');
  await dialog.getByRole('button', { name: 'Close' }).click();
  const lists = await app.dashboard('GET', '/lists');
  const contacts = await app.dashboard('GET', `/lists/${lists.data![0]!.list_id}/contacts`);
  expect(contacts.data!.map((c) => [c.first_name, c.last_name])).toEqual([['Mary Ann', 'Lee'], ['Cher', '']]);
});

test('an edit made while ClickSend cannot be reached is refused with why, and the text stays', async ({ app }) => {
  const { page } = app;
  await app.signIn();
  await section(page, 'Templates').click();
  await app.stopSimulator();
  await page.getByRole('button', { name: 'New template' }).click();
  await page.getByLabel('Template name').fill('Offline');
  await page.getByLabel('Template body').fill('Written on the train');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('ClickSend cannot be reached');
  await expect(page.getByLabel('Template body')).toHaveValue('Written on the train');
  await app.startSimulatorAgain();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('region', { name: 'Templates list' })).toContainText('Offline');
});
