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
