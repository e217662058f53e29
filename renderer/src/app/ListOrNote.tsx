// A side list in its three states: loading (or why it could not load),
// empty (with what to do), or its items.
import type { ReactNode } from 'react';
import type { UserError } from '../../../shared/contract';

export function ListOrNote<T>({
  items,
  error,
  loading,
  empty,
  children,
}: {
  /** null until loaded. */
  items: T[] | null;
  error: UserError | null;
  loading: string;
  empty: string;
  children: (items: T[]) => ReactNode;
}) {
  if (items === null) return <p className="empty muted">{error ? error.message : loading}</p>;
  if (items.length === 0) return <p className="empty muted">{empty}</p>;
  return <ul className="plain-list">{children(items)}</ul>;
}
