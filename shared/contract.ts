// The one contract between the renderer and the main process. Every request
// (name, parameter schema, result schema) and every event pushed to the
// renderer is declared here; the Electron IPC bridge and the browser-mode
// WebSocket both carry exactly this and nothing else.
import { z } from 'zod';
import { unsendableCharacter } from './message-text';

export const MessageStatus = z.enum([
  'Pending', // in the local outbox, not yet accepted by ClickSend
  'Scheduled',
  'Queued',
  'Sent',
  'Delivered',
  'Undelivered',
  'Failed',
  'Cancelled',
  'Received',
]);
export type MessageStatus = z.infer<typeof MessageStatus>;

/** How a state should look: waiting, fine, delivered, a problem, or no longer relevant. */
export const StatusTone = z.enum(['pending', 'neutral', 'good', 'bad', 'muted']);
export type StatusTone = z.infer<typeof StatusTone>;

/** What the user may do with a message; decided by the core (electron/core/messages/rules.ts). */
export const MessageAction = z.enum(['retry', 'sendAgain', 'delete', 'cancel', 'edit']);
export type MessageAction = z.infer<typeof MessageAction>;

export const Message = z.object({
  id: z.number().int(),
  conversationId: z.number().int(),
  messageId: z.string().nullable(),
  direction: z.enum(['in', 'out']),
  body: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  status: MessageStatus,
  statusText: z.string().nullable(),
  /** Epoch milliseconds. */
  createdAt: z.number(),
  scheduledAt: z.number().nullable(),
  parts: z.number().int().nullable(),
  price: z.string().nullable(),
  /**
   * Not yet confirmed by ClickSend: 'waiting' for a connection (goes out by
   * itself), 'submitting' now, or 'unknown' (being looked for in history).
   */
  outboxState: z.enum(['waiting', 'submitting', 'unknown']).nullable(),
  /** The words for its state ("Delivered", "Waiting to send"); null for a reply, which has none of ours. */
  statusLabel: z.string().nullable(),
  tone: StatusTone,
  /** Why it failed or waits, when that is worth showing under it. */
  problem: z.string().nullable(),
  actions: z.array(MessageAction),
  /** Epoch ms it is scheduled for, while it waits for that time; else null. */
  waitingUntil: z.number().nullable(),
});
export type Message = z.infer<typeof Message>;

export const ScheduledMessage = Message.extend({ title: z.string(), phone: z.string() });
export type ScheduledMessage = z.infer<typeof ScheduledMessage>;

export const Conversation = z.object({
  id: z.number().int(),
  /** The other party, E.164 where it could be normalised. */
  phone: z.string(),
  /** Contact name when known, else the formatted number. */
  title: z.string(),
  /** The number as people write it ("+61 422 222 222"). */
  displayPhone: z.string(),
  lastMessageAt: z.number(),
  lastBody: z.string(),
  lastDirection: z.enum(['in', 'out']),
  lastStatus: MessageStatus,
  /** The state of the newest message when it is ours ("Delivered", "Failed"); null when it is a reply. */
  lastStatusLabel: z.string().nullable(),
  lastTone: StatusTone,
  unreadCount: z.number().int(),
});
export type Conversation = z.infer<typeof Conversation>;

/**
 * unread: has unread replies; scheduled: has a message waiting for its time;
 * failed: our newest message in it did not get through (so it needs following up).
 */
export const ConversationFilter = z.enum(['all', 'unread', 'scheduled', 'failed']);
export type ConversationFilter = z.infer<typeof ConversationFilter>;

export const WindowBounds = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean(),
});

