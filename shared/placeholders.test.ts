import { describe, expect, it } from 'vitest';
import { fillPlaceholders, hasUnclosedBrace, unresolvedPlaceholders } from './placeholders';

const ana = { first_name: 'Ana', last_name: 'Lima', phone: '+61422222222', custom_1: 'Gold' };

describe('placeholders', () => {
  it('fills every known placeholder the contact has a value for', () => {
    expect(fillPlaceholders('Hi {first_name} {last_name}, your {custom_1} card ({phone}) is ready', ana)).toEqual({
      text: 'Hi Ana Lima, your Gold card (+61422222222) is ready',
      missing: [],
      unknown: [],
      unclosed: false,
    });
  });

  it('is forgiving about case and spaces inside the braces', () => {
    expect(fillPlaceholders('Hi { First_Name }!', ana).text).toBe('Hi Ana!');
    expect(fillPlaceholders('Hi {first name}!', ana).text).toBe('Hi Ana!');
  });

  it('leaves a placeholder without a value in place and names it', () => {
    const filled = fillPlaceholders('Dear {first_name}, code {custom_2}', { first_name: '  ' });
    expect(filled.text).toBe('Dear {first_name}, code {custom_2}');
    expect(filled.missing).toEqual(['first_name', 'custom_2']);
  });

  it('names placeholders it does not know, and a brace that never closes', () => {
    expect(fillPlaceholders('See you at {time}', ana)).toMatchObject({ unknown: ['{time}'], text: 'See you at {time}' });
    expect(fillPlaceholders('Hi {first_name', ana)).toMatchObject({ unclosed: true, text: 'Hi {first_name' });
    expect(hasUnclosedBrace('a } b {')).toBe(true);
    expect(hasUnclosedBrace('{a} b')).toBe(false);
  });

  it('finds what is still unresolved in a text about to be sent, once each', () => {
    expect(unresolvedPlaceholders('Hi {first_name}, {first_name}! {time}')).toEqual(['{first_name}', '{time}']);
    expect(unresolvedPlaceholders('Braces as text: {} or { }')).toEqual([]);
    expect(unresolvedPlaceholders('Plain text')).toEqual([]);
  });

  it('does not treat a value containing braces as a placeholder to fill again', () => {
    expect(fillPlaceholders('{first_name} {last_name}', { first_name: '{last_name}', last_name: 'X' }).text).toBe('{last_name} X');
  });
});
