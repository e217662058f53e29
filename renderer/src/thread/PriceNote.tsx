// The composer's price, as the core worded it: "≈ $0.16" beside the count,
// or, on a line of its own, why ClickSend would not take the message ("Not
// enough credit: …"), said before sending. Send stays enabled even then: the
// balance may have been topped up a moment ago (see docs/architecture.md).
import type { Price } from '../../../shared/contract';

type Quote = Price | 'unavailable' | null;

export function PriceNote({ price, online }: { price: Quote; online: boolean }) {
  if (!price || (price !== 'unavailable' && price.refusal)) return null;
  return <span aria-label="Estimated cost">{price === 'unavailable' ? (online ? 'Price unavailable' : 'Price unavailable offline') : `≈ ${price.cost}`}</span>;
}

/** Under the composer's buttons, the whole width: read at 800 px as well as at full screen. */
export function PriceRefusal({ price }: { price: Quote }) {
  if (!price || price === 'unavailable' || !price.refusal) return null;
  return (
    <p className="banner warning" role="note">
      {price.refusal}
    </p>
  );
}
