/// <reference lib="dom" />
// The page runs under a strict Content-Security-Policy: no inline script, no
// eval, no connections but the one the app needs, and text never becomes markup.
import { ACCOUNT, expect, test, ui } from './fixtures';

test('the window refuses inline script and foreign connections, allows no eval; hostile text stays text', async ({ app }) => {
  const { page, simulator } = app;
  const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: hostile });
  await app.signIn();
  await ui.list(page).getByRole('option').first().click();
  await expect(ui.thread(page)).toContainText(hostile);

  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const script = document.createElement('script');
    script.textContent = 'window.pwned = 3';
    document.body.append(script);
    const fetched = await fetch('https://example.com/').then(
      () => true,
      () => false,
    );
    await new Promise((r) => setTimeout(r, 50));
    const policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    return { pwned: (window as unknown as { pwned?: number }).pwned ?? null, fetched, violations, policy };
  });
  expect(outcome).toMatchObject({ pwned: null, fetched: false });
  // No escape hatches: eval and inline code stay refused (DevTools' own evaluation is exempt, so this is read, not run).
  expect(outcome.policy).toMatch(/default-src 'none'/);
  expect(outcome.policy).not.toMatch(/unsafe-eval|unsafe-inline|\*/);
  expect(outcome.violations).toEqual(expect.arrayContaining(['script-src-elem', 'connect-src']));
});

test('the page loads and signs in without a console error (no ignored policy, no missing file)', async ({ app }) => {
  const { page } = app;
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.reload();
  await app.signIn();
  await expect(ui.list(page)).toBeVisible();
  await page.waitForTimeout(500);
  expect(errors).toEqual([]);
});

test('a reply with a right-to-left override shows the hidden character as a mark and reads in the order it was typed', async ({ app }) => {
  const { page, simulator } = app;
  // "\u202E/moc.live" would display as "evil.com/" if the override were obeyed.
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Pay here \u202E/moc.live now' });
  await app.signIn();
  const row = ui.row(page, '+61 422 222 222');
  await expect(row.locator('.direction-mark')).toHaveText('RLO');
  await row.click();
  const bubble = ui.thread(page).getByRole('listitem').filter({ hasText: 'moc.live' });
  await expect(bubble.locator('bdi .direction-mark')).toHaveText('RLO');
  await expect(bubble.getByRole('img', { name: /Hidden direction character RLO/ })).toBeVisible();

  // Neither the list nor the thread obeys the override: "/" is drawn left of "live", as typed.
  const order = await page.evaluate(() => {
    const drawnLeftToRight = (root: Element) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        const slash = text.indexOf('/moc.live');
        if (slash < 0) continue;
        const x = (from: number) => {
          const range = document.createRange();
          range.setStart(node, from);
          range.setEnd(node, from + 1);
          return range.getBoundingClientRect().left;
        };
        return { overrideInText: text.includes('\u202E'), leftToRight: x(slash) < x(slash + '/moc.live'.length - 1) };
      }
      return null;
    };
    return {
      list: drawnLeftToRight(document.querySelector('nav[aria-label="Conversations"]')!),
      thread: drawnLeftToRight(document.querySelector('section.thread')!),
    };
  });
  expect(order).toEqual({ list: { overrideInText: false, leftToRight: true }, thread: { overrideInText: false, leftToRight: true } });
});

test('a contact’s name with a right-to-left override shows it as a mark in the export dialog, the printout and the Scheduled view’s notice', async ({ app }) => {
  const { page } = app;
  await page.addInitScript(() => {
    window.print = () => undefined;
  });
  await page.reload();
  const list = await app.dashboard('POST', '/lists', { list_name: 'Customers' });
  await app.dashboard('POST', `/lists/${list.list_id}/contacts`, { phone_number: '+61422222222', first_name: 'Ana \u202Eevil' });
  await app.dashboard('POST', '/sms/send', { messages: [{ to: '+61422222222', body: 'See you at ten', schedule: Math.floor(Date.now() / 1000) + 3600 }] });
  await app.signIn();
  await ui.row(page, /^Ana /).click();
  await expect(ui.thread(page).getByRole('heading', { level: 2 }).locator('.direction-mark')).toHaveText('RLO');

  await ui.thread(page).getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export messages' });
  await expect(dialog.locator('label', { hasText: 'This conversation' }).locator('.direction-mark')).toHaveText('RLO');
  await dialog.getByRole('button', { name: 'Close' }).click();

  await ui.thread(page).getByRole('button', { name: 'Print' }).click();
  // The printout shows only in print: found by its markup.
  await expect(page.getByTestId('printout').locator('h1 .direction-mark')).toHaveText('RLO');

  await ui.section(page, 'Scheduled').click();
  const view = page.getByRole('region', { name: 'Scheduled messages' });
  await view.getByRole('listitem').filter({ hasText: 'See you at ten' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(view.getByRole('status')).toHaveText('Cancelled the message to Ana [RLO]evil.');
});
