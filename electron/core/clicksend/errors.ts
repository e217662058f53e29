// One error type for everything that can go wrong talking to ClickSend, with
// the words a user sees. Messages never contain the API key or a stack.
import type { UserError } from '../../../shared/contract';

export type ClickSendErrorKind =
  | 'http' // a non-2xx status
  | 'application' // a ClickSend response_code other than SUCCESS
  | 'network' // no answer: refused, reset, DNS, dropped mid-response
  | 'timeout'
  | 'aborted'
  | 'invalid-response'; // an answer we could not understand

/** What ClickSend answered could not be read (not JSON, or not the shape its API documents): never "offline". */
export const UNREADABLE_ANSWER = 'ClickSend answered in a way this app does not understand.';

/** A UserError before its code is chosen. */
type Explanation = Omit<UserError, 'code'>;

const applicationCodes: Record<string, Explanation> = {
  INVALID_CREDENTIALS: {
    message: 'ClickSend did not accept this API username and key.',
    action: 'Copy both again from API Credentials in the ClickSend dashboard.',
  },
  MISSING_CREDENTIALS: { message: 'The API username or key is missing.', action: 'Enter both and sign in again.' },
  ACCOUNT_NOT_ACTIVATED: {
    message: 'This ClickSend account has not been activated yet.',
    action: 'Finish activating it in the ClickSend dashboard.',
  },
  INSUFFICIENT_CREDIT: {
    message: 'Your ClickSend account has run out of credit.',
    action: 'Top up your balance in the ClickSend dashboard, then retry.',
  },
  INVALID_RECIPIENT: { message: 'ClickSend says this phone number is not valid.', action: 'Check the number, including its country code.' },
  THROTTLED: {
    message: 'The same message was just sent to this number.',
    action: 'Wait a few seconds before sending it again.',
  },
  INVALID_SENDER_ID: {
    message: 'The sender ID is not valid.',
    action: 'Use at most 11 letters or digits, with no spaces, or a number you own.',
  },
  COUNTRY_NOT_ENABLED: {
    message: 'Sending to this country is not enabled on your account.',
    action: 'Enable the country in the ClickSend dashboard.',
  },
  EMPTY_MESSAGE: { message: 'The message is empty.', action: 'Type a message before sending.' },
  TOO_MANY_RECIPIENTS: { message: 'Too many recipients in one send.', action: 'Send to at most 1,000 numbers at a time.' },
  MISSING_REQUIRED_FIELDS: { message: 'ClickSend says a required field is missing.', action: null },
  INVALID_SCHEDULE: { message: 'The scheduled time is not valid.', action: 'Pick a time in the future.' },
  NOT_ENOUGH_PERMISSION_TO_LIST_ID: { message: 'This account may not use that contact list.', action: null },
  ALREADY_EXISTS: { message: 'That already exists at ClickSend.', action: null },
  REGISTRATION_NEEDED: {
    message: 'This country requires a registered sender ID.',
    action: 'Register a sender ID under Global Sending in the ClickSend dashboard.',
  },
  LINK_GENERATION_FAILED: { message: 'ClickSend could not shorten the link in this message.', action: 'Try again, or remove the link.' },
  INTERNAL_ERROR: { message: 'ClickSend had an internal error.', action: 'Try again in a moment.' },
  SOMETHING_IS_WRONG: { message: 'ClickSend reported an unexpected error.', action: 'Try again in a moment.' },
};

const httpStatuses: Record<number, Explanation> = {
  400: { message: 'ClickSend could not accept this request.', action: null },
  401: applicationCodes.INVALID_CREDENTIALS!,
  403: { message: 'ClickSend refused this request for this account.', action: 'Check the account’s permissions in the dashboard.' },
  404: { message: 'ClickSend could not find that item; it may have been deleted.', action: null },
  405: { message: 'ClickSend does not allow this request.', action: null },
  429: { message: 'ClickSend asked the app to slow down.', action: 'The app will try again shortly.' },
};

export class ClickSendError extends Error {
  readonly kind: ClickSendErrorKind;
  /** e.g. "GET /sms/history" — names what failed, never the credentials. */
  readonly endpoint: string;
  readonly status: number | null;
  /** ClickSend's response_code (INVALID_RECIPIENT, ...) when it gave one. */
  readonly code: string | null;
  readonly retryAfterMs: number | null;
  /** ClickSend's own response_msg, when it sent one. */
  readonly apiMessage: string | null;
  /** The request certainly never reached ClickSend (refused, no route, no DNS): safe to send again. */
  readonly neverReachedServer: boolean;

  constructor(init: {
    kind: ClickSendErrorKind;
    endpoint: string;
    detail: string;
    status?: number | null;
    code?: string | null;
    retryAfterMs?: number | null;
    apiMessage?: string | null;
    neverReachedServer?: boolean;
  }) {
    super(`${init.endpoint}: ${init.detail}`);
    this.name = 'ClickSendError';
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    this.status = init.status ?? null;
    this.code = init.code ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.apiMessage = init.apiMessage || null;
    this.neverReachedServer = init.neverReachedServer ?? false;
  }

  /** True when the request never got an answer that says what happened. */
  get isConnectivity(): boolean {
    return this.kind === 'network' || this.kind === 'timeout';
  }

  /** Worth asking again later, more slowly: no answer, a time-out, ClickSend's pacing (429) or its own fault (5xx). */
  get isTransient(): boolean {
    return this.isConnectivity || this.status === 429 || (this.status ?? 0) >= 500;
  }

  /** Would fail every request of a sync pass alike: no connection, the key refused, ClickSend's pacing, a cancel. */
  get endsPass(): boolean {
    return this.isConnectivity || this.isUnauthorized || this.kind === 'aborted' || this.status === 429;
  }

  get isUnauthorized(): boolean {
    return this.status === 401 || this.code === 'INVALID_CREDENTIALS';
  }

  toUserError(): UserError {
    return { code: this.code ?? this.kind.toUpperCase(), ...explain(this) };
  }
}

export function explainApplicationCode(code: string): Explanation {
  return applicationCodes[code] ?? { message: `ClickSend answered ${code.replace(/_/g, ' ').toLowerCase()}.`, action: null };
}

function explain(error: ClickSendError): Explanation {
  switch (error.kind) {
    case 'network':
      return { message: 'ClickSend could not be reached.', action: 'Check your internet connection; the app keeps trying.' };
    case 'timeout':
      return { message: 'ClickSend took too long to answer.', action: 'The app will try again shortly.' };
    case 'aborted':
      return { message: 'The request was cancelled.', action: null };
    case 'invalid-response':
      return { message: UNREADABLE_ANSWER, action: 'The app asks again later; if this goes on, look for an update of the app.' };
    case 'application':
      return explainApplicationCode(error.code ?? 'SOMETHING_IS_WRONG');
    case 'http': {
      if (error.code && applicationCodes[error.code]) return applicationCodes[error.code]!;
      if (error.status !== null && httpStatuses[error.status]) return httpStatuses[error.status]!;
      if (error.status !== null && error.status >= 500) {
        return { message: 'ClickSend is having trouble right now.', action: 'The app will try again shortly.' };
      }
      return { message: `ClickSend answered with an error (${error.status ?? 'unknown'}).`, action: null };
    }
  }
}
