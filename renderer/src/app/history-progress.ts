// Words for the first sync's progress: how much of the history is stored and
// about how long the rest will take.
import type { SyncProgress } from '../../../shared/contract';

export function timeLeft(seconds: number | null): string | null {
  if (seconds === null) return null;
  if (seconds < 60) return 'less than a minute left';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  return `about ${hours} h ${minutes % 60} min left`;
}

/** "12,300 of 200,000 messages · about 2 min left" */
export function historyProgress(p: SyncProgress): string {
  const stored = p.messagesStored.toLocaleString();
  const of = p.estimatedTotal ? `${stored} of ${p.estimatedTotal.toLocaleString()} messages` : `${stored} messages`;
  const left = timeLeft(p.etaSeconds);
  return left ? `${of} · ${left}` : of;
}
