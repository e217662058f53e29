// Spend's figures for the range shown, as the core summed them. Read again
// when the core says what Spend counts changed (a send, a sync, a first
// sync's history, a contact's name), while the view is on screen.
import { create } from 'zustand';
import type { SpendRange, SpendSummary, UserError } from '../../../shared/contract';
import { call } from '../bridge/inbox-client';
import { attempt } from '../store/attempt';
import { latestRequest } from '../store/latest-request';
import { reloadSoon } from '../store/reload-soon';
import { userTimeZone } from '../thread/SchedulePanel';

interface SpendState {
  range: SpendRange;
  /** The latest figures; for another range while the chosen one is read. */
  summary: SpendSummary | null;
  error: UserError | null;
  /** Whether the view is on screen: only then are figures read again. */
  shown: boolean;
  show(shown: boolean): void;
  setRange(range: SpendRange): Promise<void>;
  load(): Promise<void>;
  refresh(): void;
}

const summaryRequests = latestRequest();

/** At most once a second: a first sync brings messages several times a second, and each summary reads a range. */
const refreshSoon = reloadSoon(async () => {
  const { shown, load } = useSpend.getState();
  if (shown) await load();
}, 1_000);

export const useSpend = create<SpendState>()((set, get) => ({
  range: 'this-month',
  summary: null,
  error: null,
  shown: false,
  show(shown) {
    set({ shown });
    if (shown) void get().load();
  },
  async setRange(range) {
    set({ range });
    await get().load();
  },
  async load() {
    const { range } = get();
    const isLatest = summaryRequests.start();
    const error = await attempt(async () => {
      const summary = await call('spend.summary', { range, zone: userTimeZone() });
      if (isLatest()) set({ summary });
    });
    if (isLatest()) set({ error });
  },
  refresh: () => refreshSoon(),
}));
