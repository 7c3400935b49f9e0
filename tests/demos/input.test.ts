import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, parseLooseNumber, parseNumberField, parseVectorField } from '../../src/demos/shared/input.ts';

const dk = { label: 'd_k', min: 1, max: 32, integer: true };

describe('parseLooseNumber', () => {
  it('reads plain, signed, Unicode-minus, exponent and decimal-comma numbers', () => {
    expect(parseLooseNumber(' 4 ')).toBe(4);
    expect(parseLooseNumber('-2.5')).toBe(-2.5);
    expect(parseLooseNumber('\u22122.5')).toBe(-2.5);
    expect(parseLooseNumber('1e3')).toBe(1000);
    expect(parseLooseNumber('0,5')).toBe(0.5);
    expect(parseLooseNumber('.5')).toBe(0.5);
  });
  it('rejects anything else', () => {
    for (const bad of ['', 'abc', '1.2.3', '4x', '--1', 'Infinity', 'NaN', '1,2,3']) expect(parseLooseNumber(bad)).toBeNaN();
  });
});

describe('parseNumberField', () => {
  it('accepts values in bounds without a message', () => {
    expect(parseNumberField('8', dk, 4)).toEqual({ status: 'ok', value: 8, message: '' });
  });
  it('keeps the last good value for empty or non-numeric input, and says so', () => {
    const empty = parseNumberField('  ', dk, 4);
    expect(empty).toMatchObject({ status: 'rejected', value: 4 });
    expect(empty.message).toBe('d_k is empty; keeping 4.');
    const word = parseNumberField('abc', dk, 4);
    expect(word).toMatchObject({ status: 'rejected', value: 4 });
    expect(word.message).toBe('“abc” is not a number; keeping d_k = 4.');
  });
  it('clamps to the bounds with a message', () => {
    const high = parseNumberField('500', dk, 4);
    expect(high).toMatchObject({ status: 'adjusted', value: 32 });
    expect(high.message).toBe('The maximum is 32; using 32.');
    expect(parseNumberField('-3', dk, 4)).toMatchObject({ status: 'adjusted', value: 1, message: 'The minimum is 1; using 1.' });
  });
  it('rounds integers and makes even values even', () => {
    expect(parseNumberField('2.6', dk, 4)).toMatchObject({ status: 'adjusted', value: 3, message: 'd_k must be a whole number; using 3.' });
    expect(parseNumberField('40.5', dk, 4)).toMatchObject({
      value: 32,
      message: 'd_k must be a whole number, and the maximum is 32; using 32.',
    });
    const even = parseNumberField('7', { label: 'd', min: 2, max: 128, even: true }, 8);
    expect(even).toMatchObject({ status: 'adjusted', value: 8, message: 'd must be even; using 8.' });
    expect(parseNumberField('129', { label: 'd', min: 2, max: 128, even: true }, 8).value).toBe(128);
  });
  it('always returns a value within the bounds (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 1, max: 32 }), (raw, last) => {
        const r = parseNumberField(raw, dk, last);
        expect(Number.isInteger(r.value)).toBe(true);
        expect(r.value).toBeGreaterThanOrEqual(1);
        expect(r.value).toBeLessThanOrEqual(32);
        if (r.status !== 'ok') expect(r.message).not.toBe('');
      }),
    );
  });
});

describe('parseVectorField', () => {
  const rule = { label: 'x', minLength: 1, maxLength: 4, limit: 100 };
  it('splits on commas, semicolons and spaces', () => {
    expect(parseVectorField('1, 2;3  \u22124', rule, [0]).value).toEqual([1, 2, 3, -4]);
  });
  it('truncates long vectors and clamps large entries, with a message', () => {
    const r = parseVectorField('1 2 3 4 5 6', rule, [0]);
    expect(r).toMatchObject({ status: 'adjusted', value: [1, 2, 3, 4] });
    expect(r.message).toBe('Only the first 4 numbers are used.');
    expect(parseVectorField('1e9, -1e9', rule, [0])).toMatchObject({ status: 'adjusted', value: [100, -100] });
  });
  it('keeps the last vector for empty input or a bad entry', () => {
    expect(parseVectorField('', rule, [7, 8])).toMatchObject({ status: 'rejected', value: [7, 8] });
    const r = parseVectorField('1, two, 3', rule, [7, 8]);
    expect(r).toMatchObject({ status: 'rejected', value: [7, 8] });
    expect(r.message).toContain('“two”');
  });
  it('respects the site-wide limits', () => {
    expect(LIMITS).toEqual({ tokens: 64, d: 128 });
  });
});
