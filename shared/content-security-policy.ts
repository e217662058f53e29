// The page's Content-Security-Policy: in index.html's meta tag (browser mode,
// and before any header applies) and as a response header from the Electron
// shell. A test checks the two say the same. connect-src 'self': a picture
// being attached is streamed to the app's own media route.
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'";
