// Issue 5's user stories: the list, the thread, the composer, new
// conversations, search and the keyboard, in browser mode against the simulator.
import sharp from 'sharp';
import { ACCOUNT, expect, test, ui } from './fixtures';


/** Replies from one number spread over the last few days, oldest first. */
function longConversation(app: { simulator: { now(): number; injectInbound(i: object): unknown } }, count: number, word = (i: number) => `note${i}`) {
  const now = app.simulator.now();
  for (let i = 0; i < count; i++) {
    app.simulator.injectInbound({
      username: ACCOUNT.username,
      from: '+61422222222',
      body: `Reply ${i} ${word(i)}`,
      // The newest arrives now, so "Today" has a message whatever the hour (it failed just after midnight).
      timestamp: now - (count - 1 - i) * 2_400,
    });
  }
}

test('the list filters by unread and failed, shows delivery state, and opening marks read', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Unread question', timestamp: simulator.now() - 60 });
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Second unread question' });
  await app.signIn();
  await expect(ui.list(page)).toContainText('Second unread question');
  // One meaning for "unread": conversations with unread replies, in the badge, the title and the filter alike.
  await expect(ui.section(page, 'Conversations').getByLabel('1 unread conversation')).toHaveText('1');
  await expect(page).toHaveTitle('(1) ClickSend Inbox');
  await expect(page.locator('label.chip', { has: page.getByRole('radio', { name: 'Unread' }) }).locator('.chip-count')).toHaveText('1');

  // An outbound message that fails (no credit), in a second conversation.
  simulator.addAccount({ ...ACCOUNT, balance: 0 });
  await page.keyboard.press('Control+n');
  await page.getByRole('dialog', { name: 'New message' }).getByLabel('To').fill('+61433333333');
  await page.keyboard.press('Enter');
  await ui.composer(page).fill('This will not go');
  await page.keyboard.press('Enter');
  await expect(ui.thread(page).getByRole('listitem').filter({ hasText: 'This will not go' })).toContainText('Failed');
  await expect(ui.row(page, '+61 433 333 333')).toContainText('Failed');

  await page.getByRole('radio', { name: 'Unread' }).check();
  await expect(page.getByText('1 conversation')).toBeVisible();
  await expect(ui.list(page)).toContainText('Second unread question');
  await page.getByRole('radio', { name: 'Failed' }).check();
  await expect(ui.list(page).getByRole('option')).toHaveCount(1);
  await expect(ui.list(page)).toContainText('This will not go');
  await page.getByRole('radio', { name: 'Scheduled' }).check();
  await expect(ui.list(page)).toContainText('No scheduled conversations.');

  await page.getByRole('radio', { name: 'All' }).check();
  const unread = ui.row(page, '+61 422 222 222');
  // The row says how many replies wait in it.
  await expect(unread.getByLabel('2 unread')).toBeVisible();
  await unread.click();
  await expect(unread.getByLabel('2 unread')).toBeHidden();
  await page.getByRole('button', { name: 'Mark unread' }).click();
  await expect(unread.getByLabel('1 unread')).toBeVisible();
});

test('ten thousand conversations scroll to the end, with only what is on screen in the page', async ({ app }) => {
  const { page, simulator } = app;
  simulator.seedHistory(ACCOUNT.username, 10_000, { conversations: 10_000 });
  await app.signIn();
  await expect(page.getByText('10,000 conversations')).toBeVisible({ timeout: 40_000 });
  const nav = ui.list(page);
  await nav.evaluate((el) => (el.scrollTop = el.scrollHeight));
  // The core may still be storing the first sync's pages; on a loaded machine the last page can take over 10 s to come.
  await expect(nav.getByRole('option').last()).not.toContainText('Loading…', { timeout: 30_000 });
  const last = await nav.getByRole('option').last().getAttribute('data-index');
  expect(Number(last)).toBe(9_999);
  expect(await nav.getByRole('option').count()).toBeLessThan(60);
  await nav.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  await expect(nav.getByRole('option').filter({ hasText: 'Loading…' })).toHaveCount(0);
});

