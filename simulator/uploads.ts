// POST /uploads?convert=mms: a base64 picture in, a public URL out. ClickSend
// converts the picture for MMS (GIF stays GIF, everything else becomes JPEG);
// the simulator cannot convert, so it keeps the bytes as they came and only
// names the file as ClickSend would. Sniffing decides what the bytes are.
import { randomUUID } from 'node:crypto';
import { badRequest, missingFields, ok } from './envelope';
import type { ImageType } from './image-type';
import { CONTENT_TYPES, sniffImage } from './image-type';
import { MEDIA_PREFIX } from './media';
import type { Handler, Sim } from './types';

/** How long ClickSend keeps an upload (date_delete); the simulator never deletes. */
const KEEP_SECONDS = 7 * 86400;
const CANNOT_CONVERT = 'The file could not be converted to MMS.';

/** Strict base64 (whitespace allowed between characters, as in wrapped MIME text); null when it is not. */
export function decodeBase64(text: string): Buffer | null {
  const compact = text.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  return Buffer.from(compact, 'base64');
}

/** The bytes of a picture given as base64, or a message saying why it cannot be one. */
export function decodePicture(content: string): { bytes: Buffer; type: ImageType } | { error: string } {
  const bytes = decodeBase64(content);
  if (bytes === null) return { error: `${CANNOT_CONVERT} The content is not base64.` };
  if (bytes.length === 0) return { error: `${CANNOT_CONVERT} The file is empty.` };
  const type = sniffImage(bytes);
  if (type === null) return { error: `${CANNOT_CONVERT} It is not a JPEG, PNG, GIF, BMP, HEIC or WebP picture.` };
  return { bytes, type };
}

/** Keeps a picture behind a /_media/ URL, named as ClickSend's MMS conversion names it. */
export function storePicture(
  sim: Sim,
  username: string,
  picture: { bytes: Buffer; type: ImageType },
  origin: string,
  id: string = randomUUID().toUpperCase(),
): { fileName: string; url: string } {
  const fileName = `${id}.${picture.type === 'gif' ? 'gif' : 'jpg'}`;
  sim.media.put(fileName, { username, ...picture });
  return { fileName, url: `${origin}${MEDIA_PREFIX}${fileName}` };
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export const uploadFile: Handler = ({ sim, account, query, body, base }) => {
  const convert = (query.get('convert') ?? text(body.convert) ?? '').trim().toLowerCase();
  if (convert === '') throw missingFields('convert is required.');
  if (convert !== 'mms') throw badRequest(`The simulator only converts uploads to mms, not ${convert}.`);
  if (body.content === undefined || body.content === null) throw missingFields('content is required.');
  if (typeof body.content !== 'string') throw badRequest(`${CANNOT_CONVERT} The content is not base64.`);
  const picture = decodePicture(body.content);
  if ('error' in picture) throw badRequest(picture.error);

  const now = sim.now();
  const { fileName, url } = storePicture(sim, account.username, picture, base.replace(/\/v3$/, ''));
  const uploadId = sim.nextId('upload');
  sim.uploadLog.push({
    username: account.username,
    upload_id: uploadId,
    file_name: fileName,
    _url: url,
    convert,
    type: picture.type,
    content_type: CONTENT_TYPES[picture.type],
    bytes: picture.bytes.length,
    date_added: now,
  });
  return ok(
    { _url: url, date_added: now, date_delete: now + KEEP_SECONDS, file_name: fileName, upload_id: uploadId, user_id: account.userId },
    'Your file has been uploaded.',
  );
};
