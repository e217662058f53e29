import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { sniffImage } from './image-type';
import { PARCEL_JPEG_BASE64, SHELF_JPEG_BASE64 } from './sample-images';
import { bmp1x1, ftyp, makePicture } from '../test-support/pictures';

describe('sniffImage', () => {
  it('knows jpeg, png, gif and webp made by a real encoder', async () => {
    for (const format of ['jpeg', 'png', 'gif', 'webp'] as const) {
      expect(sniffImage(await makePicture(format))).toBe(format);
    }
  });

  it('knows a BMP by its header, and HEIC/HEIF by the ftyp brand', () => {
    expect(sniffImage(bmp1x1())).toBe('bmp');
    expect(sniffImage(ftyp('heic'))).toBe('heic');
    expect(sniffImage(ftyp('heix'))).toBe('heic');
    expect(sniffImage(ftyp('mif1'))).toBe('heif');
    expect(sniffImage(ftyp('heif'))).toBe('heif');
  });

  it('refuses what only looks like a picture', () => {
    expect(sniffImage(Buffer.from('<html><body>Hello</body></html>'))).toBeNull();
    expect(sniffImage(Buffer.from('BM is not a bitmap, even when this line is long enough'))).toBeNull();
    expect(sniffImage(ftyp('isom', ['mp41']))).toBeNull(); // an MP4 video
    expect(sniffImage(ftyp('avif', ['mif1']))).toBeNull(); // AVIF is not on ClickSend's list
    expect(sniffImage(Buffer.from('RIFF\0\0\0\0WAVEfmt '))).toBeNull();
    expect(sniffImage(Buffer.alloc(0))).toBeNull();
    expect(sniffImage(Buffer.from([0xff, 0xd8]))).toBeNull();
  });

  it('the built-in sample pictures are real JPEGs', async () => {
    for (const base64 of [PARCEL_JPEG_BASE64, SHELF_JPEG_BASE64]) {
      const bytes = Buffer.from(base64, 'base64');
      expect(sniffImage(bytes)).toBe('jpeg');
      const meta = await sharp(bytes).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 240, 180]);
      expect(bytes.length).toBeLessThan(30_000); // small enough for any handset
      await sharp(bytes).raw().toBuffer(); // decodes to the end
    }
  });
});
