// Response shapes of the REST v3 endpoints the app uses. Unknown fields are
// dropped; a missing or mistyped field the app depends on fails parsing, so
// nothing undefined ever reaches the cache. ClickSend sends some numbers as
// strings (balance, prices, timestamps in places), hence the coercions.
import { z } from 'zod';

const unixSeconds = z.coerce.number().int().nonnegative();
const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v === undefined || v === null || v === '' ? null : v));
const looseText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === undefined || v === null || v === '' ? null : String(v)));

export const Envelope = z.object({
  http_code: z.coerce.number().int().optional(),
  response_code: z.string(),
  response_msg: z.string().optional().default(''),
  data: z.unknown(),
});

export function page<T extends z.ZodType>(item: T) {
  return z.object({
    total: z.coerce.number().int().nonnegative(),
    per_page: z.coerce.number().int().positive(),
    current_page: z.coerce.number().int().positive(),
    last_page: z.coerce.number().int().nonnegative(),
    data: z.array(item),
  });
}
export type Page<T> = { total: number; per_page: number; current_page: number; last_page: number; data: T[] };

export const AccountData = z.object({
  username: z.string(),
  account_name: optionalText,
  user_first_name: optionalText,
  user_last_name: optionalText,
  country: optionalText,
  balance: z.union([z.string(), z.number()]).transform((v) => String(v)),
  /** The balance below which ClickSend warns the account ("0.00": not set). */
  low_credit_amount: z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v) => (v === null || v === undefined ? null : String(v))),
  _currency: z
    .object({ currency_name_short: z.string().optional(), currency_prefix_d: z.string().optional() })
    .optional(),
});
export type AccountData = z.output<typeof AccountData>;

/**
 * Both histories give parts as a decimal ("1.00", like prices): any value of
 * that form is read, rounded, rather than refusing the whole page.
 */
const historyParts = z.coerce.number().nullish().transform((v) => (v === null || v === undefined ? null : Math.round(v)));

export const HistoryRow = z.object({
  direction: z.enum(['in', 'out']).optional().default('out'),
  date: unixSeconds,
  to: z.string().min(1),
  from: optionalText,
  body: z.string(),
  status: z.string(),
  schedule: looseText,
  status_code: looseText,
  status_text: optionalText,
  message_id: z.string().min(1),
  message_parts: historyParts,
  message_price: looseText,
  custom_string: optionalText,
});
export type HistoryRow = z.output<typeof HistoryRow>;

export const InboundRow = z.object({
  message_id: z.string().min(1),
  from: z.string().min(1),
  to: optionalText,
  body: z.string(),
  timestamp: unixSeconds.optional(),
  timestamp_send: unixSeconds.optional(),
  original_message_id: optionalText,
  custom_string: optionalText,
});
export type InboundRow = z.output<typeof InboundRow>;

export const ReceiptRow = z.object({
  message_id: z.string().min(1),
  timestamp: unixSeconds,
  status_code: looseText,
  status_text: optionalText,
  status: optionalText,
  custom_string: optionalText,
});
export type ReceiptRow = z.output<typeof ReceiptRow>;

export const SentMessage = z.object({
  to: z.string(),
  body: z.string(),
  from: optionalText,
  status: z.string(),
  message_id: optionalText,
  message_parts: z.coerce.number().int().nullish().transform((v) => v ?? null),
  message_price: looseText,
  custom_string: optionalText,
  schedule: looseText,
  date: unixSeconds.optional(),
});
export type SentMessage = z.output<typeof SentMessage>;

/** What /sms/send or /mms/send answers: each recipient's message, of its kind. */
function sendAnswer<T extends z.ZodType>(message: T) {
  return z.object({
    total_price: z.coerce.number().optional(),
    queued_count: z.coerce.number().int().optional(),
    messages: z.array(message),
  });
}

/** A picture message as /mms/send and /mms/price answer it: an SMS answer with its subject and picture. */
export const SentPictureMessage = SentMessage.extend({
  subject: optionalText,
  _media_file_url: optionalText,
});
export type SentPictureMessage = z.output<typeof SentPictureMessage>;

export const SendPictureData = sendAnswer(SentPictureMessage);
export type SendPictureData = z.output<typeof SendPictureData>;

/** /mms/history: sent picture messages, an SMS history row with its subject and picture, dated by date_added. */
export const PictureHistoryRow = HistoryRow.omit({ date: true }).extend({
  date_added: unixSeconds,
  subject: optionalText,
  _media_file_url: optionalText,
});
export type PictureHistoryRow = z.output<typeof PictureHistoryRow>;

/** POST /uploads: where ClickSend keeps the file (a picture message carries this URL). */
export const UploadData = z.object({
  _url: z.string().url(),
  upload_id: z.coerce.number().int().optional(),
  file_name: optionalText,
  date_delete: unixSeconds.optional(),
});
export type UploadData = z.output<typeof UploadData>;

export const SendData = sendAnswer(SentMessage);
export type SendData = z.output<typeof SendData>;

export const PriceData = z.object({
  total_price: z.coerce.number(),
  total_count: z.coerce.number().int().optional(),
  messages: z.array(SentMessage).optional().default([]),
  _currency: z.object({ currency_prefix_d: z.string().optional(), currency_name_short: z.string().optional() }).optional(),
});
export type PriceData = z.output<typeof PriceData>;

export const CancelAllData = z
  .object({ count: z.coerce.number().int().nonnegative() })
  .nullish()
  .transform((v) => v ?? { count: 0 });

export const Template = z.object({
  template_id: z.coerce.number().int(),
  template_name: z.string(),
  body: z.string(),
});
export type Template = z.output<typeof Template>;

export const ContactList = z.object({
  list_id: z.coerce.number().int(),
  list_name: z.string(),
  _contacts_count: z.coerce.number().int().optional(),
});
export type ContactList = z.output<typeof ContactList>;

export const Contact = z.object({
  contact_id: z.coerce.number().int(),
  list_id: z.coerce.number().int(),
  phone_number: optionalText,
  first_name: optionalText,
  last_name: optionalText,
  email: optionalText,
  custom_1: optionalText,
  custom_2: optionalText,
  custom_3: optionalText,
  custom_4: optionalText,
  date_updated: unixSeconds.optional(),
});
export type Contact = z.output<typeof Contact>;

// Page schemas are built once: zod compiles a schema on first use, and a new
// page(...) per request cost five times its parse (bench/client.ts).
export const HistoryPage = page(HistoryRow);
export const InboundPage = page(InboundRow);
export const ReceiptPage = page(ReceiptRow);
export const TemplatePage = page(Template);
export const ContactListPage = page(ContactList);
export const ContactPage = page(Contact);
export const PictureHistoryPage = page(PictureHistoryRow);
