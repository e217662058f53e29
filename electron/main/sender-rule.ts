// Which frames may talk to the core: the app's own page, told by its parsed
// scheme and host (with the port, for the dev server). Never by a string
// prefix: Chromium writes a URL its own way (percent-escaped, forward
// slashes), so a prefix built from a file path never matched an installed app.
export function isOwnPage(frameUrl: string, allowedOrigin: string): boolean {
  const frame = parse(frameUrl);
  const allowed = parse(allowedOrigin);
  if (!frame || !allowed || allowed.host === '') return false;
  // Node gives every non-special scheme (app:) the origin 'null', so the parts are compared instead.
  return frame.protocol === allowed.protocol && frame.host === allowed.host && frame.username === '' && frame.password === '';
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
