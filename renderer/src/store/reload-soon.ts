// A store's reload when the core says what it shows changed: one reload for a
// burst of events (an import, a first sync), at most every `ms`, never
// starved by events that keep coming.
export function reloadSoon(reload: () => Promise<unknown>, ms: number): () => void {
  let pending: ReturnType<typeof setTimeout> | null = null;
  return () => {
    pending ??= setTimeout(() => {
      pending = null;
      void reload();
    }, ms);
  };
}
