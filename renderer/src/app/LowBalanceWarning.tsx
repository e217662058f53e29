// The header's low-balance warning, in the core's words, while the core says
// the balance is below the threshold (ClickSend's low-credit amount or the one
// in Settings). The polite live region is always there, so the warning is
// announced when it appears after a send.
import { TriangleAlert } from 'lucide-react';
import type { Account } from '../../../shared/contract';

export function LowBalanceWarning({ account }: { account: Account }) {
  const warning = account.lowBalance?.warning ?? null;
  return (
    <div className="low-balance-live" aria-live="polite">
      {warning && (
        <p className="low-balance">
          <TriangleAlert aria-hidden="true" size={16} />
          <span>{warning}</span>
        </p>
      )}
    </div>
  );
}
