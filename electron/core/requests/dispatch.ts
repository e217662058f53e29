// The main-side end of the contract, shared by Electron IPC and the browser
// mode WebSocket: it rejects unknown names, validates every payload at run
// time, and turns every failure into a UserError. Nothing else is exposed.
import type { ZodError } from 'zod';
import {
  isRequestName,
  requests,
  type ParsedParams,
  type Reply,
  type RequestName,
  type Result,
  type UserError,
} from '../../../shared/contract';
import { ClickSendError } from '../clicksend/errors';
import { CacheOpenError } from '../cache/database';
import { storageFault, storageUserError } from '../cache/storage-faults';
import { KeychainError } from '../credentials/keychain';
import { InboxError } from '../errors/inbox-error';

export type Handlers = { [N in RequestName]: (params: ParsedParams<N>) => Promise<Result<N>> };

export interface Logger {
  error(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
}

export type Dispatch = (name: unknown, params: unknown) => Promise<Reply<unknown>>;

/** `onFailure` sees every error a handler throws, e.g. to rebuild a damaged cache. */
export function createDispatcher(handlers: Handlers, log: Logger, onFailure?: (error: unknown) => void): Dispatch {
  return async (name, params) => {
    if (!isRequestName(name)) {
      log.warn('contract: refused an unknown request name');
      return { ok: false, error: { code: 'UNKNOWN_REQUEST', message: 'The app asked for something it cannot do.', action: null } };
    }
    const parsed = requests[name].params.safeParse(params ?? {});
    if (!parsed.success) return { ok: false, error: invalidParams(parsed.error) };
    try {
      const handler = handlers[name] as (p: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      onFailure?.(error);
      return { ok: false, error: toUserError(error, name, log) };
    }
  };
}

function invalidParams(error: ZodError): UserError {
  const issue = error.issues[0];
  const field = issue?.path.join('.') ?? '';
  // Messages written in the contract are for people; zod's defaults name the field.
  const message = issue?.message && !/^(Invalid|Unrecognized|Too small|Too big)/.test(issue.message)
    ? issue.message
    : `The request was not valid${field ? ` (${field})` : ''}.`;
  return { code: 'INVALID_REQUEST', message, action: null };
}

export function toUserError(error: unknown, name: string, log: Logger): UserError {
  if (error instanceof InboxError || error instanceof ClickSendError) return error.toUserError();
  if (error instanceof KeychainError) return error.userError;
  if (error instanceof CacheOpenError) return { code: 'CACHE_UNAVAILABLE', message: error.message, action: error.action };
  const fault = storageFault(error);
  if (fault) {
    log.warn(`contract: ${name} failed on the cache file (${fault})`, error);
    return storageUserError(fault);
  }
  // Unexpected: log the details for us, show plain words to the user.
  log.error(`contract: ${name} failed`, error);
  return { code: 'INTERNAL', message: 'Something went wrong in the app.', action: 'Try again; if it keeps happening, restart the app.' };
}
