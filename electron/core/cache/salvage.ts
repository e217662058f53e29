// After the cache is found damaged and set aside, the rebuilt copy gets its
// history back from ClickSend; what only ever lived here (sends not yet
// confirmed, drafts, opt-outs, pinned/archived/muted) is copied over from the damaged file when it can
// still be read. Best effort: a table that cannot be read is skipped.
import type { Db } from './statements';
import { openReadOnly } from './database';
import { listOutbox, queueSend, setOutboxState } from './outbox';
import { saveDraft } from './drafts';
import { allOptOutRecords, recordOptOut } from './opt-outs';
import { allConversationFlags, restoreConversationFlags } from './conversation-flags';
import { putMedia } from './media';
import { dismissedStopRequests, restoreDismissedStopRequests } from './stop-requests';

export interface Salvaged {
  sends: number;
  drafts: number;
  optOuts: number;
  /** Pinned, archived and muted conversations. */
  flags: number;
}

export function salvageLocalWork(damagedFile: string, into: Db): Salvaged {
  const salvaged: Salvaged = { sends: 0, drafts: 0, optOuts: 0, flags: 0 };
  let old: Db;
  try {
    old = openReadOnly(damagedFile);
  } catch {
    return salvaged;
  }
  try {
    try {
      for (const entry of listOutbox(old)) {
        const { added } = queueSend(into, {
          to: entry.to,
          body: entry.body,
          customString: entry.customString,
          schedule: entry.schedule,
          now: entry.queuedAt,
          statusText: 'Waiting to be sent.',
          ...(entry.picture ? { picture: entry.picture } : {}),
        });
        // One that may have reached ClickSend is looked for in history before anything is sent again.
        if (entry.state !== 'waiting' && added[0]) setOutboxState(into, added[0].id, 'unknown', 'Checking whether this was sent…', { answerUnreadable: entry.answerUnreadable });
        salvaged.sends++;
      }
    } catch {
      // unreadable outbox: history still brings back whatever ClickSend got
    }
    try {
      const drafts = old.prepare<[], { phone: string; body: string; updated_at: number }>('SELECT phone, body, updated_at FROM drafts').all();
      for (const d of drafts) saveDraft(into, d.phone, d.body, d.updated_at);
      salvaged.drafts = drafts.length;
    } catch {
      // unreadable drafts are lost with the damaged file (which is kept)
    }
    try {
      // History brings back every STOP and START; an opt-out or opt-in made by hand lived only here.
      // Linked to no reply: the new cache's rows have other ids.
      const records = allOptOutRecords(old);
      for (const record of records) recordOptOut(into, { ...record, messageRowId: null });
      salvaged.optOuts = records.length;
    } catch {
      // a cache from before opt-outs, or an unreadable table
    }
    try {
      // The pictures already downloaded stay on disk: without their index the media cache would sweep them away as strays.
      const media = old.prepare<[], { url: string; file: string; bytes: number; content_type: string; used_at: number }>('SELECT * FROM media').all();
      for (const m of media) putMedia(into, { url: m.url, file: m.file, bytes: m.bytes, contentType: m.content_type, usedAt: m.used_at });
    } catch {
      // a cache from before pictures, or an unreadable table: those pictures download again when shown
    }
    try {
      // "Not a stop request": only the owner said it; history brings back the reply alone.
      restoreDismissedStopRequests(into, dismissedStopRequests(old));
    } catch {
      // a cache from before stop requests, or an unreadable table
    }
    try {
      // Pinned, archived, muted: only the owner knows them, history does not.
      const flags = allConversationFlags(old);
      restoreConversationFlags(into, flags);
      salvaged.flags = flags.length;
    } catch {
      // a cache from before these flags, or an unreadable table
    }
  } finally {
    old.close();
  }
  return salvaged;
}
