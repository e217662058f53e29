// All simulator state and the operations tests drive directly; HTTP lives in server.ts.
import { Network, type NetworkConditions } from './network';
import { createAccount } from './accounts';
import { Clock } from './clock';
import { FaultBook } from './faults';
import { GeneratedSegment } from './generated-history';
import { MediaStore } from './media';
import { addMmsReceipt, addMmsRow as storeMmsRow } from './mms-store';
import type { InboundInput } from './inbound';
import { addInbound } from './inbound';
import { addReceipt } from './receipts';
import { markDueSent } from './scheduled';
import type {
  AccountState, HistoryRow, InboundSms, MmsReceipt, MmsRow, Receipt, ReceiptStatus, RequestLogEntry, SentMms, SentSms,
  Sim, SimAccount, UploadInfo,
} from './types';

const MAX_REQUEST_LOG = 100_000;

export interface CoreOptions {
  accounts: SimAccount[];
  autoDeliverMs?: number;
  network?: Partial<NetworkConditions>;
}

export class SimCore implements Sim {
  readonly clock = new Clock();
  readonly faults = new FaultBook();
  readonly network: Network;
  readonly accounts = new Map<string, AccountState>();
  /** pictures behind the /_media/ URLs, of every account */
  readonly media = new MediaStore();
  sentLog: SentSms[] = [];
  mmsLog: SentMms[] = [];
  uploadLog: UploadInfo[] = [];
  requestLog: RequestLogEntry[] = [];
  /** http://127.0.0.1:PORT once listening: media URLs made outside a request (seeding) start with it */
  origin = 'http://127.0.0.1';
  private seq = 1;
  private ids = { template: 589240, list: 1400, contact: 800000, upload: 1, segment: 1 };
  private readonly timers = new Set<NodeJS.Timeout>();
  /** seedHistory segment id → owning account */
  private readonly segmentOwners = new Map<number, AccountState>();
  /** message id → owning account, for rows created through the API or seeding */
  private readonly messageOwners = new Map<string, AccountState>();
  /** MMS message id → owning account */
  private readonly mmsOwners = new Map<string, AccountState>();

  constructor(private readonly opts: CoreOptions) {
    this.network = new Network(opts.network);
    this.reset();
  }

  now(): number {
    return this.clock.now();
  }

  reset(): void {
    this.clearTimers();
    this.clock.reset();
    this.faults.clear();
    this.accounts.clear();
    this.segmentOwners.clear();
    this.messageOwners.clear();
    this.mmsOwners.clear();
    this.media.clear();
    this.sentLog = [];
    this.mmsLog = [];
    this.uploadLog = [];
    this.requestLog = [];
    this.seq = 1;
    this.ids = { template: 589240, list: 1400, contact: 800000, upload: 1, segment: 1 };
    for (const a of this.opts.accounts) this.addAccount(a);
  }

  addAccount(a: SimAccount): AccountState {
    if (!a.username || !a.apiKey) throw new Error('account needs username and apiKey');
    const existing = this.accounts.get(a.username);
    if (existing) {
      // Re-adding updates credentials, balance and low-credit amount but keeps the data.
      existing.apiKey = a.apiKey;
      if (a.balance !== undefined) existing.balanceUnits = Math.round(a.balance * 10000);
      if (a.lowCreditAmount !== undefined) existing.lowCreditUnits = Math.round(a.lowCreditAmount * 10000);
      return existing;
    }
    const state = createAccount(a, this.accounts.size);
    this.accounts.set(a.username, state);
    return state;
  }

  /** The named account, or the first one. */
  account(username?: string): AccountState {
    const acc = username === undefined ? this.accounts.values().next().value : this.accounts.get(username);
    if (!acc) throw new Error(username === undefined ? 'simulator has no accounts' : `unknown account ${username}`);
    return acc;
  }

  authenticate(username: string, apiKey: string): AccountState | undefined {
    const acc = this.accounts.get(username);
    return acc && acc.apiKey === apiKey ? acc : undefined;
  }

  nextSeq(count = 1): number {
    const s = this.seq;
    this.seq += count;
    return s;
  }

  get autoDeliverMs(): number | undefined {
    return this.opts.autoDeliverMs;
  }

