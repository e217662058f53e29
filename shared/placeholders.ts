// Template placeholders such as {first_name}, filled from a contact. What
// cannot be filled stays visible in the text and is reported, so the composer
// can refuse to send literal braces by accident.

export const PLACEHOLDERS = ['first_name', 'last_name', 'phone', 'email', 'custom_1', 'custom_2', 'custom_3', 'custom_4'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type PlaceholderValues = Partial<Record<Placeholder, string | null>>;

export interface Filled {
  text: string;
  /** Known placeholders this contact has no value for. */
  missing: Placeholder[];
  /** Placeholders the app does not know, e.g. {time}: left for the user to replace. */
  unknown: string[];
  /** A "{" with no "}" after it. */
  unclosed: boolean;
}

const TOKEN = /\{\s*([A-Za-z0-9_][A-Za-z0-9_ ]{0,39}?)\s*\}/g;

function key(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, '_');
}

function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

export function fillPlaceholders(body: string, values: PlaceholderValues): Filled {
  const missing = new Set<Placeholder>();
  const unknown = new Set<string>();
  const text = body.replace(TOKEN, (whole, name: string) => {
    const k = key(name);
    if (!isPlaceholder(k)) {
      unknown.add(`{${name.trim()}}`);
      return whole;
    }
    const value = values[k]?.trim();
    if (!value) {
      missing.add(k);
      return whole;
    }
    return value;
  });
  return { text, missing: [...missing], unknown: [...unknown], unclosed: hasUnclosedBrace(body) };
}

/** Placeholders still in a text about to be sent, e.g. ["{first_name}"]. */
export function unresolvedPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(TOKEN)].map((m) => `{${m[1]!.trim()}}`))];
}

export function hasUnclosedBrace(text: string): boolean {
  const open = text.lastIndexOf('{');
  return open >= 0 && text.indexOf('}', open) === -1;
}
