// Money as ClickSend writes it ("0.0792", "1117.461060", 5) held as whole
// ten-thousandths of the currency unit, so sums are exact: 0.0792 + 0.0792
// is 1584 units, never 0.15840000000000001. Prices never have more than four
// decimals; a balance may have six, rounded to the nearest unit here.
//
// Shown one way everywhere (header, warning, composer, Spend): whole cents.
// A balance is rounded down, so what is left is never overstated; a price or
// a cost to the nearest cent, and a charge under half a cent is "$0.01", never
// "$0.00". The exact ten-thousandths ClickSend charges appear only in CSV
// files (plainAmount), where a spreadsheet sums them.

export const UNITS_PER_DOLLAR = 10_000;

const DECIMAL = /^\s*([+-])?(\d*)(?:\.(\d*))?\s*$/;

/** Ten-thousandths in a decimal string or number; null for no amount (null, '', not a number). */
export function toUnits(amount: string | number | null | undefined): number | null {
  if (amount === null || amount === undefined) return null;
  const text = typeof amount === 'number' ? (Number.isFinite(amount) ? amount.toFixed(6) : '') : amount;
  const match = DECIMAL.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return null;
  const [, sign, whole = '', fraction = ''] = match;
  const digits = fraction.padEnd(5, '0');
  // Half up on the fifth decimal, from the digits themselves.
  const units = Number(whole || '0') * UNITS_PER_DOLLAR + Number(digits.slice(0, 4)) + (Number(digits[4]) >= 5 ? 1 : 0);
  return sign === '-' ? -units : units;
}

function grouped(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function centsText(cents: number, prefix: string): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${prefix}${grouped(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}

/** A balance: "$3.20", whole cents rounded down (a balance of 4.999 is not "$5.00"). */
export function formatCents(units: number, prefix: string): string {
  return centsText(Math.floor(units / 100), prefix);
}

/** A price or a cost: "$0.08" for 0.0792, to the nearest cent (half up); anything charged is at least one cent. */
export function formatCost(units: number, prefix: string): string {
  const cents = Math.sign(units) * Math.max(units === 0 ? 0 : 1, Math.floor((Math.abs(units) + 50) / 100));
  return centsText(cents, prefix);
}

/** "1.5840": four decimals and no currency, for CSV (a spreadsheet sums it). */
export function plainAmount(units: number): string {
  const sign = units < 0 ? '-' : '';
  const abs = Math.abs(units);
  return `${sign}${Math.floor(abs / UNITS_PER_DOLLAR)}.${String(abs % UNITS_PER_DOLLAR).padStart(4, '0')}`;
}
