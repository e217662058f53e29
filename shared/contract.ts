// The one contract between the renderer and the main process. Every request
// (name, parameter schema, result schema) and every event pushed to the
// renderer is declared here; the Electron IPC bridge and the browser-mode
// WebSocket both carry exactly this and nothing else.
import { z } from 'zod';
import { unsendableCharacter } from './message-text';
import { pictureTextProblem, subjectProblem } from './picture-messages';
import {
  Message,
  ScheduledMessage,
  Conversation,
  ConversationFilter,
  Settings,
  Price,
  SearchResults,
  Template,
  ContactList,
  Contact,
  ContactInput,
  Account,
  SyncStatus,
  Session,
} from './inbox-records';
import { SpendRange, SpendSummary, TimeZone } from './money-records';

export * from './inbox-records';
export * from './money-records';
export { DEFAULT_SETTINGS } from './settings-defaults';

const Empty = z.object({}).strict();
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Why "YYYY-MM-DD" is no day on the calendar ("2026-02-30"), or null when it is one. */
function notOnCalendar(date: string): string | null {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (month < 1 || month > 12) return `${date} is not a date: there is no month ${month}.`;
  // Day 0 of the next month is this month's last; setUTCFullYear, unlike Date.UTC, keeps years 0–99 as written.
  const last = new Date(0);
  last.setUTCFullYear(year, month, 0);
  const days = last.getUTCDate();
  return day < 1 || day > days ? `${date} is not a date: ${MONTHS[month - 1]} ${year} has ${days} days.` : null;
}

