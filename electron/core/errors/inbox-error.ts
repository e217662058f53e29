import type { UserError } from '../../../shared/contract';

/** A refusal the user should read as it is (bad input, wrong state). */
export class InboxError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly action: string | null,
  ) {
    super(message);
    this.name = 'InboxError';
  }

  toUserError(): UserError {
    return { code: this.code, message: this.message, action: this.action };
  }
}
