// Whether to warn of a low balance, and in what words: the one rule. The
// account's own low-credit amount at ClickSend wins when it is set (above 0);
// otherwise the amount in Settings; 0 or none there means no warning of the
// app's own. The header shows the warning; Settings shows the rule.
import type { LowBalance } from '../../../shared/contract';
import { formatCents, toUnits, UNITS_PER_DOLLAR } from '../../../shared/money-amounts';

export interface BalanceFacts {
  /** As ClickSend says it ("4.9416"); '' when not known yet. */
  balance: string;
  /** The currency's prefix ("$"). */
  currency: string;
  /** The account's low-credit amount at ClickSend ("0.00" when not set), or null when not known. */
  lowCreditAmount: string | null;
}

export function lowBalance(facts: BalanceFacts, setting: number | null): LowBalance | null {
  const atClickSend = toUnits(facts.lowCreditAmount);
  const fromSettings = setting === null ? null : Math.round(setting * UNITS_PER_DOLLAR);
  const source = atClickSend !== null && atClickSend > 0 ? 'clicksend' : fromSettings !== null && fromSettings > 0 ? 'settings' : null;
  if (source === null) return null;
  const thresholdUnits = source === 'clicksend' ? atClickSend! : fromSettings!;
  const threshold = formatCents(thresholdUnits, facts.currency);
  const rule =
    source === 'clicksend'
      ? `The header warns when the balance falls below ${threshold}, the low-credit amount set for this account at ClickSend (it wins over the amount here; change it in the ClickSend dashboard).`
      : `The header warns when the balance falls below ${threshold}.`;
  const balance = toUnits(facts.balance);
  const warning =
    balance !== null && balance < thresholdUnits ? `Balance low: ${formatCents(balance, facts.currency)}. Top up at ClickSend before sends fail.` : null;
  return { threshold, source, rule, warning };
}
