import type { UserError } from '../../../shared/contract';

/** Every refusal's code: one word the window and tests tell refusals apart by (the message is the words). */
export type InboxErrorCode =
  | 'ACCOUNT_IN_USE' | 'API_ADDRESS' | 'API_MOVED' | 'INVALID_CREDENTIALS' | 'KEY_MIGRATION' | 'KEY_MISSING' | 'KEY_UNREADABLE'
  | 'NO_DEMO' | 'NO_UPDATE' | 'NO_UPDATER' | 'SIGNED_OUT' | 'UNKNOWN_ACCOUNT' | 'DELETED_ELSEWHERE' | 'OFFLINE_EDIT' | 'EXPORT_GONE'
  | 'BUSY' | 'EMPTY_MESSAGE' | 'INVALID_NUMBER' | 'INVALID_SCHEDULE' | 'NOT_DELETABLE' | 'NOT_FOUND' | 'NOT_RETRYABLE'
  | 'NOT_ALL_CANCELLED' | 'NOT_SCHEDULED' | 'NOT_SENDABLE_AGAIN' | 'OFFLINE' | 'OPTED_OUT' | 'SEND_IN_PROGRESS' | 'TOO_LATE'
  | 'DAMAGED_PICTURE' | 'INVALID_PICTURE_MESSAGE' | 'NOT_A_PICTURE' | 'NO_PICTURE' | 'PICTURES_REFUSED' | 'PICTURE_INCOMPLETE' | 'PICTURE_TOO_LARGE';

/** A refusal the user should read as it is (bad input, wrong state). */
export class InboxError extends Error {
  constructor(readonly code: InboxErrorCode, message: string, readonly action: string | null) {
    super(message);
    this.name = 'InboxError';
  }

  toUserError(): UserError {
    return { code: this.code, message: this.message, action: this.action };
  }
}

/** Words of a refusal in one line: what went wrong, then what to do when there is something to do. */
export function inWords({ message, action }: { message: string; action?: string | null }): string {
  return [message, action].filter(Boolean).join(' ');
}
