// ClickSend's limits for a picture message (MMS), from its API reference:
// one picture of at most 250 kB, a subject of at most 20 characters, and a
// text of at most 1,500 GSM characters, or 500 when one character is outside
// GSM (counted as the SMS composer counts). The core enforces them; the
// composer shows them as the user types.
import { segmentSms, type Encoding } from './sms-segments';

export const PICTURE_SUBJECT_MAX = 20;
/** What ClickSend takes; a larger picture is scaled down before upload. */
export const PICTURE_SEND_MAX_BYTES = 250 * 1024;
/** A file larger than this is refused outright (it is not read into memory). */
export const PICTURE_INPUT_MAX_BYTES = 25 * 1024 * 1024;

export interface PictureTextCount {
  encoding: Encoding;
  units: number;
  max: number;
  over: boolean;
}

export function pictureTextCount(body: string): PictureTextCount {
  const { encoding, units } = segmentSms(body);
  const max = encoding === 'GSM-7' ? 1500 : 500;
  return { encoding, units, max, over: units > max };
}

/** Why this subject cannot be sent, or null. */
export function subjectProblem(subject: string): string | null {
  if (subject.trim() === '') return 'A picture message needs a subject (ClickSend requires one).';
  if ([...subject].length > PICTURE_SUBJECT_MAX) return `A subject can be at most ${PICTURE_SUBJECT_MAX} characters.`;
  return null;
}

/** Why this text cannot go with a picture, or null. ClickSend requires text with a picture. */
export function pictureTextProblem(body: string): string | null {
  if (body.trim() === '') return 'Write a few words to go with the picture: ClickSend sends a picture with text.';
  const count = pictureTextCount(body);
  if (!count.over) return null;
  return count.encoding === 'GSM-7'
    ? `A picture message's text can be at most 1,500 characters.`
    : `With emoji or characters outside the standard SMS set, a picture message's text can be at most 500 characters.`;
}
