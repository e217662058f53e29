// Editing templates and contacts happens at ClickSend first, then in the
// cache, so the two never disagree. These are the two refusals a user can act
// on; anything else is ClickSend's own error, explained as usual.
import { ClickSendError } from '../clicksend/errors';
import { InboxError } from './inbox-error';

export function editError(error: unknown, noun: string, whenGone?: () => void): unknown {
  if (!(error instanceof ClickSendError)) return error;
  if (error.isConnectivity) {
    return new InboxError(
      'OFFLINE_EDIT',
      `The ${noun} could not be saved: ClickSend cannot be reached, and ${noun}s are only changed while it can be.`,
      'Your changes are still in the form. Save again when the app is back online.',
    );
  }
  if (error.status === 404) {
    whenGone?.();
    return new InboxError(
      'DELETED_ELSEWHERE',
      `This ${noun} was deleted in ClickSend (on the dashboard or another device).`,
      `Your changes are still in the form: Save creates the ${noun} again.`,
    );
  }
  return error;
}

/** A create or an update at ClickSend, its refusals as edit errors; `whenGone` forgets what a 404 says is gone. */
export async function saveAtClickSend<T>(request: Promise<T>, noun: string, whenGone: () => void): Promise<T> {
  try {
    return await request;
  } catch (error) {
    throw editError(error, noun, whenGone);
  }
}

/** A delete ClickSend answers 404 to is done: already gone is what the user wanted. */
export async function deleteAtClickSend(request: Promise<unknown>, noun: string): Promise<void> {
  try {
    await request;
  } catch (error) {
    if (!(error instanceof ClickSendError && error.status === 404)) throw editError(error, noun);
  }
}
