// A row of /sms/history, apart from types.ts because types.ts names HistoryStore, which needs the row (a cycle).
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
