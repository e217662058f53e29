// The media table: pictures fetched to the account's media folder, by URL,
// with when each was last shown (the least recently used go first when the
// folder is over its size), and where a message's picture is to be found.
import { prepared, type Db } from './statements';

export interface MediaEntry {
  url: string;
  /** File name inside the account's media folder. */
  file: string;
  bytes: number;
  contentType: string;
  usedAt: number;
}

interface MediaRow {
  url: string;
  file: string;
  bytes: number;
  content_type: string;
  used_at: number;
}

const toEntry = (r: MediaRow): MediaEntry => ({ url: r.url, file: r.file, bytes: r.bytes, contentType: r.content_type, usedAt: r.used_at });

export function mediaEntry(db: Db, url: string): MediaEntry | null {
  const row = prepared<[string], MediaRow>(db, 'SELECT * FROM media WHERE url = ?').get(url);
  return row ? toEntry(row) : null;
}

export function putMedia(db: Db, entry: MediaEntry): void {
  prepared(
    db,
    `INSERT INTO media (url, file, bytes, content_type, used_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (url) DO UPDATE SET file = excluded.file, bytes = excluded.bytes,
       content_type = excluded.content_type, used_at = excluded.used_at`,
  ).run(entry.url, entry.file, entry.bytes, entry.contentType, entry.usedAt);
}

export function touchMedia(db: Db, url: string, now: number): void {
  prepared(db, 'UPDATE media SET used_at = ? WHERE url = ?').run(now, url);
}

/** Bytes on disk: a file kept under two URLs (the upload's and the message's) counts once. */
export function mediaTotalBytes(db: Db): number {
  return prepared<[], number | null>(db, 'SELECT SUM(bytes) FROM (SELECT file, MAX(bytes) AS bytes FROM media GROUP BY file)', { value: true }).get() ?? 0;
}

export function leastRecentlyUsedMedia(db: Db, limit: number): MediaEntry[] {
  return prepared<[number], MediaRow>(db, 'SELECT * FROM media ORDER BY used_at, url LIMIT ?').all(limit).map(toEntry);
}

/** Forgets a URL; true when no other URL uses its file (so the file may go). */
export function forgetMedia(db: Db, entry: MediaEntry): boolean {
  prepared(db, 'DELETE FROM media WHERE url = ?').run(entry.url);
  return prepared<[string], number>(db, 'SELECT 1 FROM media WHERE file = ? LIMIT 1', { value: true }).get(entry.file) === undefined;
}

export function mediaFiles(db: Db): Set<string> {
  return new Set(prepared<[], string>(db, 'SELECT file FROM media', { value: true }).all());
}

export interface PictureSource {
  isPicture: boolean;
  /** ClickSend's URL for it, once it has one. */
  mediaUrl: string | null;
  /** The prepared picture waiting in the outbox, before ClickSend has it. */
  pictureFile: string | null;
}

export function pictureSource(db: Db, messageRowId: number): PictureSource | null {
  const row = prepared<[number], { kind: string; media_url: string | null; picture_file: string | null }>(
    db,
    `SELECT m.kind, COALESCE(m.media_url, o.media_url) AS media_url, o.picture_file
     FROM messages m LEFT JOIN outbox o ON o.message_row_id = m.id WHERE m.id = ?`,
  ).get(messageRowId);
  return row ? { isPicture: row.kind === 'mms', mediaUrl: row.media_url, pictureFile: row.picture_file } : null;
}

/** Prepared pictures the outbox still holds: every other file in the outgoing folder is left over. */
export function outboxPictureFiles(db: Db): Set<string> {
  return new Set(prepared<[], string>(db, 'SELECT picture_file FROM outbox WHERE picture_file IS NOT NULL', { value: true }).all());
}