test('a long thread: newest at the bottom, day separators, older pages as you scroll up, position kept', async ({ app }) => {
  const { page, simulator } = app;
  longConversation(app, 150);
  await app.signIn();
  await ui.row(page, '+61 422 222 222').click();
  const messages = ui.thread(page).getByRole('listitem');
  await expect(messages.filter({ hasText: 'Reply 149 note149' })).toBeInViewport();
  // Virtualised: far fewer items in the page than messages in the thread.
  expect(await messages.count()).toBeLessThan(80);

  const scroller = ui.thread(page).locator('.scroller');
  const separators = new Set<string>();
  for (let i = 0; i < 80 && !(await messages.filter({ hasText: 'Reply 0 note0' }).count()); i++) {
    for (const text of await ui.thread(page).locator('.day-separator').allTextContents()) separators.add(text);
    await scroller.evaluate((el) => el.scrollBy(0, -800));
    await page.waitForTimeout(100);
  }
  for (const text of await ui.thread(page).locator('.day-separator').allTextContents()) separators.add(text);
  // Five days of replies: Today, Yesterday, then dates.
  expect([...separators]).toEqual(expect.arrayContaining(['Today', 'Yesterday']));
  expect(separators.size).toBeGreaterThanOrEqual(4);
  await scroller.evaluate((el) => (el.scrollTop = 0));
  const first = messages.filter({ hasText: 'Reply 0 note0' });
  await expect(first).toBeInViewport();

  // A new reply arrives while reading old ones: the view stays where it is.
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'A brand new reply' });
  await expect(ui.list(page)).toContainText('A brand new reply');
  await page.waitForTimeout(300);
  await expect(first).toBeInViewport();
});

test('bodies are text: markup is shown, never run, and long words wrap', async ({ app }) => {
  const { page, simulator } = app;
  const long = 'x'.repeat(400);
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: '<img src=x onerror="document.title=\'owned\'"> hi' });
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: long });
  // The demo's own sample reply: its emoji drawn in colour, from the app's font where the system has none.
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Got it 👍' });
  await app.signIn();
  await ui.row(page, '+61 422 222 222').click();
  await expect(ui.thread(page)).toContainText('<img src=x onerror="document.title=\'owned\'"> hi');
  await expect(ui.thread(page).locator('img')).toHaveCount(0);
  expect(await page.title()).not.toBe('owned');
  const bubble = ui.thread(page).locator('.bubble').filter({ hasText: long });
  const [bubbleBox, scrollerBox] = [await bubble.boundingBox(), await ui.thread(page).locator('.scroller').boundingBox()];
  expect(bubbleBox!.width).toBeLessThan(scrollerBox!.width);

  const thumbs = ui.thread(page).locator('.bubble .body').filter({ hasText: 'Got it 👍' });
  await thumbs.scrollIntoViewIfNeeded();
  const emojiFontLoaded = () =>
    page.evaluate(() => {
      let loaded = false;
      document.fonts.forEach((f) => (loaded ||= f.family.includes('Inbox Emoji') && f.status === 'loaded'));
      return loaded;
    });
  await expect.poll(emojiFontLoaded).toBe(true);
  // An empty box is drawn in the text's grey; the emoji is yellow: count the coloured pixels.
  const { data, info } = await sharp(await thumbs.screenshot()).raw().toBuffer({ resolveWithObject: true });
  let coloured = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 80) coloured++;
  }
  expect(coloured).toBeGreaterThan(40);
});

test('the composer counts parts and encoding, prices the message, and Enter sends while Shift+Enter breaks the line', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Hi' });
  await app.signIn();
  await ui.row(page, '+61 422 222 222').click();

  await ui.composer(page).fill('Hello');
  await expect(page.getByLabel('Length')).toHaveText('5 of 160 characters · 1 text');
  await expect(page.getByLabel('Estimated cost')).toHaveText('≈ $0.08');
  await ui.composer(page).fill('a'.repeat(161));
  await expect(page.getByLabel('Length')).toHaveText('161 of 306 characters · 2 texts');
  await expect(page.getByLabel('Estimated cost')).toHaveText('≈ $0.16');
  await ui.composer(page).fill('See you then — thanks');
  await expect(page.getByLabel('Length')).toHaveText('21 of 70 characters · 1 text');
  await expect(page.getByRole('note')).toContainText('“—” is a special character, so each text holds 70 characters instead of 160.');

  // A paste longer than a message can be is cut at 1,600 characters, and said.
  await ui.composer(page).fill('x'.repeat(1_700));
  await expect(ui.composer(page)).toHaveValue('x'.repeat(1_600));
  await expect(page.getByRole('note').filter({ hasText: 'Only the first 1,600 characters were kept' })).toBeVisible();

  await ui.composer(page).fill('Line one');
  await ui.composer(page).press('Shift+Enter');
  await ui.composer(page).pressSequentially('line two');
  await expect(ui.composer(page)).toHaveValue('Line one\nline two');
  await ui.composer(page).press('Enter');
  await expect(ui.thread(page).getByRole('listitem').filter({ hasText: 'line two' })).toContainText(/Queued|Sent/);
  await expect(ui.composer(page)).toHaveValue('');
  expect(simulator.sent().map((s) => s.body)).toEqual(['Line one\nline two']);
});

