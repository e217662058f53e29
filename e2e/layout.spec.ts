/// <reference lib="dom" />
// Every view laid out as a user sees it (issue 16.4, 16.5): from the smallest
// window the app allows (800×600) to full HD, nothing wider than the window,
// no button cut short, nothing drawn over anything else, and conversation rows
// that never overlap, on first load or when the list reorders.
import type { Page } from '@playwright/test';
import { ACCOUNT, expect, ROW_TITLE, test, ui } from './fixtures';

/** What is wrong with the layout on screen now, in words; empty when nothing. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}”`;
    if (document.documentElement.scrollWidth > window.innerWidth) problems.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${window.innerWidth}px window`);
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 2 && r.height > 2 && r.bottom > 0 && r.top < window.innerHeight && getComputedStyle(el).visibility !== 'hidden';
    };
    const controls = Array.from(document.querySelectorAll('button, input:not([type=radio]):not([type=checkbox]), select, textarea, label.chip, [role=menuitem]')).filter(visible);
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (r.right > window.innerWidth + 1 || r.left < -1) problems.push(`${name(el)} runs off the window`);
      // Text cut short inside its own box (a button reading "S" for Send).
      if (el.tagName === 'BUTTON' && el.scrollWidth > el.clientWidth + 1) problems.push(`${name(el)} is cut short`);
    }
    // Controls drawn over one another (a button over the search box).
    for (let i = 0; i < controls.length; i++) {
      for (let j = i + 1; j < controls.length; j++) {
        const [a, b] = [controls[i]!, controls[j]!];
        if (a.contains(b) || b.contains(a)) continue;
        const [p, q] = [a.getBoundingClientRect(), b.getBoundingClientRect()];
        const overlap = Math.min(p.right, q.right) - Math.max(p.left, q.left) > 2 && Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 2;
        // A dialog sits over the page on purpose: only compare what is on the same layer.
        const layer = (el: Element) => el.closest('[role=dialog], [role=alertdialog], [role=menu]');
        if (overlap && layer(a) === layer(b)) problems.push(`${name(a)} overlaps ${name(b)}`);
      }
    }
    // Times are one line; bubbles stay inside the thread.
    for (const t of Array.from(document.querySelectorAll('.conversation time'))) {
      if (visible(t) && t.getBoundingClientRect().height > parseFloat(getComputedStyle(t).lineHeight || '20') * 1.5) problems.push(`time ${t.textContent} wraps`);
    }
    // The header's words whole: the account's name, the sync status, the low-balance warning (issue 27.5).
    for (const el of Array.from(document.querySelectorAll('.account-name, .sync-state, .low-balance'))) {
      if (visible(el) && (el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > window.innerWidth + 1)) problems.push(`${name(el)} is cut short`);
    }
    const scroller = document.querySelector('.thread .scroller')?.getBoundingClientRect();
    for (const b of Array.from(document.querySelectorAll('.bubble'))) {
      if (scroller && visible(b) && b.getBoundingClientRect().right > scroller.right + 1) problems.push(`a bubble is cut at the right: ${name(b)}`);
    }
    return problems;
  });
}

/** How many rows the open thread's header takes: its name and each button, grouped by where they sit. */
async function threadHeaderRows(page: Page): Promise<number> {
  return page.evaluate(() => {
    const parts = Array.from(document.querySelectorAll('.thread-header .thread-title, .thread-header button'));
    const middles = parts.map((el) => { const r = el.getBoundingClientRect(); return (r.top + r.bottom) / 2; }).sort((a, b) => a - b);
    return middles.filter((m, i) => i === 0 || m - middles[i - 1]! > 8).length;
  });
}

/** Rows of the list: each one's content inside its own box, and no two boxes overlapping. */
async function rowProblems(page: Page): Promise<string[]> {
  return page.evaluate((title) => {
    const problems: string[] = [];
    const rows = Array.from(document.querySelectorAll('nav[aria-label=Conversations] [role=option]')).map((li) => ({ li, box: li.getBoundingClientRect() }));
    rows.sort((a, b) => a.box.top - b.box.top);
    rows.forEach(({ li, box }, i) => {
      const next = rows[i + 1];
      if (next && next.box.top < box.bottom - 1) problems.push(`“${li.querySelector(title)?.textContent}” overlaps the row below`);
      for (const part of Array.from(li.querySelectorAll(`${title}, .preview, .delivery, time, .badge`))) {
        const r = part.getBoundingClientRect();
        if (r.height && (r.top < box.top - 1 || r.bottom > box.bottom + 1)) problems.push(`in “${li.querySelector(title)?.textContent}”, ${part.className || part.tagName} spills out of its row`);
      }
    });
    return problems;
  }, ROW_TITLE);
}

