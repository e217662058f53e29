// Amounts as ClickSend writes them, and the low-balance rule: ClickSend's
// low-credit amount wins when set, else Settings; 0 or none turns it off.
import { describe, expect, it } from 'vitest';
import { formatCents, formatCost, plainAmount, toUnits } from '../../../shared/money-amounts';
import { lowBalance } from './low-balance';

describe('amounts', () => {
  it('reads ClickSend’s strings and numbers as whole ten-thousandths', () => {
    expect(toUnits('0.0792')).toBe(792);
    expect(toUnits('0.07920')).toBe(792);
    expect(toUnits('1117.461060')).toBe(11_174_611);
    expect(toUnits('1117.461040')).toBe(11_174_610);
    expect(toUnits('5')).toBe(50_000);
    expect(toUnits('.5')).toBe(5_000);
    expect(toUnits(1)).toBe(10_000);
    expect(toUnits(0.1 + 0.2)).toBe(3_000);
    expect(toUnits('-2.50')).toBe(-25_000);
    for (const nothing of [null, undefined, '', ' ', '.', 'abc', '1.2.3', '1e3']) expect(toUnits(nothing)).toBeNull();
  });

  it('shows them in whole cents: a balance rounded down, a cost to the nearest cent and never $0.00 when charged; four decimals for CSV', () => {
    expect(formatCost(792, '$')).toBe('$0.08');
    expect(formatCost(1_584, '$')).toBe('$0.16');
    expect(formatCost(15_840, '$')).toBe('$1.58');
    expect(formatCost(7_250, '$')).toBe('$0.73');
    expect(formatCost(7_249, '$')).toBe('$0.72');
    expect(formatCost(12_345_678_900, '$')).toBe('$1,234,567.89');
    expect(formatCost(0, '€')).toBe('€0.00');
    expect(formatCost(1, '$')).toBe('$0.01');
    expect(formatCost(-792, '$')).toBe('-$0.08');
    expect(formatCents(49_999, '$')).toBe('$4.99');
    expect(formatCents(32_024, '$')).toBe('$3.20');
    expect(formatCents(12_345_000, '$')).toBe('$1,234.50');
    expect(formatCents(-15_000, '$')).toBe('-$1.50');
    expect(plainAmount(792)).toBe('0.0792');
    expect(plainAmount(12_345_678)).toBe('1234.5678');
  });
});

describe('the low-balance warning', () => {
  const facts = (balance: string, lowCreditAmount: string | null = '0.00') => ({ balance, currency: '$', lowCreditAmount });

  it('warns below the amount in Settings when ClickSend has none, in words, and not at or above it', () => {
    expect(lowBalance(facts('3.2024'), 5)).toEqual({
      threshold: '$5.00',
      source: 'settings',
      rule: 'The header warns when the balance falls below $5.00.',
      warning: 'Balance low: $3.20. Top up at ClickSend before sends fail.',
    });
    expect(lowBalance(facts('4.9999'), 5)?.warning).toBe('Balance low: $4.99. Top up at ClickSend before sends fail.');
    expect(lowBalance(facts('5.00'), 5)?.warning).toBeNull();
    expect(lowBalance(facts('120.461060'), 5)?.warning).toBeNull();
    expect(lowBalance(facts('-1.50'), 5)?.warning).toBe('Balance low: -$1.50. Top up at ClickSend before sends fail.');
  });

  it('uses the account’s low-credit amount at ClickSend over Settings when it is set', () => {
    const decided = lowBalance(facts('8.00', '10.00'), 5);
    expect(decided).toMatchObject({ threshold: '$10.00', source: 'clicksend', warning: 'Balance low: $8.00. Top up at ClickSend before sends fail.' });
    expect(decided?.rule).toContain('the low-credit amount set for this account at ClickSend');
    expect(lowBalance(facts('8.00', '10.00'), null)?.source).toBe('clicksend');
    expect(lowBalance(facts('8.00', '0.00'), 5)?.source).toBe('settings');
  });

  it('is off with 0 or nothing in Settings and nothing at ClickSend; an unknown balance never warns', () => {
    expect(lowBalance(facts('1.00'), 0)).toBeNull();
    expect(lowBalance(facts('1.00'), null)).toBeNull();
    expect(lowBalance(facts('1.00', null), null)).toBeNull();
    expect(lowBalance(facts(''), 5)).toMatchObject({ threshold: '$5.00', warning: null });
  });
});