test('a draft per conversation survives switching and restarting', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'From A' });
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'From B' });
  await app.signIn();
  await ui.row(page, '+61 422 222 222').click();
  await ui.composer(page).fill('Draft for A');
  await ui.row(page, '+61 433 333 333').click();
  await expect(ui.composer(page)).toHaveValue('');
  await ui.row(page, '+61 422 222 222').click();
  await expect(ui.composer(page)).toHaveValue('Draft for A');

  await page.waitForTimeout(600); // saved shortly after typing stops
  await app.restart();
  await ui.row(page, '+61 422 222 222').click();
  await expect(ui.composer(page)).toHaveValue('Draft for A');
});

test('new message: a number in national format, a contact by name, and a wrong number refused', async ({ app }) => {
  const { page, simulator } = app;
  // A contact made on the ClickSend dashboard.
  const customers = await app.dashboard('POST', '/lists', { list_name: 'Customers' });
  await app.dashboard('POST', `/lists/${String(customers.list_id)}/contacts`, { phone_number: '+61466666666', first_name: 'Ana', last_name: 'Lima' });
  await app.signIn();
  await expect(page.getByRole('status')).toContainText('Up to date');

  await page.getByRole('button', { name: 'New message' }).click();
  const dialog = page.getByRole('dialog', { name: 'New message' });
  await dialog.getByLabel('To').fill('12ab');
  await dialog.getByLabel('To').press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('phone number');
  await dialog.getByLabel('To').press('Escape');
  await expect(dialog).toBeHidden();

  await page.keyboard.press('Control+n');
  await dialog.getByLabel('To').fill('0455 555 555');
  await dialog.getByLabel('To').press('Enter');
  await expect(ui.thread(page).getByRole('heading')).toHaveText('+61 455 555 555');
  await ui.composer(page).fill('Welcome aboard');
  await ui.composer(page).press('Enter');
  await expect(ui.row(page, '+61 455 555 555')).toContainText('Welcome aboard');
  expect(simulator.sent().map((s) => s.to)).toEqual(['+61455555555']);

  await page.keyboard.press('Control+n');
  await dialog.getByLabel('To').fill('ana');
  await expect(dialog.getByRole('option', { name: /Ana Lima/ })).toBeVisible();
  await dialog.getByLabel('To').press('Enter');
  await expect(ui.thread(page).getByRole('heading')).toHaveText('Ana Lima');
});

test('a message written offline waits in the outbox, visibly, and goes out by itself once ClickSend is back', async ({ app }) => {
  const { page } = app;
  app.simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Are you there?' });
  await app.signIn();
  await ui.row(page, '+61 422 222 222').click();

  await app.stopSimulator();
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeVisible();
  await ui.composer(page).fill('Yes, back in a minute');
  await ui.composer(page).press('Enter');
  const waiting = ui.thread(page).getByRole('listitem').filter({ hasText: 'Yes, back in a minute' });
  await expect(waiting).toContainText('Waiting to send');

  const simulator = await app.startSimulatorAgain();
  await expect(waiting).toContainText(/Queued|Sent/, { timeout: 20_000 });
  await expect(page.getByRole('status')).not.toContainText('Offline');
  await page.waitForTimeout(2_000); // a few more passes: still sent once
  expect(simulator.sent().map((s) => s.body)).toEqual(['Yes, back in a minute']);
});

