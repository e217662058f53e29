import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/contract';
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
});
