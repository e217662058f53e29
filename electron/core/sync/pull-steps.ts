// Each pull of a pass fails on its own: one endpoint refusing or answering
// nonsense must not keep the others (messages, contacts, templates) from
// syncing. A pull that keeps failing is asked less often, and picture pulls
// wait while ClickSend refuses pictures to the account. What would fail every
// pull alike (no connection, the key refused, 429 pacing, the cache itself)
// still ends the pass.
import { ClickSendError } from '../clicksend/errors';
import type { PictureGate } from '../pictures/picture-gate';

export type PullName =
  | 'inbound'
  | 'receipts'
  | 'pictureReceipts'
  | 'history'
  | 'pictureHistory'
  | 'dueScheduled'
  | 'duePictures'
  | 'outbox'
  | 'templates'
  | 'contacts';

const PICTURE_PULLS: ReadonlySet<PullName> = new Set(['pictureReceipts', 'pictureHistory', 'duePictures']);
/** A pull failing this many passes in a row is then asked once an hour (Sync now asks at once). */
export const FAILED_PASSES_BEFORE_WAITING = 3;
export const FAILING_PULL_EVERY_MS = 3_600_000;

interface Failing {
  passes: number;
  retryAt: number;
  message: string;
}

export class PullSteps {
  private readonly failing = new Map<PullName, Failing>();
  /** A request of this pass was answered: the key works, so a 401 on a picture endpoint is about pictures. */
  private keyAccepted = false;
  private userAsked = false;
  /** Refused in this pass: the other picture pulls are not asked again in it. */
  private picturesRefused = false;

  constructor(
    private readonly now: () => number,
    private readonly pictures: PictureGate,
  ) {}

  /** A new pass; `userAsked` (Sync now) asks even what is waiting. */
  begin(userAsked: boolean): void {
    this.keyAccepted = false;
    this.userAsked = userAsked;
    this.picturesRefused = false;
  }

  /** One pull, unless it waits; its own failure is kept and said, and the pass goes on (undefined). */
  async run<T>(name: PullName, pull: () => Promise<T>): Promise<T | undefined> {
    const picture = PICTURE_PULLS.has(name);
    if (picture && (this.picturesRefused || !this.pictures.mayAsk(this.userAsked))) return undefined;
    const failing = this.failing.get(name);
    if (failing && !this.userAsked && this.now() < failing.retryAt) return undefined;
    try {
      const value = await pull();
      this.failing.delete(name);
      this.keyAccepted = true;
      if (picture) this.pictures.answered();
      return value;
    } catch (error) {
      if (picture && this.pictures.refusedBy(error, { keyAccepted: this.keyAccepted })) {
        this.picturesRefused = true;
        return undefined;
      }
      if (!ownFailure(error)) throw error;
      const passes = (failing?.passes ?? 0) + 1;
      const retryAt = passes >= FAILED_PASSES_BEFORE_WAITING ? this.now() + FAILING_PULL_EVERY_MS : 0;
      this.failing.set(name, { passes, retryAt, message: error.toUserError().message });
      return undefined;
    }
  }

  /** The words of the first pull still failing, for the status; null when none is. */
  get message(): string | null {
    for (const failing of this.failing.values()) return failing.message;
    return null;
  }
}

/** A failure of this endpoint alone: not the connection, the key, ClickSend's pacing or a cancel. */
function ownFailure(error: unknown): error is ClickSendError {
  return error instanceof ClickSendError && !error.endsPass;
}
