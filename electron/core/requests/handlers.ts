// The answer to every request of the contract: each one names the module
// that owns it, and decides nothing itself.
import type { Settings } from '../../../shared/contract';
import { formatNumber } from '../../../shared/phone-numbers';
import {
  contactNameForPhone,
  conversationIdForPhone,
  conversationTitle,
  getConversation,
  listConversations,
  markConversationRead,
  markConversationUnread,
  optInNoteForPhone,
  optOutForPhone,
} from '../cache/conversations';
import { setConversationFlags } from '../cache/conversation-flags';
import { addDays, dateIn, startOfDay } from '../money/zone-days';
import { readDraft, saveDraft } from '../cache/drafts';
import { listMessages } from '../cache/messages';
import { findInConversation } from '../cache/find-in-thread';
import { searchCache } from '../cache/search';
import { InboxError } from '../errors/inbox-error';
import { optedOutCsv, optedOutNumbers } from '../opt-outs/opted-out-numbers';
import { spendCsv, spendSummary } from '../money/spend';
import { quotePrice, type QuoteContext } from '../money/price-quote';
import { kindOf } from '../messages/kinds';
import type { PauseChoice } from '../notify/notification-policy';
import type { AccountLifecycle } from '../session/account-lifecycle';
import type { AccountSession } from '../session/account-session';
import type { ChangeFeed } from '../session/change-feed';
import type { PendingUpdate } from '../session/pending-update';
import type { Presence } from '../session/presence';
import type { Handlers } from './dispatch';

export interface RequestContext {
  accounts: AccountLifecycle;
  feed: ChangeFeed;
  presence: Presence;
  update: PendingUpdate;
  demo?: { username: string; apiKey: string };
  readSettings(): Settings;
  updateSettings(patch: Partial<Settings>): Settings;
  pauseNotifications(choice: PauseChoice): Settings;
  focusWindow?: () => void;
  /** The page's URL for a picture, by id: the host serving it names it (see Inbox.servePicturesAt). */
  pictureUrl(id: string): string;
}

/** A request answered with null once done: whatever the action returns (or resolves to) is not the answer. */
function done<P>(act: (params: P) => unknown): (params: P) => Promise<null> {
  return async (params) => {
    await act(params);
    return null;
  };
}

/** What the composer needs to word a price: the account as the session keeps it (see QuoteContext.balance). */
function quoteContext(session: AccountSession): QuoteContext {
  const { currency, balance } = session.account;
  return { db: session.db, currency, balance };
}

