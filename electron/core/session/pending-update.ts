// A downloaded update, and whether the app may restart for it now: never
// while a message is being sent or waits in the outbox (it would go out only
// after the restart, or be looked for twice). The desktop shell downloads and
// installs; this rule is the core's.
import type { Db } from '../cache/database';
import { listOutbox } from '../cache/outbox';
import type { Emit } from '../events';
import { InboxError } from '../errors/inbox-error';

export class PendingUpdate {
  private version: string | null = null;
  private message: string | null = null;

  constructor(
    private readonly deps: { emit: Emit; db: () => Db | null; restart?: () => void },
  ) {}

  state(): { version: string | null; message: string | null } {
    return { version: this.version, message: this.message };
  }

  downloaded(version: string): void {
    this.version = version;
    this.message = null;
    this.deps.emit('app.updateReady', this.state());
  }

  restart(): void {
    if (!this.deps.restart) throw new InboxError('NO_UPDATER', 'Updates are installed by the desktop app.', null);
    if (this.version === null) throw new InboxError('NO_UPDATE', 'No update is waiting to be installed.', null);
    const db = this.deps.db();
    const unsent = db ? listOutbox(db).length : 0;
    if (unsent > 0) {
      this.message = `${unsent === 1 ? 'A message is' : `${unsent} messages are`} still being sent, so the app cannot restart yet. The update installs once ${unsent === 1 ? 'it has' : 'they have'} gone, or when you quit.`;
      this.deps.emit('app.updateReady', this.state());
      throw new InboxError('SEND_IN_PROGRESS', this.message, null);
    }
    this.deps.restart();
  }
}
