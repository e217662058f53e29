// The colours a PDF paints areas with (a fill of a path, as a page background
// or a box is painted; text is not counted), read from its content streams.
// Chromium writes them as "r g b rg" then a path and "f".
import { inflateSync } from 'node:zlib';

/** Each painted area's fill colour as [r, g, b] in 0–1, in the order painted. */
export function pdfAreaFills(pdf: Buffer): Array<[number, number, number]> {
  const text = pdf.toString('latin1');
  const fills: Array<[number, number, number]> = [];
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(Buffer.from(text.slice(start, end), 'latin1')).toString('latin1');
    } catch {
      continue; // not a compressed content stream (an image, a font)
    }
    let colour: [number, number, number] = [0, 0, 0];
    for (const op of content.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) rg|(?:^|\s)f\*?(?=\s|$)/g)) {
      if (op[1] !== undefined) colour = [Number(op[1]), Number(op[2]), Number(op[3])];
      else fills.push(colour);
    }
  }
  return fills;
}

/** Relative luminance (WCAG), 0 black to 1 white. */
export function luminance([r, g, b]: [number, number, number]): number {
  const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}
