// A user error, in the words the core chose: what happened, then what to do.
import type { UserError } from '../../../shared/contract';

export function ErrorBanner({ error }: { error: UserError | null }) {
  if (!error) return null;
  return (
    <p className="banner error" role="alert">
      {error.message} {error.action}
    </p>
  );
}
