// The one shape of a store action's result: every action that asks the core
// resolves to null when it worked, or to the UserError to show; none throws
// and none swallows. Where it is shown is the caller's (a form, the composer);
// a store whose view has its own banner also keeps it in its `error`.
import type { UserError } from '../../../shared/contract';
import { describeError } from '../bridge/inbox-client';

export async function attempt(work: () => Promise<unknown>): Promise<UserError | null> {
  try {
    await work();
    return null;
  } catch (error) {
    return describeError(error);
  }
}
