// Issue 26, item 3: the API base URL takes https, or plain http only to this
// computer, refused in words where it is typed; a new server signs the
// account out and the sign-in screen says why, so the key is entered again
// for that server. A second simulator stands in for the new server.
import { startSimulator } from '../simulator/server';
import { ACCOUNT, expect, test } from './fixtures';

test('a plain-http address elsewhere is refused in words; a new server asks for the key again and says why', async ({ app }) => {
  const { page } = app;
  const other = await startSimulator({ accounts: [ACCOUNT] });
  try {
    await app.signIn();
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByText('Advanced').click();
    const address = page.getByLabel('API base URL', { exact: true });

    await address.fill('http://evil.example/v3');
    await page.getByRole('button', { name: 'Save API base URL' }).click();
    await expect(page.getByRole('alert')).toContainText('Use an https address; plain http is allowed only for this computer');

    await address.fill(other.url);
    await page.getByRole('button', { name: 'Save API base URL' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByText(`The API address is now ${new URL(other.url).origin}, so the saved API keys were forgotten`)).toBeVisible();
    expect(other.requests()).toEqual([]);

    await app.signIn();
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
    expect(other.requests().some((r) => r.path === '/account')).toBe(true);
  } finally {
    await other.close();
  }
});
