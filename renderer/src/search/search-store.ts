// Search state: results as the user types, from the core's FTS5 index, so it
// works offline. A slower answer to an older query never replaces a newer one.
import { create } from 'zustand';
import type { SearchResults, UserError } from '../../../shared/contract';
import { call, describeError } from '../bridge/inbox-client';
import { latestRequest } from '../store/latest-request';

interface SearchState {
  text: string;
  results: SearchResults | null;
  error: UserError | null;
  /** Bumped by Ctrl/Cmd+K from anywhere: the search field takes the focus when it shows. */
  focusRequest: number;
  setText(text: string): void;
  /** Asks again for the same text (contacts changed under the results). */
  refresh(): void;
  clear(): void;
  requestFocus(): void;
}

const queries = latestRequest();

export const useSearch = create<SearchState>()((set, get) => ({
  text: '',
  results: null,
  error: null,
  focusRequest: 0,
  requestFocus() {
    set((s) => ({ focusRequest: s.focusRequest + 1 }));
  },
  setText(text) {
    const isLatest = queries.start();
    set({ text, error: null });
    if (text.trim() === '') {
      set({ results: null });
      return;
    }
    call('search.query', { text, limit: 50 }).then(
      (results) => {
        if (isLatest()) set({ results });
      },
      (error: unknown) => {
        if (isLatest()) set({ error: describeError(error), results: null });
      },
    );
  },
  refresh() {
    const { text } = get();
    if (text.trim() !== '') get().setText(text);
  },
  clear() {
    queries.dropAll();
    set({ text: '', results: null, error: null });
  },
}));
