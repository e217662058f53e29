// The two kinds of message ClickSend keeps apart, SMS and picture messages
// (MMS), each described once: its endpoints (the client's methods, each with
// its row schema), the field its history is dated by, how a row becomes a
// message to store, its sync cursors and pulls. Whatever handles both loops
// over KINDS or is given one, so the kinds cannot drift apart.
import type { ClickSendClient, HistoryQuery, PageRetry } from '../clicksend/client';
import { walkPages } from '../clicksend/pages';
import type { Page } from '../clicksend/schemas';
import type { MessageKind } from '../cache/messages';
import type { IncomingMessage } from '../cache/ingest';
import type { PullName } from '../sync/pull-steps';
import { fromHistory, type KindHistoryRow } from './from-api';

export interface Kind {
  name: MessageKind;
  /** The history's date field, as `order_by` names it (/mms/history dates by date_added). */
  dateField: 'date' | 'date_added';
  /** Replies come only as SMS: ClickSend has no inbound MMS, so every picture message is ours. */
  hasInbound: boolean;
  /** Rows of its history in one shape (a picture message's carrying its picture); `{ retry: false }` as the client's. */
  historyPage(client: ClickSendClient, query: HistoryQuery, signal?: AbortSignal, pageRetry?: PageRetry): Promise<Page<KindHistoryRow>>;
  cancel(client: ClickSendClient, messageId: string): Promise<unknown>;
  cancelAll(client: ClickSendClient): Promise<{ count: number }>;
  /** Where the incremental history pull reads from (unix s), and the first sync's walk (sync/history-walk.ts). */
  historyCursor: 'historyDate' | 'pictureHistoryDate';
  walkCursor: 'backfill' | 'pictureWalk';
  /** The pass's pulls of this kind, as pull-steps.ts names them. */
  pulls: { receipts: PullName; history: PullName; due: PullName };
  /** Its scheduled messages, in words ("… are still scheduled"). */
  scheduledWords: string;
}

export const SMS: Kind = {
  name: 'sms',
  dateField: 'date',
  hasInbound: true,
  historyPage: (client, query, signal, pageRetry) => client.historyPage(query, signal, pageRetry),
  cancel: (client, messageId) => client.cancelScheduled(messageId),
  cancelAll: (client) => client.cancelAllScheduled(),
  historyCursor: 'historyDate',
  walkCursor: 'backfill',
  pulls: { receipts: 'receipts', history: 'history', due: 'dueScheduled' },
  scheduledWords: 'the scheduled text messages',
};

export const MMS: Kind = {
  name: 'mms',
  dateField: 'date_added',
  hasInbound: false,
  historyPage: async (client, query, signal, pageRetry) => {
    const page = await client.pictureHistoryPage(query, signal, pageRetry);
    return {
      ...page,
      data: page.data.map(({ date_added: date, subject, _media_file_url: mediaUrl, ...rest }) => ({ ...rest, date, picture: { subject, mediaUrl } })),
    };
  },
  cancel: (client, messageId) => client.cancelScheduledPicture(messageId),
  cancelAll: (client) => client.cancelAllScheduledPictures(),
  historyCursor: 'pictureHistoryDate',
  walkCursor: 'pictureWalk',
  pulls: { receipts: 'pictureReceipts', history: 'pictureHistory', due: 'duePictures' },
  scheduledWords: 'the scheduled picture messages',
};

/** In the order a pass reads them. */
export const KINDS: readonly Kind[] = [SMS, MMS];

export function kindOf(message: { picture: unknown }): Kind {
  return message.picture ? MMS : SMS;
}

/** Every history row of this kind matching the query, each once (see walkPages). */
export function historyOf(kind: Kind, client: ClickSendClient, query: Omit<HistoryQuery, 'page' | 'limit'>, signal?: AbortSignal) {
  return walkPages((page, limit) => kind.historyPage(client, { ...query, page, limit }, signal), { key: (r) => r.message_id });
}

export function receiptsOf(kind: Kind, client: ClickSendClient, signal?: AbortSignal) {
  return walkPages((page, limit) => client.receiptsPage(kind.name, page, limit, signal), { key: (r) => `${r.message_id}:${r.timestamp}` });
}

/** A history row as a message to store; `repliesUnread`: a reply never seen counts as unread (see fromHistory). */
export function messageOf(kind: Kind, row: KindHistoryRow, options?: { repliesUnread?: boolean }): IncomingMessage {
  return fromHistory(kind.hasInbound ? row : { ...row, direction: 'out' }, options);
}
