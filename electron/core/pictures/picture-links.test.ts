// The rule every picture link meets before it is requested, the first and each
// redirect: https to the internet; plain http and loopback only at the
// simulator's own origin.
import { describe, expect, it } from 'vitest';
import { linkRefusal } from './picture-links';

describe('picture links', () => {
  it('with a real API: https to the internet only, never this computer or a private network', () => {
    for (const link of ['https://s3.amazonaws.com/clicksend/a.jpg', 'https://8.8.8.8/a.jpg', 'https://[2606:4700::1111]/a.jpg', 'https://172.32.0.1/a.jpg']) {
      expect([link, linkRefusal(link, null)]).toEqual([link, null]);
    }
    const internal = [
      'https://127.0.0.1/a.jpg', 'https://127.9.9.9:8443/a.jpg', 'https://localhost/a.jpg', 'https://LOCALHOST./a.jpg', 'https://pics.localhost/a.jpg',
      'https://10.1.2.3/a.jpg', 'https://172.16.0.1/a.jpg', 'https://172.31.255.255/a.jpg', 'https://192.168.1.1/a.jpg', 'https://169.254.169.254/latest/meta-data/',
      'https://100.64.0.1/a.jpg', 'https://0.0.0.0/a.jpg', 'https://224.0.0.1/a.jpg',
      'https://[::1]/a.jpg', 'https://[::]/a.jpg', 'https://[::ffff:127.0.0.1]/a.jpg', 'https://[::ffff:10.0.0.1]/a.jpg', 'https://[64:ff9b::a9fe:a9fe]/a.jpg',
      'https://[fd00::1]/a.jpg', 'https://[fe80::1]/a.jpg', 'https://[ff02::1]/a.jpg',
      // Other spellings of 127.0.0.1 that the URL parser reads as it.
      'https://2130706433/a.jpg', 'https://0x7f.1/a.jpg', 'https://127.1/a.jpg',
      // Names only a local network answers.
      'https://metadata/computeMetadata/v1/', 'https://metadata.google.internal/a.jpg', 'https://printer.local/a.jpg', 'https://nas.home.arpa/a.jpg',
    ];
    for (const link of internal) expect([link, linkRefusal(link, null)]).toEqual([link, 'internal']);
    for (const link of ['http://s3.amazonaws.com/a.jpg', 'http://127.0.0.1/a.jpg', 'ftp://example.com/a.jpg', 'file:///etc/passwd', 'not a link']) {
      expect([link, linkRefusal(link, null)]).toEqual([link, 'insecure']);
    }
  });

  it('with the API on this computer: its own origin only, over http too; any other loopback port or host is refused', () => {
    const api = 'http://127.0.0.1:4010';
    expect(linkRefusal('http://127.0.0.1:4010/_media/a.jpg', api)).toBeNull();
    expect(linkRefusal('http://127.0.0.1:4011/_media/a.jpg', api)).toBe('insecure');
    expect(linkRefusal('http://localhost:4010/_media/a.jpg', api)).toBe('insecure');
    expect(linkRefusal('https://127.0.0.1:4010/_media/a.jpg', api)).toBe('internal');
    expect(linkRefusal('https://127.0.0.1:4011/_media/a.jpg', api)).toBe('internal');
    expect(linkRefusal('https://192.168.1.1/a.jpg', api)).toBe('internal');
    expect(linkRefusal('https://s3.amazonaws.com/a.jpg', api)).toBeNull();
    expect(linkRefusal('http://s3.amazonaws.com/a.jpg', api)).toBe('insecure');
  });
});
