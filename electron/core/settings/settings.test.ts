import Conf from 'conf';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/contract';
import { usePermissiveUmask } from '../../../test-support/umask';
import { fileSettings } from './settings';

const folder = () => mkdtempSync(join(tmpdir(), 'inbox-settings-'));

describe('settings file', () => {
  it('starts from the defaults and keeps what is changed across restarts', () => {
    const dir = folder();
    expect(fileSettings(dir, undefined, 'linux').read()).toEqual({ ...DEFAULT_SETTINGS, closeToTray: true });
    fileSettings(dir).update({ theme: 'dark', defaultCountry: 'NZ' });
    expect(fileSettings(dir, undefined, 'darwin').read()).toEqual({ ...DEFAULT_SETTINGS, closeToTray: false, theme: 'dark', defaultCountry: 'NZ' });
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ theme: 'dark' });
  });

  it('refuses an invalid value and keeps the old one', () => {
    const dir = folder();
    const settings = fileSettings(dir);
    expect(() => settings.update({ defaultCountry: 'Australia' })).toThrow(/two-letter country code/);
    expect(settings.read().defaultCountry).toBeNull();
  });

  it.each([
    ['not JSON', '{"theme": "dark",'],
    ['the wrong shape', '{"theme": 42}'],
    ['binary', '\u0000\u0001\u0002'],
  ])('keeps a file that is %s aside, resets to the defaults and says so', (_name, content) => {
    const dir = folder();
    writeFileSync(join(dir, 'settings.json'), content);
    const settings = fileSettings(dir);
    expect(settings.read()).toEqual({ ...DEFAULT_SETTINGS, closeToTray: process.platform !== 'darwin' });
    expect(settings.notice).toMatch(/could not be read/);
    const aside = readdirSync(dir).find((f) => f.startsWith('settings.corrupt-'));
    expect(readFileSync(join(dir, aside!), 'utf8')).toBe(content);
  });

  it('clears only an API address an older version took (plain http to another computer), keeps the rest, and says why', () => {
    const dir = folder();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ theme: 'dark', apiBaseUrl: 'http://gateway.example/v3' }));
    const settings = fileSettings(dir);
    expect(settings.read()).toMatchObject({ theme: 'dark', apiBaseUrl: null });
    expect(settings.notice).toBe('The API base URL in the settings was cleared: Use an https address; plain http is allowed only for this computer (127.0.0.1 or localhost).');
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ theme: 'dark', apiBaseUrl: null });
  });

  describe('readable by this user only, whatever the umask', () => {
    usePermissiveUmask();

    it.each([
      ['browser mode’s own file', undefined],
      // electron-store is conf with Electron's paths: the desktop app's settings file is written by this.
      ['the desktop app’s electron-store (conf)', (options: ConstructorParameters<typeof Conf<Settings>>[0]) => new Conf<Settings>(options)],
    ])('%s: the folder 0700, settings.json 0600', (_name, open) => {
      const dir = join(folder(), 'ClickSend Inbox');
      fileSettings(dir, open).update({ theme: 'dark' });
      expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ theme: 'dark' });
      expect(statSync(join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
    });
  });
});