  nextId(kind: 'template' | 'list' | 'contact' | 'upload'): number {
    return this.ids[kind]++;
  }

  addHistoryRow(account: AccountState, row: HistoryRow): void {
    account.history.add(row);
    this.messageOwners.set(row.message_id, account);
    if (row.status === 'Scheduled') account.scheduled.add(row);
  }

  addMmsRow(account: AccountState, row: MmsRow): void {
    storeMmsRow(account, row);
    this.mmsOwners.set(row.message_id, account);
  }

  findMms(messageId: string): { account: AccountState; row: MmsRow } | undefined {
    const account = this.mmsOwners.get(messageId.toUpperCase());
    const row = account?.mms.rows.get(messageId.toUpperCase());
    return account && row ? { account, row } : undefined;
  }

  seedHistory(username: string, n: number, opts: { conversations?: number; startTimestamp?: number } = {}): void {
    const account = this.account(username);
    if (!Number.isInteger(n) || n < 0) throw new Error('n must be a non-negative integer');
    if (n === 0) return;
    const end = this.now();
    const seg = new GeneratedSegment({
      segmentId: this.ids.segment++,
      baseSeq: this.nextSeq(n),
      n,
      conversations: opts.conversations ?? Math.min(n, 100),
      start: opts.startTimestamp ?? end - n * 60,
      end,
    });
    account.history.addSegment(seg);
    this.segmentOwners.set(seg.segmentId, account);
  }

  findMessage(messageId: string): { account: AccountState; row: HistoryRow } | undefined {
    const id = messageId.toUpperCase();
    const parsed = GeneratedSegment.parseId(id);
    const account = this.messageOwners.get(id) ?? (parsed ? this.segmentOwners.get(parsed.segmentId) : undefined);
    const row = account?.history.get(id);
    return account && row ? { account, row } : undefined;
  }

  /** Scheduled messages whose time has come turn Sent when anyone looks. */
  promoteDue(account: AccountState): void {
    const now = this.now();
    markDueSent(account, now);
    markDueSent(account.mms, now);
  }

  deliverReceipt(
    messageId: string,
    r: { status?: ReceiptStatus; statusText?: string; timestamp?: number } = {},
  ): Receipt {
    const found = this.findMessage(messageId);
    if (!found) throw new Error(`unknown message ${messageId}`);
    if (found.row.direction !== 'out') throw new Error(`message ${messageId} is inbound`);
    found.account.scheduled.delete(found.row);
    return addReceipt(this, found.account, found.row, r.status ?? 'Delivered', r.statusText, r.timestamp);
  }

  deliverMmsReceipt(
    messageId: string,
    r: { status?: ReceiptStatus; statusText?: string; timestamp?: number } = {},
  ): MmsReceipt {
    const found = this.findMms(messageId);
    if (!found) throw new Error(`unknown MMS ${messageId}`);
    return addMmsReceipt(this, found.account, found.row, r.status ?? 'Delivered', r.statusText, r.timestamp);
  }

  injectInbound(i: InboundInput & { username?: string }): InboundSms {
    return addInbound(this, this.account(i.username), i);
  }

  /** autoDeliverMs: Queued → Sent halfway, then a Delivered receipt. */
  autoDeliver(messageId: string): void {
    const ms = this.opts.autoDeliverMs;
    if (ms === undefined) return;
    this.setTimer(() => {
      const found = this.findMessage(messageId);
      if (found?.row.status === 'Queued') found.account.history.update(messageId, { status: 'Sent' });
    }, Math.floor(ms / 2));
    this.setTimer(() => {
      const found = this.findMessage(messageId);
      if (found && (found.row.status === 'Queued' || found.row.status === 'Sent')) this.deliverReceipt(messageId);
    }, ms);
  }

  setTimer(fn: () => void, ms: number): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  /** Resolves after ms unless the simulator is reset or closed first (then never). */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.setTimer(resolve, ms));
  }

  clearTimers(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  logRequest(entry: RequestLogEntry): void {
    this.requestLog.push(entry);
    // Bounded so long benchmarks do not grow memory without limit.
    if (this.requestLog.length > MAX_REQUEST_LOG * 1.5) this.requestLog = this.requestLog.slice(-MAX_REQUEST_LOG);
  }
}
