// electron-builder.yml, checked the way electron-builder checks it (its own
// configuration schema and rules), and every file it names present: a typo
// here would otherwise surface only when a release is built on each OS. The
// afterPack hook runs for real on a stand-in binary carrying Electron's fuse wire.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { DebugLogger } from 'builder-util';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const config = load(readFileSync('electron-builder.yml', 'utf8')) as Configuration;

const afterPack = (createRequire(import.meta.url)('../../scripts/after-pack.cjs') as { default: (context: unknown) => Promise<void> }).default;
// @electron/fuses' sentinel, then the wire: version 1, its length, one byte a fuse ('0' off, '1' on).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's own defaults, fuse by fuse (FuseV1Options order). */
const ELECTRON_DEFAULTS = '10110001';

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

  for (const platform of ['linux', 'win32'] as const) {
    it(`afterPack sets every fuse the app relies on (${platform}), file: pages' extra privileges off among them`, async () => {
      const appOutDir = mkdtempSync(join(tmpdir(), 'inbox-fuses-'));
      const binary = join(appOutDir, platform === 'win32' ? 'ClickSend Inbox.exe' : 'clicksend-inbox');
      writeFileSync(binary, Buffer.concat([Buffer.alloc(64, 7), Buffer.from(SENTINEL), Buffer.from([1, ELECTRON_DEFAULTS.length]), Buffer.from(ELECTRON_DEFAULTS), Buffer.alloc(64, 7)]));
      await afterPack({
        appOutDir,
        electronPlatformName: platform,
        packager: { appInfo: { productFilename: 'ClickSend Inbox' }, executableName: 'clicksend-inbox' },
      });
      const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, number>;
      const state = (fuse: FuseV1Options) => String.fromCharCode(wire[fuse]!);
      expect({
        RunAsNode: state(FuseV1Options.RunAsNode),
        EnableCookieEncryption: state(FuseV1Options.EnableCookieEncryption),
        EnableNodeOptionsEnvironmentVariable: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
        EnableNodeCliInspectArguments: state(FuseV1Options.EnableNodeCliInspectArguments),
        EnableEmbeddedAsarIntegrityValidation: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
        OnlyLoadAppFromAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
        GrantFileProtocolExtraPrivileges: state(FuseV1Options.GrantFileProtocolExtraPrivileges),
      }).toEqual({
        RunAsNode: '0',
        EnableCookieEncryption: '1',
        EnableNodeOptionsEnvironmentVariable: '0',
        EnableNodeCliInspectArguments: '0',
        EnableEmbeddedAsarIntegrityValidation: '1',
        OnlyLoadAppFromAsar: '1',
        GrantFileProtocolExtraPrivileges: '0',
      });
    });
  }
});
