import { describe, expect, it } from 'vitest';
import { createLogger, redact, registerSecret } from './log';

describe('log redaction', () => {
  it('hides a registered API key wherever it appears', () => {
    registerSecret('F3B1-9C2D-KEY-5678');
    expect(redact('signing in with F3B1-9C2D-KEY-5678 failed')).toBe('signing in with [redacted] failed');
  });

  it('hides Basic authorisation values', () => {
    expect(redact('Authorization: Basic dXNlcjprZXk=')).toBe('Authorization: Basic [redacted]');
  });

  it('masks phone numbers in any common form, keeping the last three digits', () => {
    expect(redact('send to +61422222123 failed')).toBe('send to +••••••••123 failed');
    expect(redact('from 0422 222 987')).toBe('from •••••••987');
    expect(redact('+1 415-555-2671')).toBe('+••••••••671');
  });

  it('leaves what is not a phone number alone', () => {
    expect(redact('GET /sms/history?page=12&limit=100 took 85 ms')).toBe('GET /sms/history?page=12&limit=100 took 85 ms');
    expect(redact('message 1EF11A95-31A2-6B70-A3E2-750B2DF4583F')).toBe('message 1EF11A95-31A2-6B70-A3E2-750B2DF4583F');
    expect(redact('version 1.2.3456789')).toBe('version 1.2.3456789');
  });

  it('redacts every part a logger is given, errors and objects included', () => {
    const lines: unknown[][] = [];
    const log = createLogger({ error: (...p) => lines.push(p), warn: (...p) => lines.push(p), info: (...p) => lines.push(p) }, true);
    registerSecret('another-secret-key');
    log.error('failed for +61422222123', new Error('key another-secret-key refused'), { to: '+61433333456' });
    log.info('ok');
    expect(lines).toEqual([
      ['failed for +••••••••123', 'Error: key [redacted] refused', '{"to":"+••••••••456"}'],
      ['ok'],
    ]);
    expect(JSON.stringify(lines)).not.toContain('another-secret-key');
  });
});