for (const size of [
  { width: 800, height: 600 },
  { width: 1920, height: 1080 },
]) {
  test(`every view fits at ${size.width}×${size.height}`, async ({ app }) => {
    const { page, simulator } = app;
    await page.setViewportSize(size);
    // Below the warning's threshold: the header's fullest (issue 27.5).
    simulator.addAccount({ ...ACCOUNT, balance: 4.5 });
    simulator.seedDemo(ACCOUNT.username);
    await app.signIn();
    await expect(page.getByRole('status').filter({ hasText: 'Up to date' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('banner')).toContainText('Balance low');
    const seen: Record<string, string[]> = {};
    const check = async (view: string) => {
      await page.waitForTimeout(150); // a frame or two for the virtual lists to settle
      seen[view] = await layoutProblems(page);
    };

    await check('conversations');
    expect(await rowProblems(page)).toEqual([]);
    await ui.list(page).getByRole('option').first().click();
    await ui.composer(page).fill('Thanks, see you at 10 — and bring the paperwork');
    await check('thread');
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await check('thread, scheduling');
    await page.keyboard.press('Escape');
    await page.getByRole('searchbox', { name: 'Search' }).fill('thanks');
    await expect(ui.searchResults(page)).toBeVisible();
    await check('search results');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+n');
    await check('new message');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^Account:/ }).click();
    await check('account menu');
    await page.keyboard.press('Escape');
    const railWidths = new Set<number>();
    for (const section of ['Scheduled', 'Templates', 'Contacts', 'Spend', 'Settings', 'Conversations']) {
      await ui.section(page, section).click();
      await expect(page.getByText('Loading…')).toHaveCount(0);
      await check(section);
      railWidths.add(Math.round((await page.getByRole('navigation', { name: 'Sections' }).boundingBox())!.width));
    }
    // The section rail keeps its width whichever section is open.
    expect(railWidths.size).toBe(1);
    await ui.section(page, 'Templates').click();
    await page.getByRole('button', { name: 'Reminder' }).or(page.getByRole('region', { name: 'Templates list' }).getByRole('button').first()).first().click();
    await check('template form');
    await ui.section(page, 'Contacts').click();
    await page.getByRole('region', { name: 'Contacts in list' }).getByRole('button').nth(5).click();
    await check('contact form');
    await page.getByRole('button', { name: 'Import CSV' }).click();
    await check('import dialog');
    expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((k) => [k, []])));
  });
}

test('conversation rows never overlap, on first load or as the list reorders', async ({ app }) => {
  const { page, simulator } = app;
  await page.setViewportSize({ width: 800, height: 600 });
  const now = simulator.now();
  // Twelve customers, the older half with a long name-less number and a reply of ours (a status line).
  for (let i = 0; i < 12; i++) {
    simulator.injectInbound({ username: ACCOUNT.username, from: `+614222222${String(i).padStart(2, '0')}`, body: `Question number ${i}, a fairly long one that will not fit`, timestamp: now - (12 - i) * 600 });
  }
  await app.signIn();
  await expect(ui.list(page).getByRole('option').nth(6)).toBeVisible();
  expect(await rowProblems(page)).toEqual([]);
  await ui.row(page, '+61 422 222 200').click();
  await ui.composer(page).fill('Our answer, so this row shows a delivery state');
  await ui.composer(page).press('Enter');
  await expect(ui.row(page, '+61 422 222 200')).toContainText(/Queued|Sent|Delivered/);
  expect(await rowProblems(page)).toEqual([]);

  // A reply to a conversation further down moves it to the top: check frame by frame while it does.
  // ClickSend stamps replies in whole seconds: a second on, so it is newer than our answer.
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222203', body: 'A new reply that moves this one up', timestamp: simulator.now() + 1 });
  await expect(ui.list(page).getByRole('option').first()).toContainText('A new reply that moves this one up');
  for (let frame = 0; frame < 10; frame++) {
    expect(await rowProblems(page)).toEqual([]);
    await page.waitForTimeout(16);
  }

  // A number with no contact ("Add to contacts" shows): at 1280 px the thread's header is one row, its words shown.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(ui.thread(page).getByRole('button', { name: 'Add to contacts' })).toBeVisible();
  await expect(ui.thread(page).getByText('Add to contacts', { exact: true })).toBeVisible();
  expect(await threadHeaderRows(page)).toBe(1);
  expect(await layoutProblems(page)).toEqual([]);
});

test('interface glyphs are drawn icons, not emoji (a Linux without a colour emoji font shows empty boxes)', async ({ app }) => {
  const { page, simulator } = app;
  simulator.seedDemo(ACCOUNT.username);
  await app.signIn();
  await ui.list(page).getByRole('option').first().click();
  const sections = page.getByRole('navigation', { name: 'Sections' }).getByRole('button');
  await expect(sections).toHaveCount(6);
  for (const button of await sections.all()) await expect(button.locator('svg')).toHaveCount(1);
  // Text the app wrote (not what customers wrote): no emoji anywhere in it.
  const emoji = await page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('.body, .preview, .snippet, .title, .thread-title, textarea')) continue;
      if (/\p{Extended_Pictographic}/u.test(node.textContent ?? '')) found.push(node.textContent!.trim());
    }
    return found;
  });
  expect(emoji).toEqual([]);
});

test('at 800×600 a special character’s note under the message reads across the composer, the buttons below it', async ({ app }) => {
  const { page, simulator } = app;
  await page.setViewportSize({ width: 800, height: 600 });
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Can we make it 3pm instead?' });
  await app.signIn();
  await ui.row(page, '+61 422 222 222').click();
  await ui.composer(page).fill('Thanks, see you at 3 👍');
  const note = page.getByRole('note').filter({ hasText: 'is a special character' });
  await expect(note).toBeVisible();
  const [noteBox, composerBox, sendBox] = [await note.boundingBox(), await ui.composer(page).boundingBox(), await page.getByRole('button', { name: 'Send' }).boundingBox()];
  // Two lines at most, not a column a few words wide.
  expect(noteBox!.height).toBeLessThan(3 * 18);
  expect(noteBox!.width).toBeGreaterThan(composerBox!.width * 0.8);
  expect(sendBox!.y).toBeGreaterThanOrEqual(noteBox!.y + noteBox!.height);
  expect(await layoutProblems(page)).toEqual([]);
});
