// Making an attached file ready to be a picture message, before any request:
// what it is (by its bytes), whether it is whole, and whether ClickSend takes
// it at its size. ClickSend takes one picture of at most 250 kB; a larger
// one is scaled down here (sharp, off the main thread) and the user told.
// jpg and gif go as they are; png, bmp and heic are converted by ClickSend's
// upload (convert=mms); webp, which ClickSend does not list, becomes a JPEG.
import sharp from 'sharp';
import { PICTURE_INPUT_MAX_BYTES, PICTURE_SEND_MAX_BYTES } from '../../../shared/picture-messages';
import { InboxError } from '../errors/inbox-error';
import { pictureType, type PictureType } from './picture-types';

export interface PreparedBytes {
  bytes: Buffer;
  type: PictureType;
  /** What was done to it, in words; null when it goes as it is. */
  note: string | null;
}

const SIZES = [1600, 1280, 1024, 800, 640, 480, 320];
const QUALITIES = [82, 70, 58];

export function sizeInWords(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}

export function refuseTooLarge(name: string, size: number): InboxError {
  return new InboxError(
    'PICTURE_TOO_LARGE',
    `“${name}” is ${sizeInWords(size)}: the app makes pictures of up to ${sizeInWords(PICTURE_INPUT_MAX_BYTES)} small enough to send, not larger.`,
    'Choose a smaller photo, or save a smaller copy first.',
  );
}

export async function preparePicture(name: string, input: Buffer): Promise<PreparedBytes> {
  if (input.length > PICTURE_INPUT_MAX_BYTES) throw refuseTooLarge(name, input.length);
  const type = pictureType(input);
  if (type === null) {
    throw new InboxError(
      'NOT_A_PICTURE',
      `“${name}” is not a picture, so it cannot be sent as one.`,
      'Attach a photo: JPEG, PNG, GIF, BMP, WebP or HEIC.',
    );
  }
  const whole = await decodes(input);
  // HEIC: libvips here may lack the HEVC decoder; ClickSend's upload converts it.
  if (!whole && type !== 'heic') {
    throw new InboxError('DAMAGED_PICTURE', `“${name}” looks like a picture but is damaged or incomplete.`, 'Save the photo again and attach the new copy.');
  }
  if (input.length <= PICTURE_SEND_MAX_BYTES) {
    if (type === 'webp') return { bytes: await asJpeg(input, 90), type: 'jpeg', note: 'Sent as a JPEG: ClickSend does not take WebP.' };
    return { bytes: input, type, note: null };
  }
  if (!whole) {
    throw new InboxError(
      'PICTURE_TOO_LARGE',
      `“${name}” is ${sizeInWords(input.length)}, more than ClickSend takes (250 kB), and this HEIC photo cannot be made smaller here.`,
      'Save it as a JPEG (most phones and photo apps can) and attach that.',
    );
  }
  return scaleDown(input, type);
}

async function decodes(input: Buffer): Promise<boolean> {
  try {
    // Decoding a small copy proves the whole file reads, at little cost.
    await sharp(input, { failOn: 'error' }).resize(8, 8, { fit: 'inside' }).raw().toBuffer();
    return true;
  } catch {
    return false;
  }
}

/** WebP, which ClickSend does not take, as a JPEG of the same size. */
function asJpeg(input: Buffer, quality: number): Promise<Buffer> {
  return sharp(input, { animated: false }).rotate().flatten({ background: '#ffffff' }).jpeg({ quality, mozjpeg: true }).toBuffer();
}

/**
 * The largest JPEG under ClickSend's limit: the photo is decoded once (upright,
 * at most SIZES[0] across), then each size is tried at the lowest quality
 * first; at the first size that fits, the best quality that still fits wins.
 */
async function scaleDown(input: Buffer, type: PictureType): Promise<PreparedBytes> {
  const { data, info } = await sharp(input, { animated: false })
    .rotate() // upright, by the photo's orientation
    .resize({ width: SIZES[0], height: SIZES[0], fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
  const encode = (size: number, quality: number) =>
    sharp(data, raw).resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true }).jpeg({ quality, mozjpeg: true }).toBuffer();
  for (const size of SIZES) {
    let best = await encode(size, QUALITIES[QUALITIES.length - 1]!);
    if (best.length > PICTURE_SEND_MAX_BYTES) continue;
    for (const quality of QUALITIES.slice(0, -1)) {
      const better = await encode(size, quality);
      if (better.length <= PICTURE_SEND_MAX_BYTES) {
        best = better;
        break;
      }
    }
    const { width, height } = await sharp(best).metadata();
    const still = type === 'gif' ? ' An animated GIF is sent as its first frame.' : '';
    return {
      bytes: best,
      type: 'jpeg',
      note: `Made smaller to fit ClickSend’s 250 kB limit: ${sizeInWords(input.length)} → ${sizeInWords(best.length)} (${width} × ${height}).${still}`,
    };
  }
  throw new InboxError('PICTURE_TOO_LARGE', 'This picture could not be made small enough for ClickSend (250 kB).', 'Choose a simpler or smaller photo.');
}