export const Settings = z.object({
  theme: z.enum(['system', 'light', 'dark']),
  /** ISO country for numbers typed without a country code; null: the ClickSend account's country. */
  defaultCountry: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter country code, such as AU or US.')
    .nullable(),
  /** Seconds between polls while the window is open but not focused (see the sync cadence). */
  pollIntervalSeconds: z.number().int().min(5, 'Poll at most every 5 seconds.').max(600, 'Poll at least every 10 minutes.'),
  notifications: z.boolean(),
  notificationSound: z.boolean(),
  /** Epoch ms until which notifications are paused, or null. */
  notificationsPausedUntil: z.number().int().nullable(),
  /** Closing the window keeps the app in the tray; null: the platform's convention (on for Windows and Linux). */
  closeToTray: z.boolean().nullable(),
  startAtLogin: z.boolean(),
  /** Advanced: an API gateway in front of ClickSend; null: CLICKSEND_API_URL or ClickSend itself. */
  apiBaseUrl: z
    .string()
    .url('Enter a full URL, such as https://rest.clicksend.com/v3.')
    .refine((u) => /^https?:\/\//.test(u), 'Use an http(s) URL.')
    .nullable(),
  window: WindowBounds.nullable(),
});
export type Settings = z.infer<typeof Settings>;
export { DEFAULT_SETTINGS } from './settings-defaults';
export const Price = z.object({
  parts: z.number().int(),
  /** In the account's currency, e.g. "0.1584". */
  total: z.string(),
  currency: z.string(),
});
export type Price = z.infer<typeof Price>;

export const SearchResults = z.object({
  /** Conversations whose number holds the digits typed (national, international or part of it). */
  conversations: z.array(
    z.object({
      conversationId: z.number().int(),
      title: z.string(),
      /** The number as people write it. */
      phone: z.string(),
      lastMessageAt: z.number(),
    }),
  ),
  messages: z.array(
    z.object({
      /** Local message id, to open the thread at it. */
      id: z.number().int(),
      conversationId: z.number().int(),
      title: z.string(),
      direction: z.enum(['in', 'out']),
      createdAt: z.number(),
      /** Text around the match; matched words sit between \u0002 and \u0003. */
      snippet: z.string(),
    }),
  ),
  contacts: z.array(
    z.object({
      contactId: z.number().int(),
      name: z.string(),
      /** E.164, to start a conversation with. */
      phone: z.string().nullable(),
      /** The number as people write it. */
      displayPhone: z.string().nullable(),
      /** The conversation with this contact's number, if there is one. */
      conversationId: z.number().int().nullable(),
    }),
  ),
});
export type SearchResults = z.infer<typeof SearchResults>;

export const Template = z.object({ templateId: z.number().int(), name: z.string(), body: z.string() });
export type Template = z.infer<typeof Template>;

export const ContactList = z.object({ listId: z.number().int(), name: z.string(), contactsCount: z.number().int().nullable() });
export type ContactList = z.infer<typeof ContactList>;

const OptionalText = z.string().max(200).nullable();
export const Contact = z.object({
  contactId: z.number().int(),
  listId: z.number().int(),
  /** E.164. */
  phone: z.string().nullable(),
  /** The number as people write it. */
  displayPhone: z.string().nullable(),
  /** The name to show: first and last name, else the number. */
  displayName: z.string(),
  firstName: OptionalText,
  lastName: OptionalText,
  email: OptionalText,
  custom1: OptionalText,
  custom2: OptionalText,
  custom3: OptionalText,
  custom4: OptionalText,
});
export type Contact = z.infer<typeof Contact>;

/** What the contact form, the CSV import's preview and the core all accept as an email address. */
export const EmailAddress = z.string().trim().max(200).email('Enter a valid email address, or leave it empty.');

/** A contact as typed in a form or read from a CSV row: the number is checked and normalised by the core. */
export const ContactInput = z.object({
  phone: z.string().trim().min(1, 'Enter a phone number.').max(40),
  firstName: OptionalText.default(null),
  lastName: OptionalText.default(null),
  email: EmailAddress.nullable().or(z.literal('').transform(() => null)).default(null),
  custom1: OptionalText.default(null),
  custom2: OptionalText.default(null),
  custom3: OptionalText.default(null),
  custom4: OptionalText.default(null),
});
export type ContactInput = z.input<typeof ContactInput>;

export const Account = z.object({
  username: z.string(),
  accountName: z.string(),
  balance: z.string(),
  currency: z.string(),
  /** ISO country of the account, the default for numbers typed without a country code. */
  country: z.string().nullable().default(null),
});
export type Account = z.infer<typeof Account>;

/** The first sync's walk through history, while it is under way. */
export const SyncProgress = z.object({
  pagesDone: z.number().int(),
  messagesStored: z.number().int(),
  /** Rows in the window being walked, once the first page said. */
  estimatedTotal: z.number().int().nullable(),
  /** Time left at the recent rate; null until there is a rate. */
  etaSeconds: z.number().int().nonnegative().nullable(),
});
export type SyncProgress = z.infer<typeof SyncProgress>;

export const SyncStatus = z.object({
  state: z.enum(['idle', 'syncing', 'offline', 'paused']),
  /** Epoch ms of the last pass that completed. */
  lastSyncedAt: z.number().nullable(),
  backfill: SyncProgress.nullable(),
  /** Plain words for the user when state is offline or paused. */
  message: z.string().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const Session = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('signed-out'),
    /** Why the user has to sign in (e.g. a key rotated elsewhere), if any. */
    notice: z.string().nullable(),
    /** Browser-mode demo: a sample account is available on the simulator. */
    demoAvailable: z.boolean(),
    /** Accounts whose keys are in the keychain, to continue as without typing. */
    savedAccounts: z.array(z.string()),
  }),
  z.object({
    state: z.literal('signed-in'),
    account: Account,
    sync: SyncStatus,
    /** Every saved account (usernames), for switching. */
    accounts: z.array(z.string()),
    /** Unread replies now; later changes come as unread.changed. */
    unread: z.number().int().nonnegative(),
    /** Something the user should know that is not an error (e.g. settings were reset). */
    notice: z.string().nullable().default(null),
  }),
]);
export type Session = z.infer<typeof Session>;

