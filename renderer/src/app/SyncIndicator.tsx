import { RefreshCw } from 'lucide-react';
import { useInbox } from '../store/inbox-store';
import { clockTime as time } from '../thread/time';
import { historyProgress } from './history-progress';
import { useShallow } from 'zustand/react/shallow';

/** Syncing / up to date / offline, with the time of the last good sync. */
export function SyncIndicator() {
  const { sync, online, coreConnected, offlineMessage, syncNow } = useInbox(
    useShallow((s) => ({ sync: s.sync, online: s.online, coreConnected: s.coreConnected, offlineMessage: s.offlineMessage, syncNow: s.syncNow })),
  );

  let text: string;
  let tone: string;
  if (!coreConnected) {
    text = 'Offline: the app’s core is not running';
    tone = 'offline';
  } else if (!online || sync?.state === 'offline') {
    text = `Offline${sync?.lastSyncedAt ? ` · last synced ${time(sync.lastSyncedAt)}` : ''}`;
    tone = 'offline';
  } else if (sync?.backfill) {
    // The first sync's walk goes on beside the passes: say how far, whatever the pass is doing.
    text = `Syncing history… ${historyProgress(sync.backfill)}`;
    tone = 'syncing';
  } else if (sync?.state === 'syncing') {
    text = 'Syncing…';
    tone = 'syncing';
  } else if (sync?.state === 'paused') {
    text = 'Sync paused';
    tone = 'offline';
  } else if (sync?.message) {
    // The last pass failed for a reason other than the network: say it, not "Up to date".
    text = `Not synced: ${sync.message}`;
    tone = 'offline';
  } else {
    text = sync?.lastSyncedAt ? `Up to date · ${time(sync.lastSyncedAt)}` : 'Up to date';
    tone = 'ok';
  }
  const backfill = sync?.backfill;

  return (
    <div className="sync">
      <span role="status" className={`sync-state ${tone}`} title={offlineMessage ?? sync?.message ?? text}>
        {text}
      </span>
      {backfill && backfill.estimatedTotal ? (
        <progress aria-label="History sync progress" max={backfill.estimatedTotal} value={backfill.messagesStored} />
      ) : null}
      <button type="button" className="secondary with-icon" onClick={() => void syncNow()} disabled={!coreConnected}>
        <RefreshCw aria-hidden="true" size={16} />
        <span>Sync now</span>
      </button>
    </div>
  );
}
