// What kind of picture a file is, from its first bytes (magic numbers), as an
// upload service must decide before converting it. Never trusts a file name.

export type ImageType = 'jpeg' | 'png' | 'gif' | 'bmp' | 'heic' | 'heif' | 'webp';

export const CONTENT_TYPES: Record<ImageType, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  bmp: 'image/bmp',
  heic: 'image/heic',
  heif: 'image/heif',
  webp: 'image/webp',
};

const ascii = (bytes: Uint8Array, start: number, end: number): string =>
  String.fromCharCode(...bytes.subarray(start, end));

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Sizes of the BMP info headers that exist (core, v1..v5, OS/2 2). */
const BMP_DIB_SIZES = new Set([12, 16, 40, 52, 56, 64, 108, 124]);
/** ISO-BMFF major brands of HEIF files: heic/heix are HEVC coded, mif1/msf1/heif the generic image brands. */
const HEIF_BRANDS: Record<string, ImageType> = { heic: 'heic', heix: 'heic', heim: 'heic', heis: 'heic', mif1: 'heif', msf1: 'heif', heif: 'heif' };

/** The picture type, or null when the bytes are not one of the supported images. */
export function sniffImage(bytes: Uint8Array): ImageType | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'png';
  if (bytes.length >= 6 && (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a')) return 'gif';
  if (bytes.length >= 26 && ascii(bytes, 0, 2) === 'BM') {
    // "BM" alone starts plenty of text files; the info header size after the 14-byte file header must be real.
    const dib = (bytes[14] ?? 0) | ((bytes[15] ?? 0) << 8) | ((bytes[16] ?? 0) << 16) | ((bytes[17] ?? 0) << 24);
    if (BMP_DIB_SIZES.has(dib)) return 'bmp';
  }
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') {
    const brand = HEIF_BRANDS[ascii(bytes, 8, 12)];
    if (brand) return brand;
  }
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  return null;
}