const Empty = z.object({}).strict();
const Username = z.string().trim().min(1, 'Enter your API username.').max(200);
const ApiKey = z.string().trim().min(1, 'Enter your API key.').max(200);
const MessageBody = z
  .string()
  .max(1600, 'A message can be at most 1,600 characters.')
  .superRefine((body, ctx) => {
    const why = unsendableCharacter(body);
    if (why) ctx.addIssue({ code: 'custom', message: why });
  });

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
      counts: z.object({ unread: z.number().int(), failed: z.number().int(), scheduled: z.number().int() }),
    }),
  },
  'conversations.get': { params: z.object({ conversationId: z.number().int() }).strict(), result: Conversation.nullable() },
  /** Validates a typed number (default country from settings) and finds its conversation, if any. */
  'conversations.forNumber': {
    params: z.object({ number: z.string().max(40) }).strict(),
    result: z.object({ phone: z.string(), displayPhone: z.string(), title: z.string(), conversation: Conversation.nullable() }),
  },
  'conversations.markRead': { params: z.object({ conversationId: z.number().int() }).strict(), result: z.null() },
  'conversations.markUnread': { params: z.object({ conversationId: z.number().int() }).strict(), result: z.null() },
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
  /** What ClickSend would charge for this message (POST /sms/price). */
  'messages.price': {
    params: z.object({ to: z.string().trim().min(1).max(40), body: MessageBody.min(1) }).strict(),
    result: Price,
  },
  'drafts.get': { params: z.object({ phone: z.string().min(1).max(40) }).strict(), result: z.string() },
  /** An empty body deletes the draft. */
  'drafts.save': { params: z.object({ phone: z.string().min(1).max(40), body: z.string().max(1600) }).strict(), result: z.null() },
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
  'messages.send': {
    params: z
      .object({
        to: z.string().trim().min(1, 'Enter a phone number.').max(40),
        body: MessageBody,
        /** Unix seconds: send at this time instead of now. */
        schedule: z.number().int().positive().optional(),
      })
      .strict(),
    result: Message,
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
  /** Contacts or templates changed (conversation titles may have too). */
  'directory.changed': z.object({ contacts: z.boolean(), templates: z.boolean() }),
  'connection.changed': z.object({ online: z.boolean(), message: z.string().nullable() }),
  'session.changed': Session,
  'settings.changed': Settings,
  /** A reply worth a system notification; the renderer shows it (Electron routes it to the OS). */
  'notification.show': z.object({ title: z.string(), body: z.string(), conversationId: z.number().int(), sound: z.boolean() }),
  /** Unread replies across all conversations, for badges and the window title. */
  'unread.changed': z.object({ count: z.number().int() }),
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
