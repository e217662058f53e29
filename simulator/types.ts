// Shapes shared across the simulator. The API-facing ones use ClickSend's
// snake_case field names so tests can compare them with HTTP responses directly.

export interface SimAccount {
  username: string;
  apiKey: string;
  /** AUD, default 100 */
  balance?: number;
  /** AUD: the account's low-credit amount (`low_credit_amount`), default 0 (not set) */
  lowCreditAmount?: number;
}

export type ReceiptStatus = 'Delivered' | 'Undelivered' | 'Failed';

/** An inbound SMS exactly as GET /sms/inbound returns it. */
export interface InboundSms {
  timestamp: number;
  timestamp_send: number;
  from: string;
  body: string;
  original_body: string;
  original_message_id: string;
  to: string;
  custom_string: string;
  message_id: string;
  _keyword: string;
}

/** A delivery receipt exactly as GET /sms/receipts returns it. */
export interface Receipt {
  timestamp_send: number;
  timestamp: number;
  message_id: string;
  status_code: string;
  status_text: string;
  error_code: string | null;
  error_text: string | null;
  custom_string: string | null;
  subaccount_id: number;
  message_type: 'sms';
  digits: null;
  status: ReceiptStatus;
}

/** One message accepted by POST /sms/send (recorded even if the response is lost). */
export interface SentSms {
  username: string;
  message_id: string;
  to: string;
  from: string;
  body: string;
  schedule: number | null;
  custom_string: string | null;
  list_id: number | null;
  contact_id: number | null;
  source: string | null;
  date: number;
  message_parts: number;
  message_price: string;
}

export type HistoryDirection = 'in' | 'out';

/** A row of /sms/history minus the per-account fields (user_id, subaccount_id, _api_username). */
export interface HistoryRow {
  /** insertion order across the whole simulator; breaks ties when sorting */
  seq: number;
  direction: HistoryDirection;
  date: number;
  to: string;
  body: string;
  status: string;
  from: string;
  schedule: string;
  status_code: string | null;
  status_text: string | null;
  message_id: string;
  message_parts: number;
  message_price: string;
  from_email: string | null;
  list_id: number | null;
  custom_string: string | null;
  contact_id: number | null;
  first_name: string | null;
  last_name: string | null;
  country: string | null;
  carrier: string | null;
}

export interface SmsTemplate {
  template_id: number;
  template_name: string;
  body: string;
}

export interface ContactList {
  list_id: number;
  list_name: string;
  list_email_id: string;
}

export interface Contact {
  contact_id: number;
  list_id: number;
  phone_number: string | null;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  fax_number: string | null;
  organization_name: string | null;
  address_line_1: string | null;
  address_line_2: string | null;
  address_city: string | null;
  address_state: string | null;
  address_postal_code: string | null;
  address_country: string | null;
  custom_1: string | null;
  custom_2: string | null;
  custom_3: string | null;
  custom_4: string | null;
  date_added: number;
  date_updated: number;
}

export interface RequestLogEntry {
  method: string;
  /** path after /v3, without the query string */
  path: string;
  status: number;
  /** raw query string without '?', '' when none */
  query: string;
  /** the fault that hit this request, if any; status 0 means no response was sent */
  fault?: string;
}

/** An outbound MMS: a history row plus what only picture messages have. `date` is the API's `date_added`. */
export interface MmsRow extends HistoryRow {
  subject: string;
  media_file_url: string;
}

/** One MMS accepted by POST /mms/send (recorded even if the response is lost). */
export interface SentMms {
  username: string;
  message_id: string;
  to: string;
  from: string;
  subject: string;
  /** as stored, after truncation */
  body: string;
  media_file: string;
  /** bytes of the picture when media_file is one of this simulator's /_media/ URLs, else null */
  media_bytes: number | null;
  schedule: number | null;
  custom_string: string;
  list_id: number | null;
  contact_id: number | null;
  source: string | null;
  date: number;
  message_price: string;
}

/** An MMS delivery receipt exactly as GET /mms/receipts returns it (timestamps are strings there). */
export interface MmsReceipt {
  timestamp: string;
  timestamp_send: string;
  message_id: string;
  status_code: string;
  status_text: string;
  error_code: string;
  error_text: string;
  custom_string: string;
  subaccount_id: number;
  message_type: 'mms';
  status: ReceiptStatus;
}

/** One file accepted by POST /uploads: what a test may check, not the bytes. */
export interface UploadInfo {
  username: string;
  upload_id: number;
  file_name: string;
  _url: string;
  convert: string;
  /** sniffed from the bytes: jpeg, png, gif, bmp, heic, heif or webp */
  type: string;
  content_type: string;
  bytes: number;
  date_added: number;
}
