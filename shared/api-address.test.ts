import { describe, expect, it } from 'vitest';
import { apiAddressProblem, apiOrigin } from './api-address';
import { Settings } from './contract';

describe('where the API key may go', () => {
  it.each([
    'https://rest.clicksend.com/v3',
    'https://evil.example',
    'https://gateway.example:8443/clicksend/v3',
    'http://127.0.0.1:4010/v3',
    'http://127.8.9.10/v3',
    'http://127.1:4010',
    'http://localhost:4010/v3',
    'http://LOCALHOST:4010',
    'http://[::1]:4010/v3',
  ])('allows %s', (address) => {
    expect(apiAddressProblem(address)).toBeNull();
  });

  it.each([
    ['http://evil.example/v3', /https address; plain http is allowed only for this computer/],
    ['http://192.168.1.20/v3', /plain http is allowed only for this computer/],
    ['http://127.0.0.1.nip.io/v3', /plain http is allowed only for this computer/],
    ['http://localhost.evil.example', /plain http is allowed only for this computer/],
    ['http://[::ffff:127.0.0.1]/v3', /plain http is allowed only for this computer/],
    ['https://user:secret@rest.clicksend.com/v3', /Leave the user name and password out/],
    ['http://user@127.0.0.1:4010', /Leave the user name and password out/],
    ['ftp://rest.clicksend.com/v3', /Use an https address/],
    ['javascript:alert(1)', /Use an https address/],
    ['rest.clicksend.com/v3', /Enter a full URL/],
  ])('refuses %s in words', (address, words) => {
    expect(apiAddressProblem(address)).toMatch(words);
  });

  it('is the settings schema’s rule', () => {
    const refused = Settings.shape.apiBaseUrl.safeParse('http://evil.example/v3');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/plain http is allowed only for this computer/);
    expect(Settings.shape.apiBaseUrl.safeParse('https://evil.example').success).toBe(true);
    expect(Settings.shape.apiBaseUrl.safeParse(null).success).toBe(true);
  });

  it('compares servers by scheme, host and port, not path', () => {
    expect(apiOrigin('https://rest.clicksend.com/v3')).toBe(apiOrigin('https://rest.clicksend.com/other'));
    expect(apiOrigin('http://127.0.0.1:4010/v3')).not.toBe(apiOrigin('http://127.0.0.1:4011/v3'));
    expect(apiOrigin('http://127.0.0.1/v3')).not.toBe(apiOrigin('https://127.0.0.1/v3'));
  });
});
