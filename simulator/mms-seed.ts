// A picture message "sent from the ClickSend dashboard": it exists in the
// account's MMS history before the app ever looks. Not charged, not in
// mmsSent(), no receipt queued (as if already read), custom_string ''.
import { randomUUID } from 'node:crypto';
import { MMS_PRICE_UNITS, mmsHistoryView } from './mms-store';
import { countryOf, isValidSenderId, normalizePhone, SHARED_NUMBER } from './phone';
import { RECEIPT_CODES } from './receipts';
import { PARCEL_JPEG_BASE64 } from './sample-images';
import { formatUnits } from './sms-parts';
import type { AccountState, MmsRow, ReceiptStatus, Sim } from './types';
import { decodePicture, storePicture } from './uploads';
import { MAX_SUBJECT_CHARS, truncateMmsBody } from './mms';

export const SEED_MMS_STATUSES = ['Queued', 'Sent', 'Delivered', 'Undelivered', 'Failed'] as const;
export type SeedMmsStatus = (typeof SEED_MMS_STATUSES)[number];

export interface SeedMmsInput {
  username?: string;
  to: string;
  subject: string;
  body: string;
  /** default the shared number */
  from?: string;
  /** unix seconds, default now */
  timestamp?: number;
  /** the picture as base64 (jpeg, png, gif, bmp, heic/heif or webp); default a small JPEG of a parcel */
  media?: string;
  /** default Delivered */
  status?: SeedMmsStatus;
  /** fixed ids, for deterministic demo data */
  messageId?: string;
  mediaId?: string;
}

const isReceiptStatus = (s: string): s is ReceiptStatus => s in RECEIPT_CODES;

export function seedMms(sim: Sim, account: AccountState, input: SeedMmsInput): Record<string, unknown> {
  const to = normalizePhone(input.to);
  if (!to) throw new Error(`not a phone number: ${input.to}`);
  const subject = input.subject ?? '';
  if (subject.trim() === '' || Array.from(subject).length > MAX_SUBJECT_CHARS) {
    throw new Error(`an MMS subject has 1 to ${MAX_SUBJECT_CHARS} characters`);
  }
  if (typeof input.body !== 'string' || input.body.trim() === '') throw new Error('an MMS needs a body');
  const from = input.from || SHARED_NUMBER;
  if (!isValidSenderId(from)) throw new Error(`not a sender ID: ${from}`);
  const picture = decodePicture(input.media ?? PARCEL_JPEG_BASE64);
  if ('error' in picture) throw new Error(picture.error);
  const status = input.status ?? 'Delivered';
  const date = input.timestamp ?? sim.now();
  const code = isReceiptStatus(status) ? RECEIPT_CODES[status] : null;
  const { url } = storePicture(sim, account.username, picture, sim.origin, input.mediaId);
  const place = countryOf(to);
  const row: MmsRow = {
    seq: sim.nextSeq(),
    direction: 'out',
    date,
    to,
    body: truncateMmsBody(input.body),
    status,
    from,
    schedule: String(date),
    status_code: code?.code ?? null,
    status_text: code?.text ?? null,
    message_id: (input.messageId ?? randomUUID()).toUpperCase(),
    message_parts: 1,
    message_price: formatUnits(MMS_PRICE_UNITS),
    from_email: null,
    list_id: null,
    custom_string: '',
    contact_id: null,
    first_name: null,
    last_name: null,
    country: place.country,
    carrier: place.carrier,
    subject,
    media_file_url: url,
  };
  sim.addMmsRow(account, row);
  return mmsHistoryView(account, row);
}
