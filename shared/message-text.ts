// Characters a text message must not carry: control characters other than
// line breaks and tabs (phones show nothing or garbage, and NUL ends a string
// in many gateways) and halves of a surrogate pair (text cut mid-emoji).

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const codePoint = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why this text cannot be sent as it is, or null when it can. */
export function unsendableCharacter(text: string): string | null {
  const control = CONTROL.exec(text);
  if (control) return `The message contains an invisible control character (${codePoint(control[0])}) that phones cannot show. Remove it and send again.`;
  const half = LONE_SURROGATE.exec(text);
  if (half) return `The message contains a broken character (${codePoint(half[0])}, half of an emoji or symbol). Remove it and send again.`;
  return null;
}
