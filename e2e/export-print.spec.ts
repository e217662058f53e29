/// <reference lib="dom" />
// Keeping a record: a conversation exported as CSV whose rows are its
// messages as the app shows them; every conversation between two days; and
// a clean printout of a conversation.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { ACCOUNT, expect, mode, test, ui } from './fixtures';
import { luminance, pdfAreaFills } from './pdf-colours';

const CUSTOMER = '+61422222222';

test('export one conversation, then every conversation of a day range: the rows match the messages, saved as a file', async ({ app }) => {
  const { page, simulator } = app;
  const now = simulator.now();
  for (let i = 0; i < 30; i++) simulator.injectInbound({ username: ACCOUNT.username, from: CUSTOMER, body: `Question ${i}`, timestamp: now - 3600 + i * 60 });
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: '=SUM(A1:A9)', timestamp: now - 30 });
  await app.signIn();
  await ui.row(page, '+61 422 222 222').click();
  await ui.composer(page).fill('Answer, with "quotes", and a comma');
  await ui.composer(page).press('Enter');
  const sent = ui.thread(page).getByRole('listitem').filter({ hasText: 'Answer, with' });
  await expect(sent).toContainText(/Queued|Sent|Delivered/);

  await ui.thread(page).getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export messages' });
  await expect(dialog.getByRole('radio', { name: /This conversation/ })).toBeChecked();
  const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  expect(file.suggestedFilename()).toMatch(/^conversation-61422222222-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = Papa.parse<Record<string, string>>(readFileSync((await file.path())!, 'utf8'), { header: true, skipEmptyLines: true }).data;
  expect(rows).toHaveLength(31);
  expect(rows.slice(0, 30).map((r) => [r.Direction, r.Number, r.Text, r.Status])).toEqual(
    Array.from({ length: 30 }, (_, i) => ['Received', '+61 422 222 222', `Question ${i}`, 'Received']),
  );
  const status = (await sent.textContent())!.match(/Queued|Sent|Delivered/)![0];
  expect(rows[30]).toMatchObject({ Direction: 'Sent', Text: 'Answer, with "quotes", and a comma', Parts: '1', Price: simulator.sent()[0]!.message_price });
  expect(['Queued', 'Sent', 'Delivered']).toContain(rows[30]!.Status);
  expect(status).toBeTruthy();
  await expect(dialog.getByRole('status')).toHaveText(/^31 messages saved as conversation-/);

  // Every conversation, today only: both customers, a formula kept as text.
  await dialog.getByRole('radio', { name: /All conversations/ }).check();
  const [all] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
  const allRows = Papa.parse<Record<string, string>>(readFileSync((await all.path())!, 'utf8'), { header: true, skipEmptyLines: true }).data;
  expect(allRows).toHaveLength(32);
  expect(allRows.find((r) => r.Number === '+61 433 333 333')?.Text).toBe("'=SUM(A1:A9)");
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});

test('print a conversation: a clean printout of every message, the app hidden', async ({ app }) => {
  const { page, simulator } = app;
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await page.reload();
  const now = simulator.now();
  for (let i = 0; i < 250; i++) simulator.injectInbound({ username: ACCOUNT.username, from: CUSTOMER, body: `Line ${i}`, timestamp: now - 3600 + i });
  await app.signIn();
  await ui.row(page, '+61 422 222 222').click();
  await ui.thread(page).getByRole('button', { name: 'Print' }).click();
  const printout = page.getByTestId('printout');
  await expect(printout.locator('li')).toHaveCount(250);
  await expect(printout.locator('li').first()).toContainText('Line 0');
  await expect(printout.locator('li').last()).toContainText('Line 249');
  await expect(printout).toContainText('+61 422 222 222 · 250 messages');
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(printout).toBeVisible();
  await expect(ui.composer(page)).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(printout).toBeHidden();
  // Printed in the dark theme with background graphics on: a white page with dark text, the printout or (Ctrl+P) the app.
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(printout.locator('.printout-body').first()).toHaveCSS('color', 'rgb(0, 0, 0)');
  await expect(page.locator('html')).toHaveCSS('color-scheme', 'light');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  // What the page paints, read from a PDF of it (page.pdf is headless Chromium's, so browser mode's).
  for (const what of mode === 'browser' ? ['the printout', 'the app'] : []) {
    const fills = pdfAreaFills(await page.pdf({ printBackground: true }));
    expect(fills.length, what).toBeGreaterThan(0);
    expect(fills.filter((fill) => luminance(fill) < 0.5), what).toEqual([]);
    // The print dialog closing (afterprint) takes the printout away: the second is Ctrl+P on the app.
    if (what === 'the printout') await expect(printout).toHaveCount(0);
  }
});
