// electron-builder.yml, checked the way electron-builder checks it (its own
// configuration schema and rules), and every file it names present: a typo
// here would otherwise surface only when a release is built on each OS.
import { existsSync, readFileSync } from 'node:fs';
import { DebugLogger } from 'builder-util';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const config = load(readFileSync('electron-builder.yml', 'utf8')) as Configuration;

describe('packaging', () => {
  it('electron-builder.yml passes electron-builder’s own configuration schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the schema check is real: a misspelt key is refused', async () => {
    await expect(validateConfiguration({ ...config, appIdd: 'x' } as Configuration, new DebugLogger(false))).rejects.toThrow(/appIdd/);
  });

  it('every file the build names exists', () => {
    const named = [
      config.afterPack,
      config.win?.icon,
      config.mac?.icon,
      config.mac?.entitlements,
      config.mac?.entitlementsInherit,
      config.linux?.icon,
      `${config.directories?.buildResources}/tray.png`,
      `${config.directories?.buildResources}/trayTemplate.png`,
      `${config.directories?.buildResources}/badge.png`,
    ];
    for (const file of named) {
      expect(typeof file, String(file)).toBe('string');
      expect(existsSync(file as string), String(file)).toBe(true);
    }
  });
});
