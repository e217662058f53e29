// What a file is, read from its first bytes: a name or a Content-Type header
// says what something claims to be, the bytes what it is.
export type PictureType = 'jpeg' | 'png' | 'gif' | 'bmp' | 'webp' | 'heic';

export const CONTENT_TYPES: Record<PictureType, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  bmp: 'image/bmp',
  webp: 'image/webp',
  heic: 'image/heic',
};

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'heif']);

export function pictureType(bytes: Uint8Array): PictureType | null {
  const b = bytes;
  const ascii = (from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && ascii(1, 4) === 'PNG' && b[0] === 0x89) return 'png';
  if (b.length >= 6 && (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')) return 'gif';
  if (b.length >= 14 && ascii(0, 2) === 'BM') return 'bmp';
  if (b.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (b.length >= 12 && ascii(4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(8, 12))) return 'heic';
  return null;
}

/** Shown in the page as they are (Chromium draws these); HEIC is not. */
export function browserShows(type: PictureType): boolean {
  return type !== 'heic';
}
