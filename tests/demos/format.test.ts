import { describe, expect, it } from 'vitest';
import { MINUS, formatNumber, formatVector, parseDisplayed, plural, subscript } from '../../src/demos/shared/format.ts';

describe('formatNumber', () => {
  it('uses fixed decimals and a true minus sign', () => {
    expect(formatNumber(1.005, 2)).toBe((1.005).toFixed(2));
    expect(formatNumber(-0.125, 2)).toBe(`${MINUS}0.13`);
    expect(formatNumber(-2, 0)).toBe('\u22122');
    expect(formatNumber(3.14159)).toBe('3.14');
  });
  it('never prints a negative zero', () => {
    expect(formatNumber(-0)).toBe('0.00');
    expect(formatNumber(-0.0001, 2)).toBe('0.00');
    expect(formatNumber(-0.4, 0)).toBe('0');
  });
  it('prints infinities and NaN readably', () => {
    expect(formatNumber(Infinity)).toBe('∞');
    expect(formatNumber(-Infinity)).toBe('\u2212∞');
    expect(formatNumber(NaN)).toBe('—');
  });
});

describe('parseDisplayed', () => {
  it('inverts formatNumber up to rounding', () => {
    for (const x of [0, 1.25, -3.5, 1e-3, -123.456]) expect(parseDisplayed(formatNumber(x, 3))).toBeCloseTo(x, 3);
    expect(parseDisplayed('\u2212∞')).toBe(-Infinity);
    expect(parseDisplayed('—')).toBeNaN();
    expect(parseDisplayed('abc')).toBeNaN();
  });
});

describe('small helpers', () => {
  it('formats vectors, subscripts and plurals', () => {
    expect(formatVector([1, -0.5])).toBe('(1.00, \u22120.50)');
    expect(subscript(12)).toBe('₁₂');
    expect(plural(1, 'token')).toBe('1 token');
    expect(plural(3, 'token')).toBe('3 tokens');
  });
});
