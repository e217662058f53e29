// Whether ClickSend takes picture messages from this account. MMS is not
// offered in every country: there ClickSend refuses /mms/* and /uploads while
// SMS, contacts and templates work. A refusal is kept in the cache, so a
// restart does not ask again at once; the app asks again after some hours,
// or when the user chooses Sync now, and any picture endpoint answering
// clears it.
import type { PictureAccess } from '../../../shared/contract';
import type { Db } from '../cache/database';
import { deleteCursor, readCursor, writeCursor } from '../cache/sync-state';
import { ClickSendError } from '../clicksend/errors';
import { InboxError } from '../errors/inbox-error';

export const PICTURES_REFUSED = 'Pictures can’t be sent from this account: ClickSend refused picture messages for it.';
const ASK_AGAIN = 'If picture messages were just enabled for the account at ClickSend, choose Sync now.';
/** Hours, not seconds: an account is refused pictures for as long as its country or plan says. */
export const ASK_AGAIN_AFTER_MS = 6 * 3_600_000;

export class PictureGate {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
    /** What the Account says of pictures changed. */
    private readonly changed: () => void = () => undefined,
  ) {}

  get access(): PictureAccess {
    const refused = readCursor(this.db, 'picturesRefused');
    return refused ? { offered: false, message: PICTURES_REFUSED, askAgainAt: refused.askAgainAt } : { offered: true, message: null, askAgainAt: null };
  }

  /** Whether to ask a picture endpoint now: not while refused, until the time to ask again, unless the user asked. */
  mayAsk(userAsked = false): boolean {
    const refused = readCursor(this.db, 'picturesRefused');
    return !refused || userAsked || this.now() >= refused.askAgainAt;
  }

  /** Before a picture is attached, priced or sent: refused in words while ClickSend refuses pictures. */
  require(): void {
    if (!this.mayAsk()) throw PictureGate.refusal();
  }

  /**
   * A failure from a picture endpoint: true (and kept) when it is ClickSend
   * refusing pictures to the account. A 403 is; a 401 only when `keyAccepted`
   * (another endpoint took the same key just before), else it is the key.
   */
  refusedBy(error: unknown, { keyAccepted = false }: { keyAccepted?: boolean } = {}): boolean {
    if (!(error instanceof ClickSendError)) return false;
    if (error.status !== 403 && !(keyAccepted && error.isUnauthorized)) return false;
    const at = this.now();
    writeCursor(this.db, 'picturesRefused', { at, askAgainAt: at + ASK_AGAIN_AFTER_MS });
    this.changed();
    return true;
  }

  /** A picture endpoint answered: pictures are offered (again). */
  answered(): void {
    if (readCursor(this.db, 'picturesRefused') === null) return;
    deleteCursor(this.db, 'picturesRefused');
    this.changed();
  }

  /** The words for a picture message refused because of it. */
  static refusal(): InboxError {
    return new InboxError('PICTURES_REFUSED', PICTURES_REFUSED, ASK_AGAIN);
  }
}