export function requestHandlers(ctx: RequestContext): Handlers {
  const { accounts, feed } = ctx;
  const active = () => accounts.requireActive();
  return {
    'session.get': async () => accounts.session(),
    'session.signIn': ({ username, apiKey }) => accounts.signIn(username, apiKey),
    'session.signInDemo': async () => {
      if (!ctx.demo) throw new InboxError('NO_DEMO', 'The demo is only available when the app is started with `npm run demo`.', null);
      return accounts.signIn(ctx.demo.username, ctx.demo.apiKey);
    },
    'session.signOut': () => accounts.signOut(null),
    'accounts.switch': ({ username }) => accounts.switchAccount(username),
    'accounts.remove': ({ username }) => accounts.removeAccount(username),
    'account.refresh': () => active().refreshAccount(),

    'conversations.list': async ({ limit, offset, filter }) => listConversations(active().db, limit, offset, filter),
    'conversations.get': async ({ conversationId }) => getConversation(active().db, conversationId),
    'conversations.forNumber': async ({ number }) => {
      const { db } = active();
      const phone = active().normalise(number);
      const id = conversationIdForPhone(db, phone);
      const conversation = id === null ? null : getConversation(db, id);
      return {
        phone,
        displayPhone: formatNumber(phone),
        title: conversation?.title ?? conversationTitle(contactNameForPhone(db, phone), phone),
        conversation,
        optedOut: optOutForPhone(db, phone),
        optedBackIn: optInNoteForPhone(db, phone),
      };
    },
    'conversations.markUnread': async ({ conversationId }) => {
      if (markConversationUnread(active().db, conversationId)) feed.conversationsChanged([conversationId]);
      return null;
    },
    'conversations.setFlags': async ({ conversationId, ...change }) => {
      const { db } = active();
      const conversation = getConversation(db, conversationId);
      if (!conversation) throw new InboxError('NOT_FOUND', 'That conversation no longer exists.', null);
      if (setConversationFlags(db, conversation.phone, change, Date.now())) feed.conversationsChanged([conversationId]);
      return getConversation(db, conversationId)!;
    },
    'conversations.markRead': async ({ conversationId }) => {
      if (markConversationRead(active().db, conversationId)) feed.conversationsChanged([conversationId]);
      return null;
    },

    'messages.list': async ({ conversationId, limit, ...window }) => listMessages(active().db, conversationId, limit, window),
    'messages.price': async ({ to, body, picture }) => {
      const session = active();
      const number = session.normalise(to);
      const answer = picture
        ? await session.attachments.price(picture.attachmentId, { to: number, body, subject: picture.subject })
        : await session.client.priceSms([{ to: number, body }]);
      return quotePrice(answer, number, kindOf({ picture }).name, quoteContext(session));
    },
    'messages.send': async ({ to, body, schedule, picture }) => {
      const session = active();
      const taken = picture && (await session.attachments.take(picture.attachmentId));
      let message;
      try {
        message = await session.outbox.send(to, body, schedule, taken && { subject: picture.subject, ...taken });
      } catch (error) {
        // Refused before it was stored (a number, a schedule, an opt-out): the picture stays attached.
        if (taken) session.attachments.giveBack(picture.attachmentId, taken);
        throw error;
      }
      // Sent: the draft is done with (the composer clears its own copy when the core says so).
      if (message.to) saveDraft(session.db, message.to, '', Date.now());
      return message;
    },
    'pictures.attach': async ({ name, size }) => {
      const attachmentId = active().attachments.expect(name, size);
      return { attachmentId, uploadUrl: ctx.pictureUrl(attachmentId) };
    },
    'pictures.prepare': ({ attachmentId }) => active().attachments.prepare(attachmentId, ctx.pictureUrl),
    'pictures.discard': done(({ attachmentId }) => active().attachments.discard(attachmentId)),
    'pictures.show': async ({ id }) => {
      const missing = await active().media.show(id, active().attachments.outgoingDir);
      return { src: missing === null ? ctx.pictureUrl(String(id)) : null, missing };
    },
    'messages.scheduled': async () => active().scheduled.list(),
    'messages.cancel': ({ id }) => active().scheduled.cancel(id),
    'messages.cancelAll': () => active().scheduled.cancelAll(),
    'messages.reschedule': ({ id, body, schedule }) => active().scheduled.reschedule(id, body, schedule),
    'messages.retry': ({ id }) => active().outbox.retry(id),
    'messages.sendAgain': ({ id }) => active().outbox.sendAgain(id),
    'messages.discard': done(({ id }) => active().outbox.discard(id)),

    'drafts.get': async ({ phone }) => readDraft(active().db, phone),
    'drafts.save': done(({ phone, body }) => saveDraft(active().db, phone, body, Date.now())),

    'templates.list': async () => active().templates.list(),
    'templates.save': (input) => active().templates.save(input),
    'templates.delete': done(({ templateId }) => active().templates.delete(templateId)),

    'lists.list': async () => active().contacts.lists(),
    'lists.save': ({ listId, name }) => active().contacts.saveList(listId, name),
    'lists.delete': done(({ listId }) => active().contacts.deleteList(listId)),
    'contacts.list': async ({ listId, query, limit, offset }) => active().contacts.list(listId, query, limit, offset),
    'contacts.forPhone': async ({ phone }) => active().contacts.forPhone(phone),
    'contacts.save': ({ listId, contactId, contact }) => active().contacts.save(listId, contactId, contact),
    'contacts.delete': done(({ listId, contactId }) => active().contacts.delete(listId, contactId)),
    'contacts.import': ({ listId, rows }) => active().contacts.import(listId, rows),
    'contacts.export': async ({ listId }) => active().contacts.export(listId),

    'settings.get': async () => ctx.readSettings(),
    'settings.update': async (patch) => ctx.updateSettings(patch),
    'notifications.pause': async ({ choice }) => ctx.pauseNotifications(choice),
    'sync.now': () => active().sync.syncNow(),
    'search.query': async ({ text, limit }) => searchCache(active().db, text, limit),
    'messages.find': async ({ conversationId, text }) => findInConversation(active().db, conversationId, text),
    'app.presence': async ({ focused, openConversationId }) => {
      if (focused && !ctx.presence.focused) accounts.current?.windowFocused();
      ctx.presence.focused = focused;
      ctx.presence.openConversationId = openConversationId;
      accounts.current?.sync.setFocused(focused);
      feed.presenceChanged();
      return null;
    },
    'optOuts.change': async ({ phone, optedOut, note }) => {
      const session = active();
      await session.changeOptOut(session.normalise(phone), optedOut, note);
      return null;
    },
    'optOuts.dismiss': done(({ id }) => active().dismissStopRequest(id)),
    'optOuts.list': async () => optedOutNumbers(active().db),
    'optOuts.export': async () => optedOutCsv(active().db),
    'spend.summary': async ({ range, zone }) => spendSummary(active().db, { range, zone, now: Date.now(), currency: active().account.currency }),
    'export.start': async ({ scope, zone }) => {
      const session = active();
      if ('conversationId' in scope) {
        const conversation = getConversation(session.db, scope.conversationId);
        if (!conversation) throw new InboxError('NOT_FOUND', 'That conversation no longer exists.', null);
        return session.exports.start(scope, zone, `conversation-${conversation.phone.replace(/\D/g, '')}-${dateIn(Date.now(), zone)}.csv`);
      }
      const range = { fromMs: startOfDay(scope.from, zone), toMs: startOfDay(addDays(scope.to, 1), zone) };
      return session.exports.start(range, zone, `messages-${scope.from}-to-${scope.to}.csv`);
    },
    'export.next': async ({ exportId }) => active().exports.next(exportId),
    'export.cancel': done(({ exportId }) => active().exports.cancel(exportId)),
    'spend.export': async ({ range, zone }) => spendCsv(active().db, { range, zone, now: Date.now(), currency: active().account.currency }),
    'app.update': async () => ctx.update.state(),
    'app.restartToUpdate': done(() => ctx.update.restart()),
    'app.focusWindow': done(() => ctx.focusWindow?.()),
  };
}
