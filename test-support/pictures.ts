// Real pictures for the simulator's tests, made by sharp (tests only: the
// simulator itself never loads an image library), plus hand-made BMP and
// HEIF headers, which sharp cannot write.
import sharp from 'sharp';

export type MadeFormat = 'jpeg' | 'png' | 'gif' | 'webp';

export async function makePicture(format: MadeFormat, width = 8, height = 6): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 60, b: 40 } } });
  return image.toFormat(format).toBuffer();
}

/** A complete 1×1 24-bit BMP (file header, BITMAPINFOHEADER, one padded row). */
export function bmp1x1(): Buffer {
  const b = Buffer.alloc(58);
  b.write('BM', 0, 'ascii');
  b.writeUInt32LE(58, 2); // file size
  b.writeUInt32LE(54, 10); // pixel data offset
  b.writeUInt32LE(40, 14); // info header size
  b.writeInt32LE(1, 18); // width
  b.writeInt32LE(1, 22); // height
  b.writeUInt16LE(1, 26); // planes
  b.writeUInt16LE(24, 28); // bits per pixel
  b.writeUInt32LE(4, 34); // image size
  b.set([40, 60, 200, 0], 54); // one BGR pixel + padding
  return b;
}

/** The opening ftyp box of an ISO-BMFF file with this major brand (what sniffing reads). */
export function ftyp(major: string, compatible: string[] = ['mif1']): Buffer {
  const size = 16 + 4 * compatible.length;
  const b = Buffer.alloc(size);
  b.writeUInt32BE(size, 0);
  b.write('ftyp', 4, 'ascii');
  b.write(major, 8, 'ascii');
  compatible.forEach((brand, i) => b.write(brand, 16 + 4 * i, 'ascii'));
  return b;
}

/** ClickSend's own upload example: an HTML page, which cannot become an MMS. */
export const OFFICIAL_EXAMPLE_HTML_BASE64 =
  'PGh0bWw+PGhlYWQ+PHN0eWxlIHR5cGU9InRleHQvY3NzIj5ib2R5IHsgZm9udC1mYW1pbHk6J0FyaWFsJzsgfTwvc3R5bGU+PHRpdGxlPkhpPC90aXRsZT48' +
  'L2hlYWQ+PGJvZHk+PGgxPkhlbGxvIHRoZXJlPC9oMT48aDI+SG93IGFyZSB5b3UgdG9kYXk/PC9oMj48L2JvZHk+PC9odG1sPg==';
