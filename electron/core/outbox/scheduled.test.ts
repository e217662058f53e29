// Scheduled sends against the simulator with a real cache: schedule, cancel
// one and all, too late, edit, what the dashboard does, and offline.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../simulator/server';
import { ClickSendClient } from '../clicksend/client';
import { openCache, type Db } from '../cache/database';
import { getMessage } from '../cache/messages';
import { listOutbox } from '../cache/outbox';
import { syncOnce } from '../../../test-support/sync-once';
import { historyOf, SMS } from '../messages/kinds';
import { Outbox } from './outbox';
import { ScheduledSends } from './scheduled';
import { accountCacheRules } from '../session/cache-rules';

const ACCOUNT = { username: 'sched-user', apiKey: 'sched-key' };
const HOUR = 3600;

describe('Scheduled sends', () => {
  let sim: Simulator;
  let db: Db;
  let client: ClickSendClient;
  let outbox: Outbox;
  let scheduled: ScheduledSends;
  /** The app's clock, moved with the simulator's. */
  let offsetMs: number;
  const now = () => Date.now() + offsetMs;
  const inSeconds = (s: number) => Math.floor(now() / 1000) + s;

  const make = () => {
    client = new ClickSendClient({ baseUrl: sim.url, ...ACCOUNT, backoffMs: 5, timeoutMs: 1000, maxAttempts: 2, requestsPerSecond: 1000 });
    outbox = new Outbox({ db, client, changes: () => undefined, now });
    scheduled = new ScheduledSends(db, client, outbox, () => undefined);
  };
  const later = (seconds: number) => {
    sim.advanceClock(seconds);
    offsetMs += seconds * 1000;
  };
  const atClickSend = async (messageId: string) => {
    for await (const rows of historyOf(SMS, client, { q: `message_id:${messageId}` })) return rows[0]?.status;
    return undefined;
  };
  const syncPass = () => syncOnce({ db, client, outbox, now });

  beforeEach(async () => {
    sim = await startSimulator({ accounts: [ACCOUNT] });
    db = openCache(':memory:', accountCacheRules);
    offsetMs = 0;
    make();
  });
  afterEach(async () => {
    db.close();
    await sim.close();
  });

  it('schedules with a unix timestamp and shows the message as scheduled', async () => {
    const at = inSeconds(2 * HOUR);
    const message = await outbox.send('+61422222222', 'See you tomorrow', at);
    expect(message).toMatchObject({ status: 'Scheduled', scheduledAt: at * 1000 });
    expect(sim.sent()[0]).toMatchObject({ schedule: at });
    expect(await atClickSend(message.messageId!)).toBe('Scheduled');
    expect(scheduled.list()).toEqual([expect.objectContaining({ id: message.id, title: '+61 422 222 222', phone: '+61422222222' })]);
  });

  it('refuses the past, too soon and years ahead before any request', async () => {
    await expect(outbox.send('+61422222222', 'x', inSeconds(-60))).rejects.toMatchObject({ code: 'INVALID_SCHEDULE', message: expect.stringMatching(/passed/) });
    await expect(outbox.send('+61422222222', 'x', inSeconds(30))).rejects.toMatchObject({ message: expect.stringMatching(/too soon/) });
    await expect(outbox.send('+61422222222', 'x', inSeconds(3 * 365 * 24 * HOUR))).rejects.toMatchObject({ message: expect.stringMatching(/year/) });
    expect(sim.requests()).toHaveLength(0);
  });

  it('cancels one: cancelled at ClickSend and here', async () => {
    const message = await outbox.send('+61422222222', 'Never mind', inSeconds(HOUR));
    const cancelled = await scheduled.cancel(message.id);
    expect(cancelled.status).toBe('Cancelled');
    expect(await atClickSend(message.messageId!)).toBe('Cancelled');
    expect(scheduled.list()).toEqual([]);
  });

  it('a cancel that comes too late says so and shows what really happened', async () => {
    const message = await outbox.send('+61422222222', 'Too late to stop', inSeconds(HOUR));
    later(HOUR + 60); // its time has come at ClickSend
    await expect(scheduled.cancel(message.id)).rejects.toMatchObject({ code: 'TOO_LATE', message: expect.stringMatching(/already sent/) });
    expect(getMessage(db, message.id)!.status).toBe('Sent');
  });

  it('cancels all, in the outbox too', async () => {
    const a = await outbox.send('+61422222222', 'One', inSeconds(HOUR));
    const b = await outbox.send('+61433333333', 'Two', inSeconds(2 * HOUR));
    const now1 = await outbox.send('+61433333333', 'Not scheduled');
    // A third, scheduled while ClickSend was unreachable, still in the outbox.
    const port = Number(new URL(sim.url).port);
    await sim.close();
    await new Promise((r) => setTimeout(r, 100)); // pooled connections notice they are closed
    const waiting = await outbox.send('+61444444444', 'Three', inSeconds(3 * HOUR));
    expect(waiting.outboxState).toBe('waiting');
    sim = await startSimulator({ port, accounts: [ACCOUNT] });
    // The restarted simulator forgot a and b; schedule two there again for cancel-all to find.
    make();
    const c = await outbox.send('+61455555555', 'Four', inSeconds(HOUR));

    const { count } = await scheduled.cancelAll();
    expect(count).toBe(2); // the outbox one, and c at ClickSend
    for (const m of [a, b, c, waiting]) expect(getMessage(db, m.id)!.status).toBe('Cancelled');
    expect(getMessage(db, now1.id)!.status).toBe('Queued');
    expect(listOutbox(db)).toEqual([]);
    expect(await atClickSend(c.messageId!)).toBe('Cancelled');
  });

  it('cancel all: one kind refused by ClickSend, the other kind is still cancelled, applied and said', async () => {
    const dashboard = new ClickSendClient({ baseUrl: sim.url, ...ACCOUNT });
    const schedulePicture = (n: number) =>
      dashboard.sendPicture('https://example.com/shelf.jpg', [
        { to: '+61422222222', body: `Picture ${n}`, subject: 'Shelf', custom_string: `p-${n}`, schedule: inSeconds(HOUR) },
      ]);
    const refusedThenCancelled = async (refused: '/sms/cancel-all' | '/mms/cancel-all', said: string) => {
      const text = await outbox.send('+61433333333', `Text for ${refused}`, inSeconds(HOUR));
      const picture = (await schedulePicture(refused === '/sms/cancel-all' ? 1 : 2)).messages[0]!.message_id!;
      await syncPass();
      const pictureRow = () => db.prepare('SELECT status FROM messages WHERE message_id = ?').get(picture) as { status: string };
      expect([getMessage(db, text.id)!.status, pictureRow().status]).toEqual(['Scheduled', 'Scheduled']);
      sim.addFault({ kind: '403', method: 'PUT', path: refused });
      await expect(scheduled.cancelAll()).rejects.toMatchObject({ message: expect.stringContaining(said) });
      return [getMessage(db, text.id)!.status, pictureRow().status];
    };
    expect(await refusedThenCancelled('/mms/cancel-all', 'Cancelled 1 scheduled message. ')).toEqual(['Cancelled', 'Scheduled']);
    // The first picture was left scheduled by the refusal above: both go now.
    expect(await refusedThenCancelled('/sms/cancel-all', 'Cancelled 2 scheduled messages. ')).toEqual(['Scheduled', 'Cancelled']);
  });

  it('edit: cancels, then schedules the new text and time; a bad time or a failed cancel schedules nothing', async () => {
    const first = await outbox.send('+61422222222', 'At ten', inSeconds(HOUR));
    const edited = await scheduled.reschedule(first.id, 'At eleven', inSeconds(2 * HOUR));
    expect(edited).toMatchObject({ status: 'Scheduled', body: 'At eleven' });
    expect(getMessage(db, first.id)!.status).toBe('Cancelled');

    await expect(scheduled.reschedule(edited.id, 'Bad time', inSeconds(-10))).rejects.toMatchObject({ code: 'INVALID_SCHEDULE' });
    expect(getMessage(db, edited.id)!.status).toBe('Scheduled');

    later(2 * HOUR + 60);
    const sentBefore = sim.sent().length;
    await expect(scheduled.reschedule(edited.id, 'Too late', inSeconds(HOUR))).rejects.toMatchObject({ code: 'TOO_LATE' });
    expect(sim.sent()).toHaveLength(sentBefore);
  });

  it('shows messages scheduled on the dashboard, their cancellation there, and their sending when the time comes', async () => {
    const dashboard = new ClickSendClient({ baseUrl: sim.url, ...ACCOUNT });
    const made = await dashboard.sendSms([
      { to: '+61422222222', body: 'From the dashboard A', custom_string: 'd-1', schedule: inSeconds(HOUR) },
      { to: '+61433333333', body: 'From the dashboard B', custom_string: 'd-2', schedule: inSeconds(2 * HOUR) },
    ]);
    await syncPass();
    expect(scheduled.list().map((m) => m.body)).toEqual(['From the dashboard A', 'From the dashboard B']);

    await dashboard.cancelScheduled(made.messages[1]!.message_id!);
    later(HOUR + 60);
    await syncPass();
    expect(scheduled.list()).toEqual([]);
    const statuses = db.prepare('SELECT body, status FROM messages ORDER BY body').all();
    expect(statuses).toEqual([
      { body: 'From the dashboard A', status: 'Sent' },
      { body: 'From the dashboard B', status: 'Cancelled' },
    ]);
  });

  it('scheduling offline waits in the outbox and goes when back, unless its time passed meanwhile', async () => {
    const port = Number(new URL(sim.url).port);
    await sim.close();
    const soon = await outbox.send('+61422222222', 'Tomorrow’s reminder', inSeconds(HOUR));
    const missed = await outbox.send('+61433333333', 'Missed its time', inSeconds(5 * 60));
    expect([soon.outboxState, missed.outboxState]).toEqual(['waiting', 'waiting']);
    offsetMs += 10 * 60 * 1000; // ten minutes offline
    sim = await startSimulator({ port, accounts: [ACCOUNT] });
    await outbox.flush();
    expect(getMessage(db, soon.id)).toMatchObject({ status: 'Scheduled' });
    expect(getMessage(db, missed.id)).toMatchObject({ status: 'Failed', statusText: expect.stringMatching(/time passed/) });
    expect(sim.sent().map((s) => s.body)).toEqual(['Tomorrow’s reminder']);
  });
});
