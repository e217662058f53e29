// Where the API key may go. Every request carries it (Basic user:key), so an
// API address is https to any host, or plain http only to this computer (the
// simulator, a local gateway): on a network, plain http hands the key to
// whoever is on the path. The setting's schema and the client both ask this.

const EXAMPLE = 'https://rest.clicksend.com/v3';

/** 127.0.0.0/8, [::1] and localhost; the URL parser has already normalised forms such as 127.1 or 0x7f.0.0.1. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** Why this address may not be given the key, in words; null when it may. */
export function apiAddressProblem(address: string): string | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return `Enter a full URL, such as ${EXAMPLE}.`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `Use an https address, such as ${EXAMPLE}.`;
  if (url.username || url.password) return 'Leave the user name and password out of the address: the app signs in with your API key.';
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return 'Use an https address; plain http is allowed only for this computer (127.0.0.1 or localhost).';
  }
  return null;
}

/** Scheme, host and port: what a key is entered for (a different path is the same server). */
export function apiOrigin(address: string): string {
  try {
    return new URL(address).origin;
  } catch {
    return address;
  }
}
