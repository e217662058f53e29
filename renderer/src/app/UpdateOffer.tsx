// A downloaded update (desktop app): restart now, or it installs on quit.
// The core says whether a restart may happen now, and why not.
import { useState } from 'react';
import { useInbox } from '../store/inbox-store';

export function UpdateOffer() {
  const update = useInbox((s) => s.update);
  const restart = useInbox((s) => s.restartToUpdate);
  const [busy, setBusy] = useState(false);
  if (update.version === null) return null;
  return (
    <div className="banner" role="status">
      <span>
        Version {update.version} is ready. {update.message ?? 'It installs when you quit, or now with a restart.'}
      </span>
      <button
        type="button"
        className="link"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          // A refusal arrives as the offer's message (app.updateReady), said above.
          void restart().finally(() => setBusy(false));
        }}
      >
        Restart to update
      </button>
    </div>
  );
}
