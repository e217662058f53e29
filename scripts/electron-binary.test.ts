import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm start without the Electron binary', () => {
  it('says so in one line that names browser mode, without a stack trace', () => {
    const result = spawnSync(process.execPath, ['scripts/electron-binary.mjs', 'start'], {
      encoding: 'utf8',
      env: { ...process.env, INBOX_ELECTRON_BINARY: '/nonexistent/electron', INBOX_SKIP_ELECTRON_DOWNLOAD: '1' },
    });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Electron binary is not installed/);
    expect(lines[0]).toContain('npm run start:web');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