test('a search result opens its thread scrolled to the message; the keyboard moves between conversations', async ({ app }) => {
  const { page, simulator } = app;
  longConversation(app, 120, (i) => (i === 3 ? 'zebra crossing' : `note${i}`));
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61433333333', body: 'Other customer' });
  await app.signIn();
  await expect(ui.list(page)).toContainText('Other customer');

  await page.keyboard.press('Control+k');
  await page.keyboard.type('zebra');
  await page.getByRole('region', { name: 'Search results' }).getByRole('button', { name: /zebra/ }).click();
  const found = ui.thread(page).getByRole('listitem').filter({ hasText: 'Reply 3 zebra crossing' });
  await expect(found).toBeInViewport();
  await expect(found.locator('.bubble.focused')).toHaveCount(1);

  await page.keyboard.press('Alt+ArrowUp');
  await expect(ui.thread(page).getByRole('heading')).toHaveText('+61 433 333 333');
  await page.keyboard.press('Alt+ArrowDown');
  await expect(ui.thread(page).getByRole('heading')).toHaveText('+61 422 222 222');
});

test('screenshots of the main views, light and dark', async ({ app }, testInfo) => {
  const { page, simulator } = app;
  simulator.seedDemo(ACCOUNT.username);
  await app.signIn();
  await expect(page.getByRole('status')).toContainText('Up to date', { timeout: 20_000 });
  await ui.list(page).getByRole('option').first().click();
  await ui.composer(page).fill('Thanks — see you at 10');

  const setTheme = async (theme: 'light' | 'dark' | 'system') => {
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Conversations' }).click();
  };
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(theme);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const shot = async (name: string) => {
      const path = testInfo.outputPath(`${name}-${theme}.png`);
      await page.screenshot({ path });
      await testInfo.attach(`${name} (${theme})`, { path, contentType: 'image/png' });
    };
    await shot('inbox');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('thanks');
    await expect(page.getByRole('region', { name: 'Search results' })).toBeVisible();
    await shot('search');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+n');
    await shot('new-message');
    await page.keyboard.press('Escape');
  }
  // System: the page follows the system's choice, also when it changes while open.
  await page.emulateMedia({ colorScheme: 'light' });
  await setTheme('system');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(21, 24, 30)');
});

test('a message sent while reading far back is shown at once, wherever the reader was', async ({ app }) => {
  const { page } = app;
  longConversation(app, 150);
  await app.signIn();
  await ui.row(page, '+61 422 222 222').click();
  const messages = ui.thread(page).getByRole('listitem');
  await expect(messages.filter({ hasText: 'Reply 149 note149' })).toBeInViewport();
  await ui.thread(page).locator('.scroller').evaluate((el) => (el.scrollTop = 0));
  await expect(messages.filter({ hasText: 'Reply 149 note149' })).not.toBeInViewport();
  await ui.composer(page).fill('On my way now');
  await ui.composer(page).press('Enter');
  await expect(messages.filter({ hasText: 'On my way now' })).toBeInViewport();
});

test('a balance that moves while a message is priced asks ClickSend for no second price (a refusal is asked again: send-failures.spec)', async ({ app }) => {
  const { page, simulator } = app;
  const header = page.getByRole('banner');
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Can you confirm?' });
  await app.signIn();
  await ui.row(page, '+61 422 222 222').click();
  await ui.composer(page).fill('Confirmed for 10am');
  await expect(page.getByLabel('Estimated cost')).toHaveText('≈ $0.08');
  const prices = () => simulator.requests().filter((r) => r.path === '/sms/price').length;
  expect(prices()).toBe(1);

  // Spent elsewhere; coming back to the window reads the balance again. The price stands.
  simulator.addAccount({ ...ACCOUNT, balance: 20 });
  await app.refocusWindow();
  await expect(header.getByLabel('Balance')).toHaveText('$20.00');
  await page.waitForTimeout(1_500); // longer than the composer waits before it asks
  expect(prices()).toBe(1);
});

test('the text’s own symbols stay text: a price’s ≈ does not fetch or draw the emoji font', async ({ app }) => {
  const { page, simulator } = app;
  simulator.injectInbound({ username: ACCOUNT.username, from: '+61422222222', body: 'Can you confirm → Tuesday?' });
  await app.signIn();
  await ui.row(page, '+61 422 222 222').click();
  await ui.composer(page).fill('Confirmed ✔');
  await expect(page.getByLabel('Estimated cost')).toHaveText('≈ $0.08');
  const emojiFont = () =>
    page.evaluate(() => {
      let status = 'absent';
      document.fonts.forEach((f) => void (f.family.includes('Inbox Emoji') && (status = f.status)));
      return status;
    });
  expect(await emojiFont()).toBe('unloaded');
});
