// The records that cross the contract: messages, conversations, contacts,
// templates, settings, the session and sync state. Each is a zod schema (the
// contract validates results with it in tests) and the type inferred from it.
import { z } from 'zod';
import { apiAddressProblem } from './api-address';
import { LowBalance } from './money-records';

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
export const MessageAction = z.enum(['retry', 'sendAgain', 'delete', 'cancel', 'edit', 'confirmOptOut', 'dismissStopRequest']);
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
  /**
   * A picture message (MMS): its subject. The picture itself is asked of the
   * core by the message's id ('media.picture'); the page never fetches it.
   */
  picture: z.object({ subject: z.string().nullable() }).nullable(),
});
export type Message = z.infer<typeof Message>;

export const ScheduledMessage = Message.extend({ title: z.string(), phone: z.string() });
export type ScheduledMessage = z.infer<typeof ScheduledMessage>;

/** What the owner may do with a conversation from its row or its header; decided by the core (electron/core/conversations/actions.ts). */
export const ConversationAction = z.enum(['markRead', 'markUnread', 'pin', 'unpin', 'mute', 'unmute', 'archive', 'unarchive', 'export']);
export type ConversationAction = z.infer<typeof ConversationAction>;
/** One entry of a conversation's menu: what it does and its words ("Unpin" when pinned). */
export const ConversationMenuItem = z.object({ action: ConversationAction, label: z.string() });
export type ConversationMenuItem = z.infer<typeof ConversationMenuItem>;

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
  /** The newest message is a picture: the list draws a picture icon before lastBody (which then begins "Photo"). */
  lastIsPicture: z.boolean(),
  lastDirection: z.enum(['in', 'out']),
  lastStatus: MessageStatus,
  /** The state of the newest message when it is ours ("Delivered", "Failed"); null when it is a reply. */
  lastStatusLabel: z.string().nullable(),
  lastTone: StatusTone,
  unreadCount: z.number().int(),
  /** Its menu (right-click on the row), in order, in the core's words. */
  actions: z.array(ConversationMenuItem),
  /** The number opted out (STOP): nothing may be sent to it. The notice says when and how, in words. */
  optedOut: z.object({ notice: z.string(), since: z.number(), how: z.enum(['reply', 'by-hand', 'clicksend-list']) }).nullable(),
  /**
   * A reply reads like a request to stop ("please stop texting me") and the
   * owner has not decided yet: the reply's message id and when it came. Null
   * once the number is opted out, in or out again since, or dismissed.
   */
  askedToStop: z.object({ replyId: z.number().int(), at: z.number() }).nullable(),
  /** Kept at the top of the list. */
  pinned: z.boolean(),
  /** Out of the list (in the Archived filter) until the customer writes again. */
  archived: z.boolean(),
  /** Its replies do not notify; they still count as unread. */
  muted: z.boolean(),
});
export type Conversation = z.infer<typeof Conversation>;

/**
 * unread: has unread replies; scheduled: has a message waiting for its time;
 * failed: our newest message in it did not get through (so it needs following up).
 */
export const ConversationFilter = z.enum(['all', 'unread', 'scheduled', 'failed', 'optedOut', 'archived']);
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
  /** The desktop app downloads updates by itself and installs them on quit or on "Restart to update". */
  autoUpdate: z.boolean(),
  /** The ClickSend contact list that holds the account's opt-outs (created on first use). */
  optOutListName: z.string().trim().min(1, 'Name the list for opt-outs.').max(100),
  /** The subject a picture message starts with (ClickSend requires one, at most 20 characters). */
  pictureSubject: z.string().trim().min(1, 'A picture message needs a subject.').max(20, 'A subject can be at most 20 characters.'),
  /** Megabytes of pictures kept on this computer per account; the least recently shown go first. */
  pictureCacheMb: z.number().int().min(20, 'Keep at least 20 MB of pictures.').max(5000, 'Keep at most 5,000 MB of pictures.'),
  /**
   * Warn in the header when the balance falls below this, in the account's
   * currency, unless the account has its own low-credit amount at ClickSend
   * (that one wins). 0 or null: no threshold of the app's own.
   */
  lowBalanceWarning: z
    .number()
    .min(0, 'Enter 0 or more (0 turns the warning off).')
    .max(100_000, 'Enter at most 100,000.')
    .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, 'Use whole cents, such as 5.00.')
    .nullable(),
  /** Advanced: an API gateway in front of ClickSend; null: CLICKSEND_API_URL or ClickSend itself. The key goes there (see api-address.ts). */
  apiBaseUrl: z
    .string()
    .superRefine((address, ctx) => {
      const problem = apiAddressProblem(address);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .nullable(),
  window: WindowBounds.nullable(),
});
export type Settings = z.infer<typeof Settings>;
export const Price = z.object({
  parts: z.number().int(),
  /** In the account's currency, e.g. "0.1584". */
  total: z.string(),
  currency: z.string(),
  /** What it costs as money is shown, in whole cents ("≈ $0.16" is the composer's); null when ClickSend would not take it. */
  cost: z.string().nullable(),
  /** Why ClickSend would not take this message, in the core's words (not enough credit, a country not enabled); null when it would. */
  refusal: z.string().nullable(),
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
      /** The number opted out: nothing may be sent to it. */
      optedOut: z.boolean(),
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
      /** The number opted out: nothing may be sent to it. */
      optedOut: z.boolean(),
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

/** Whether ClickSend takes picture messages from the account, as the core last found (it is not offered everywhere). */
export const PictureAccess = z.object({
  offered: z.boolean(),
  /** Why not, in words the composer and Settings show; null when offered. */
  message: z.string().nullable(),
  /** Epoch ms when the app asks ClickSend again by itself (Sync now asks at once); null when offered. */
  askAgainAt: z.number().nullable(),
});
export type PictureAccess = z.infer<typeof PictureAccess>;

export const Account = z.object({
  username: z.string(),
  accountName: z.string(),
  balance: z.string(),
  currency: z.string(),
  /** ISO country of the account, the default for numbers typed without a country code. */
  country: z.string().nullable().default(null),
  /** When the app warns of a low balance, and the warning now; null: no threshold set (or no balance known). */
  lowBalance: LowBalance.nullable().default(null),
  pictures: PictureAccess.default({ offered: true, message: null, askAgainAt: null }),
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
