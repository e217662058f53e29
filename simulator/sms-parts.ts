// Message length → parts → price, as carriers count them.

const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENDED = '^{}\\[~]|€\f';

const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

/** Price of one part in AUD, in ten-thousandths so sums stay exact. */
export const PART_PRICE_UNITS = 792;

export function isGsm7(body: string): boolean {
  for (const ch of body) if (!basic.has(ch) && !extended.has(ch)) return false;
  return true;
}

export function messageParts(body: string): number {
  if (body.length === 0) return 0;
  if (isGsm7(body)) {
    let septets = 0;
    for (const ch of body) septets += extended.has(ch) ? 2 : 1;
    return septets <= 160 ? 1 : Math.ceil(septets / 153);
  }
  // UCS-2 counts UTF-16 code units, so an emoji takes two.
  const units = body.length;
  return units <= 70 ? 1 : Math.ceil(units / 67);
}

/** Ten-thousandths of a dollar → "0.0792" */
export function formatUnits(units: number): string {
  return (units / 10000).toFixed(4);
}