const DATE_FORMAT = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date, "2026-11-30", that is on the calendar. */
const IsoDate = z
  .string()
  .regex(DATE_FORMAT, 'Use a date such as 2026-11-30.')
  .superRefine((date, ctx) => {
    // zod runs this after a failed format too: that string already has its message.
    const problem = DATE_FORMAT.test(date) ? notOnCalendar(date) : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const OptedOutNumber = z.object({
  phone: z.string(),
  displayPhone: z.string(),
  /** The conversation's title rule: the contact's name, else the number. */
  title: z.string(),
  since: z.number(),
  how: z.enum(['reply', 'by-hand', 'clicksend-list']),
  note: z.string().nullable(),
  notice: z.string(),
});
const UpdateState = z.object({
  /** The version waiting to be installed, or null. */
  version: z.string().nullable(),
  /** Why "Restart to update" could not restart just now, in words. */
  message: z.string().nullable(),
});
const Username = z.string().trim().min(1, 'Enter your API username.').max(200);
const ApiKey = z.string().trim().min(1, 'Enter your API key.').max(200);
const MessageBody = z
  .string()
  .max(1600, 'A message can be at most 1,600 characters.')
  .superRefine((body, ctx) => {
    const why = unsendableCharacter(body);
    if (why) ctx.addIssue({ code: 'custom', message: why });
  });

const PictureSubject = z.string().superRefine((subject, ctx) => {
  const why = subjectProblem(subject);
  if (why) ctx.addIssue({ code: 'custom', message: why });
});
const PictureText = z
  .string()
  .max(1600)
  .superRefine((body, ctx) => {
    const why = unsendableCharacter(body) ?? pictureTextProblem(body);
    if (why) ctx.addIssue({ code: 'custom', message: why });
  });
const AttachmentId = z.string().regex(/^[0-9a-f-]{36}$/, 'That picture is no longer attached.');
/** A picture made ready to send: checked, made small enough, kept by the core until sent or removed. */
const PreparedPicture = z.object({
  attachmentId: AttachmentId,
  name: z.string(),
  /** Bytes that will be uploaded. */
  bytes: z.number().int(),
  contentType: z.string(),
  /** What will be sent, as a URL naming it by id on the host's media route, when the page can show it (not HEIC). */
  preview: z.string().nullable(),
  /** What was done to it ("Made smaller to fit: 3.2 MB → 240 kB"), in words. */
  note: z.string().nullable(),
});
/** A picture attached in the composer (pictures.prepare), and the subject it goes with. */
const AttachedPicture = z.object({ subject: PictureSubject, attachmentId: AttachmentId }).strict();
export type AttachedPicture = z.input<typeof AttachedPicture>;

/** A message to price or send, with a picture or without. */
const Outgoing = z.object({ to: z.string().trim().min(1, 'Enter a phone number.').max(40), body: z.string(), picture: AttachedPicture.optional() });

/** Refuses, in words, a text its kind cannot send: with a picture a picture message's rules, else `smsBody`'s. */
function textOfItsKind(smsBody: z.ZodType<string>) {
  return ({ body, picture }: { body: string; picture?: unknown }, ctx: z.RefinementCtx) => {
    const checked = (picture ? PictureText : smsBody).safeParse(body);
    for (const issue of checked.error?.issues ?? []) ctx.addIssue({ code: 'custom', message: issue.message, path: ['body'] });
  };
}

export const requests = {
  'session.get': { params: Empty, result: Session },
  'session.signIn': { params: z.object({ username: Username, apiKey: ApiKey }).strict(), result: Session },
  'session.signInDemo': { params: Empty, result: Session },
  'session.signOut': { params: Empty, result: Session },
  /** Each account has its own cache: switching never mixes conversations. */
  'accounts.switch': { params: z.object({ username: Username }).strict(), result: Session },
  /** Another saved account leaves this computer: its key from the keychain, its cached messages from disk. */
  'accounts.remove': { params: z.object({ username: Username }).strict(), result: Session },
  'account.refresh': { params: Empty, result: Account },
  /** A page of the list, newest activity first, and how many conversations the filter holds. */
  'conversations.list': {
    params: z
      .object({
        filter: ConversationFilter.default('all'),
        limit: z.number().int().min(1).max(500),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    result: z.object({
      total: z.number().int(),
      items: z.array(Conversation),
      /** How many conversations each filter holds, for the filters' counts. */
      counts: z.object({ unread: z.number().int(), failed: z.number().int(), scheduled: z.number().int(), optedOut: z.number().int(), archived: z.number().int() }),
    }),
  },
  'conversations.get': { params: z.object({ conversationId: z.number().int() }).strict(), result: Conversation.nullable() },
  /** Validates a typed number (default country from settings) and finds its conversation, if any. */
  'conversations.forNumber': {
    params: z.object({ number: z.string().max(40) }).strict(),
    result: z.object({
      phone: z.string(),
      displayPhone: z.string(),
      title: z.string(),
      conversation: Conversation.nullable(),
      /** Whether the number may be texted, with or without a conversation yet. */
      optedOut: Conversation.shape.optedOut,
      /** "Opted back in by hand on …: why", kept in the thread. */
      optedBackIn: z.string().nullable(),
    }),
  },
  'conversations.markRead': { params: z.object({ conversationId: z.number().int() }).strict(), result: z.null() },
  'conversations.markUnread': { params: z.object({ conversationId: z.number().int() }).strict(), result: z.null() },
  /** Pin, archive or mute a conversation (or undo); the flags not given stay as they are. */
  'conversations.setFlags': {
    params: z
      .object({ conversationId: z.number().int(), pinned: z.boolean().optional(), archived: z.boolean().optional(), muted: z.boolean().optional() })
      .strict(),
    result: Conversation,
  },
  'messages.list': {
    params: z
      .object({
        conversationId: z.number().int(),
        /** Older than this local id (scrolling up); omit all three for the newest page. */
        beforeId: z.number().int().optional(),
        /** Newer than this local id (scrolling down after jumping to an old message). */
        afterId: z.number().int().optional(),
        /** Half a page either side of this message (opening a search result). */
        aroundId: z.number().int().optional(),
        limit: z.number().int().min(1).max(200),
      })
      .strict()
      .refine((p) => [p.beforeId, p.afterId, p.aroundId].filter((v) => v !== undefined).length <= 1, {
        message: 'Give at most one of beforeId, afterId and aroundId.',
      }),
    /** Newest first. */
    result: z.array(Message),
  },
  /** What ClickSend would charge for this message (POST /sms/price, or /mms/price with a picture: uploaded first if not yet, once). */
  'messages.price': { params: Outgoing.strict().superRefine(textOfItsKind(MessageBody.min(1))), result: Price },
  'drafts.get': { params: z.object({ phone: z.string().min(1).max(40) }).strict(), result: z.string() },
  /** An empty body deletes the draft. */
  'drafts.save': { params: z.object({ phone: z.string().min(1).max(40), body: MessageBody }).strict(), result: z.null() },
  'templates.list': { params: Empty, result: z.array(Template) },
  /** Creates (no templateId) or updates at ClickSend, then in the cache. Refused offline. */
  'templates.save': {
    params: z
      .object({
        templateId: z.number().int().optional(),
        name: z.string().trim().min(1, 'Give the template a name.').max(100),
        body: MessageBody.min(1, 'Write the template’s text.'),
      })
      .strict(),
    result: Template,
  },
  'templates.delete': { params: z.object({ templateId: z.number().int() }).strict(), result: z.null() },
  'lists.list': { params: Empty, result: z.array(ContactList) },
  'lists.save': {
    params: z.object({ listId: z.number().int().optional(), name: z.string().trim().min(1, 'Give the list a name.').max(100) }).strict(),
    result: ContactList,
  },
  /** Deletes the list and every contact in it, at ClickSend and here. */
  'lists.delete': { params: z.object({ listId: z.number().int() }).strict(), result: z.null() },
  'contacts.list': {
    params: z
      .object({
        listId: z.number().int(),
        /** Filters by name, number or email. */
        query: z.string().max(200).default(''),
        limit: z.number().int().min(1).max(500),
        offset: z.number().int().min(0).default(0),
      })
      .strict(),
    result: z.object({ total: z.number().int(), items: z.array(Contact) }),
  },
  /** The contact(s) with this number, for names and placeholders. */
  'contacts.forPhone': { params: z.object({ phone: z.string().min(1).max(40) }).strict(), result: Contact.nullable() },
  'contacts.save': {
    params: z.object({ listId: z.number().int(), contactId: z.number().int().optional(), contact: ContactInput }).strict(),
    result: Contact,
  },
  'contacts.delete': { params: z.object({ listId: z.number().int(), contactId: z.number().int() }).strict(), result: z.null() },
  /**
   * One batch of an import (the renderer sends a file in batches). A number
   * already in the list updates that contact instead of adding a second.
   */
  'contacts.import': {
    params: z.object({ listId: z.number().int(), rows: z.array(ContactInput.extend({ line: z.number().int() })).max(200) }).strict(),
    result: z.object({
      created: z.number().int(),
      updated: z.number().int(),
      failed: z.array(z.object({ line: z.number().int(), reason: z.string() })),
    }),
  },
  'contacts.export': { params: z.object({ listId: z.number().int() }).strict(), result: z.object({ filename: z.string(), csv: z.string() }) },
  'settings.get': { params: Empty, result: Settings },
  'settings.update': { params: Settings.partial().strict(), result: Settings },
  /** Sends a message exactly once, with a picture if one is given. */
  'messages.send': {
    params: Outgoing.extend({
      /** Unix seconds: send at this time instead of now. */
      schedule: z.number().int().positive().optional(),
    })
      .strict()
      .superRefine(textOfItsKind(MessageBody)),
    result: Message,
  },
  /**
   * A picture the user attached (dropped, pasted, chosen) is coming: refused
   * with why before a byte is sent (too large, pictures refused to the
   * account). The page then PUTs the file to `uploadUrl` (the host's media
   * route, by the attachment's id) and asks pictures.prepare.
   */
  'pictures.attach': {
    params: z.object({ name: z.string().max(260), size: z.number().int().nonnegative() }).strict(),
    result: z.object({ attachmentId: AttachmentId, uploadUrl: z.string() }),
  },
  /** Checks the picture that arrived and makes it ready: refused with why when it is not a picture or did not arrive whole; scaled down when larger than ClickSend takes. */
  'pictures.prepare': { params: z.object({ attachmentId: AttachmentId }).strict(), result: PreparedPicture },
  /** The attachment was removed from the composer. */
  'pictures.discard': { params: z.object({ attachmentId: AttachmentId }).strict(), result: z.null() },
  /** The picture of a picture message, from the core's media cache (fetched by the core if need be). */
  'pictures.show': {
    params: z.object({ id: z.number().int() }).strict(),
    result: z.object({
      /** The host's URL for it by id (app://inbox/media/<id>, or /media/<id>?token=… in browser mode); null when it cannot be shown now. */
      src: z.string().nullable(),
      /** Why not, in words (offline and not downloaded yet, gone at ClickSend, not a picture). */
      missing: z.string().nullable(),
    }),
  },
  /** Every message waiting for its time, across conversations, soonest first. */
  'messages.scheduled': { params: Empty, result: z.array(ScheduledMessage) },
  /** Cancels one scheduled message (PUT /sms/{message_id}/cancel); too late is said, and the real state shown. */
  'messages.cancel': { params: z.object({ id: z.number().int() }).strict(), result: Message },
  /** PUT /sms/cancel-all, and the same for scheduled sends still waiting in the outbox. */
  'messages.cancelAll': { params: Empty, result: z.object({ count: z.number().int() }) },
  /** Edit = cancel, then schedule the new text or time; if the cancel fails, nothing new is scheduled. */
  'messages.reschedule': {
    params: z.object({ id: z.number().int(), body: MessageBody, schedule: z.number().int().positive() }).strict(),
    result: Message,
  },
  /** Sends again a message ClickSend never accepted (status Failed). */
  'messages.retry': { params: z.object({ id: z.number().int() }).strict(), result: Message },
  /** A message ClickSend took but could not deliver: a new message with the same text to the same number. */
  'messages.sendAgain': { params: z.object({ id: z.number().int() }).strict(), result: Message },
  /** Deletes a message ClickSend never accepted. */
  'messages.discard': { params: z.object({ id: z.number().int() }).strict(), result: z.null() },
  'sync.now': { params: Empty, result: SyncStatus },
  /** Any text is a valid search: it never reaches FTS5 as syntax. Works offline. */
  'search.query': {
    params: z.object({ text: z.string().max(10_000), limit: z.number().int().min(1).max(200).default(50) }).strict(),
    result: SearchResults,
  },
  /**
   * Find in one conversation (Ctrl+F in a thread): every message holding all
   * the words (body or picture subject), newest first as the thread shows
   * them. Searched like `search.query`; works offline.
   */
  'messages.find': {
    params: z.object({ conversationId: z.number().int(), text: z.string().max(10_000) }).strict(),
    result: z.object({ ids: z.array(z.number().int()), total: z.number().int() }),
  },
  /**
   * The window gained or lost focus, or another conversation was opened: sync
   * polls faster while the user is looking, and replies to the conversation
   * open in a focused window do not notify.
   */
  'app.presence': {
    params: z.object({ focused: z.boolean(), openConversationId: z.number().int().nullable().default(null) }).strict(),
    result: z.null(),
  },
  /** A notification was clicked: bring the window forward (a no-op in browser mode). */
  'app.focusWindow': { params: Empty, result: z.null() },
  /** Opt a number out by hand (a customer asked on the phone), or back in, with a note of why. */
  'optOuts.change': {
    params: z.object({ phone: z.string().min(1).max(40), optedOut: z.boolean(), note: z.string().trim().max(200).nullable() }).strict(),
    result: z.null(),
  },
  /**
   * The owner read a reply flagged as asking to stop (its message id) and says
   * it is not a request: it stops asking, until a later reply asks again.
   */
  'optOuts.dismiss': { params: z.object({ id: z.number().int() }).strict(), result: z.null() },
  /** Every number that may not be texted, newest first, with when, how and why. */
  'optOuts.list': { params: Empty, result: z.array(OptedOutNumber) },
  'optOuts.export': { params: Empty, result: z.object({ filename: z.string(), csv: z.string() }) },
  /**
   * Starts a CSV export of one conversation, or of every conversation between
   * two dates (inclusive, in `zone`); the window then pulls it with export.next.
   */
  'export.start': {
    params: z
      .object({
        scope: z.union([
          z.object({ conversationId: z.number().int() }).strict(),
          z.object({ from: IsoDate, to: IsoDate }).strict().refine((r) => r.from <= r.to, { message: 'The first day must not be after the last.' }),
        ]),
        zone: TimeZone,
      })
      .strict(),
    result: z.object({ exportId: z.string(), filename: z.string(), total: z.number().int() }),
  },
  /** The next chunk of the export's CSV; `finished` with the last. */
  'export.next': {
    params: z.object({ exportId: z.string().max(64) }).strict(),
    result: z.object({ csv: z.string(), done: z.number().int(), total: z.number().int(), finished: z.boolean() }),
  },
  'export.cancel': { params: z.object({ exportId: z.string().max(64) }).strict(), result: z.null() },
  /** What was spent in a range, from the prices ClickSend gave each message: per day and month in `zone`, and per conversation. */
  'spend.summary': { params: z.object({ range: SpendRange, zone: TimeZone }).strict(), result: SpendSummary },
  /** The messages behind spend.summary, one row each, as CSV. */
  'spend.export': { params: z.object({ range: SpendRange, zone: TimeZone }).strict(), result: z.object({ filename: z.string(), csv: z.string() }) },
  /** A downloaded update waiting to be installed (desktop app), or none. */
  'app.update': { params: Empty, result: UpdateState },
  /** Install the waiting update now; refused while a message is still being sent. */
  'app.restartToUpdate': { params: Empty, result: z.null() },
  /** Pause notifications for an hour, until tomorrow morning, turn them off, or resume them. */
  'notifications.pause': { params: z.object({ choice: z.enum(['hour', 'tomorrow', 'off', 'resume']) }).strict(), result: Settings },
} as const satisfies Record<string, { params: z.ZodType; result: z.ZodType }>;

export const events = {
  /** Messages stored for the first time (a reply, a send, a sync). */
  'messages.added': z.object({ messages: z.array(Message) }),
  /** Status moved forward for messages already shown. */
  'messages.statusChanged': z.object({ messages: z.array(Message) }),
  'conversations.changed': z.object({ conversationIds: z.array(z.number().int()) }),
  'sync.status': SyncStatus,
  /** Contacts (and their lists) or templates changed: by a sync, an edit, an import (conversation titles may have too). */
  'directory.changed': z.object({ contacts: z.boolean(), templates: z.boolean() }),
  /** Messages Spend counts were stored or changed (a send, a sync, the first sync's history): its figures may have moved. */
  'spend.changed': z.object({}),
  'connection.changed': z.object({ online: z.boolean(), message: z.string().nullable() }),
  'session.changed': Session,
  'settings.changed': Settings,
  /** A reply worth a system notification; the renderer shows it (Electron routes it to the OS). */
  'notification.show': z.object({ title: z.string(), body: z.string(), conversationId: z.number().int(), sound: z.boolean() }),
  /** Unread replies across all conversations, for badges and the window title. */
  'unread.changed': z.object({ count: z.number().int() }),
  /** Something the core did on its own that the user should know (e.g. scheduled messages cancelled after a STOP). */
  'app.notice': z.object({ text: z.string() }),
  /** An update was downloaded, or restarting for it was refused (with why). */
  'app.updateReady': UpdateState,
} as const satisfies Record<string, z.ZodType>;

export type RequestName = keyof typeof requests;
export type EventName = keyof typeof events;
export type Params<N extends RequestName> = z.input<(typeof requests)[N]['params']>;
export type ParsedParams<N extends RequestName> = z.output<(typeof requests)[N]['params']>;
export type Result<N extends RequestName> = z.output<(typeof requests)[N]['result']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export const requestNames = Object.keys(requests) as RequestName[];
export const eventNames = Object.keys(events) as EventName[];

/** An error as the user may see it: never a stack trace, never a secret. */
export const UserError = z.object({
  code: z.string(),
  message: z.string(),
  /** What the user can do about it, when there is something. */
  action: z.string().nullable(),
});
export type UserError = z.infer<typeof UserError>;

export type Reply<T> = { ok: true; value: T } | { ok: false; error: UserError };

/** What both transports (Electron IPC, browser-mode WebSocket) offer the renderer. */
export interface InboxBridge {
  invoke<N extends RequestName>(name: N, params: Params<N>): Promise<Reply<Result<N>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export { IPC_EVENT, IPC_INVOKE } from './ipc-channels';

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.hasOwn(requests, name);
}
