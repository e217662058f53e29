// What the window hears when a number's opt-out is decided (by hand, from the
// ClickSend list, or "Not a stop request"): its conversation's row (the flag
// goes) and the reply that asked (its buttons go).
import { conversationIdForPhone } from '../cache/conversations';
import type { Db } from '../cache/database';
import type { IngestResult } from '../cache/ingest';
import { getMessage } from '../cache/messages';
import { stopRequestOf } from '../cache/stop-requests';

export function questionDecided(db: Db, phone: string): IngestResult {
  const id = conversationIdForPhone(db, phone);
  const asked = stopRequestOf(db, phone);
  const reply = asked === null ? null : getMessage(db, asked);
  return { added: [], changed: reply ? [reply] : [], conversationIds: id === null ? [] : [id] };
}
