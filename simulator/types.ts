// Shapes shared across the simulator, so no file imports another for a type (no import cycles). The API-facing
// ones use ClickSend's snake_case field names so tests can compare them with HTTP responses directly.
import type { ApiResult } from './envelope';
import type { HistoryStore } from './history';
import type { HistoryRow } from './history-row';
import type { MediaStore } from './media';

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

export type { HistoryDirection, HistoryRow } from './history-row';

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

export interface InboundRecord {
  seq: number;
  sms: InboundSms;
  read: boolean;
}

export interface ReceiptRecord {
  seq: number;
  receipt: Receipt;
  read: boolean;
}

export interface MmsReceiptRecord {
  seq: number;
  receipt: MmsReceipt;
  read: boolean;
}

export interface MmsState {
  history: HistoryStore;
  /** the same row objects the history holds, typed as MMS rows */
  rows: Map<string, MmsRow>;
  scheduled: Set<MmsRow>;
  receipts: MmsReceiptRecord[];
}

export interface AccountState {
  username: string;
  apiKey: string;
  userId: number;
  subaccountId: number;
  /** AUD in ten-thousandths so charges and refunds stay exact */
  balanceUnits: number;
  /** low_credit_amount, in ten-thousandths; 0 when not set */
  lowCreditUnits: number;
  history: HistoryStore;
  inbound: InboundRecord[];
  receipts: ReceiptRecord[];
  templates: Map<number, SmsTemplate>;
  lists: Map<number, ContactList>;
  contacts: Map<number, Contact>;
  /** outbound rows still in status Scheduled */
  scheduled: Set<HistoryRow>;
  /** picture messages: their own history, scheduled set and receipt queue */
  mms: MmsState;
}

/** The simulator as routes and stores use it; SimCore implements it, so they need not import core.ts (a cycle). */
export interface Sim {
  readonly media: MediaStore;
  readonly sentLog: SentSms[];
  readonly mmsLog: SentMms[];
  readonly uploadLog: UploadInfo[];
  readonly origin: string;
  readonly autoDeliverMs: number | undefined;
  now(): number;
  nextSeq(count?: number): number;
  nextId(kind: 'template' | 'list' | 'contact' | 'upload'): number;
  addHistoryRow(account: AccountState, row: HistoryRow): void;
  addMmsRow(account: AccountState, row: MmsRow): void;
  findMms(messageId: string): { account: AccountState; row: MmsRow } | undefined;
  autoDeliver(messageId: string): void;
  setTimer(fn: () => void, ms: number): void;
}

/** What a /v3 route handler is given. */
export interface Ctx {
  sim: Sim;
  account: AccountState;
  params: Record<string, string>;
  query: URLSearchParams;
  /** parsed JSON body, {} when there is none */
  body: Record<string, unknown>;
  /** absolute API base for links, e.g. http://127.0.0.1:4010/v3 */
  base: string;
  /** path after /v3 */
  path: string;
}

export type Handler = (ctx: Ctx) => ApiResult;
