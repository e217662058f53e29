// Which links the core may ask for a picture, checked for the first URL and
// for every redirect before it is requested: https to a host on the
// internet. A link into this computer or a private network (localhost, the
// cloud's 169.254.169.254 metadata, a router at 192.168.1.1) would let a
// picture URL make the app request things only it can reach. The one
// exception is the API's own origin when the API runs on this computer (the
// simulator): there plain http and loopback are allowed, and only there.
//
// Left open: a DNS name that resolves to an internal address is allowed, as
// its address is not known until fetch connects. Closing that needs the
// address checked at connect time (a lookup hook on the HTTP agent).

export type LinkRefusal = 'insecure' | 'internal';

/** Why the app will not request this link, or null when it may. */
export function linkRefusal(link: string, loopbackOrigin: string | null): LinkRefusal | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return 'insecure';
  }
  if (loopbackOrigin !== null && url.origin === loopbackOrigin) return null;
  if (url.protocol !== 'https:') return 'insecure';
  return isInternalHost(url.hostname) ? 'internal' : null;
}

/** The URL parser has already turned 2130706433, 0x7f.1 and [::ffff:127.0.0.1] into their plain forms. */
function isInternalHost(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  if (name.startsWith('[')) return isInternalIpv6(ipv6Groups(name.slice(1, -1)));
  const ipv4 = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(name);
  if (ipv4) return isInternalIpv4(Number(ipv4[1]), Number(ipv4[2]));
  // A single label ("localhost", "metadata", "intranet") is found through the local network's search domains.
  return !name.includes('.') || /\.(localhost|local|internal|home\.arpa)$/.test(name);
}

/** This network, private, shared (carrier NAT), loopback, link-local, benchmarking, multicast and reserved. */
function isInternalIpv4(a: number, b: number): boolean {
  return (
    a === 0 || a === 10 || a === 127 || a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) || (a === 198 && (b === 18 || b === 19))
  );
}

function ipv6Groups(text: string): number[] {
  const [head = '', tail] = text.split('::');
  const groups = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  if (tail === undefined) return groups(head);
  const [h, t] = [groups(head), groups(tail)];
  return [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t];
}

/** Unspecified, loopback and IPv4 inside IPv6 (mapped, compatible, NAT64), unique local, link- and site-local, multicast. */
function isInternalIpv6([g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0]: number[]): boolean {
  return (
    (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0) || (g0 === 0x64 && g1 === 0xff9b) ||
    (g0 & 0xfe00) === 0xfc00 || (g0 & 0xffc0) === 0xfe80 || (g0 & 0xffc0) === 0xfec0 || (g0 & 0xff00) === 0xff00
  );
}
