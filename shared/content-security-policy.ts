// The page's Content-Security-Policy: in index.html's meta tag (browser mode,
// and before any header applies) and as a response header from the Electron
// shell. A test checks the two say the same. connect-src 'self': a picture
// being attached is streamed to the app's own media route.
/** The policy; `connectToo` is what else the page may connect to (browser mode's WebSocket). */
export function contentSecurityPolicy(connectToo: string[] = []): string {
  const connect = ["'self'", ...connectToo].join(' ');
  return `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src ${connect}; font-src 'self'; base-uri 'none'; form-action 'none'`;
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();
