import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sinusoidalEncoding } from '../../src/compute/sinusoidal-encoding.ts';
import { ArgumentError, ShapeError } from '../../src/compute/errors.ts';
import { expectError, expectMatrixClose, expectNumbersClose, loadCases, rowDot, type Rows } from './attention-helpers.ts';

describe('sinusoidalEncoding: values derived by hand', () => {
  it('position 0 is [0, 1, 0, 1, …] and position 1 starts with sin 1, cos 1', () => {
    const pe = sinusoidalEncoding(2, 6);
    expect(Array.from(pe.data.subarray(0, 6))).toEqual([0, 1, 0, 1, 0, 1]);
    expect(pe.data[6]).toBe(Math.sin(1));
    expect(pe.data[7]).toBe(Math.cos(1));
  });

  it('d_model 4: the second pair runs at frequency 1/100 = 1/10000^(2/4)', () => {
    const pe = sinusoidalEncoding(30, 4);
    expectNumbersClose([pe.data[25 * 4 + 2]!, pe.data[25 * 4 + 3]!], [Math.sin(0.25), Math.cos(0.25)], 1e-15);
  });

  it('the base is a parameter: base 4, d 4 gives pair frequencies 1 and 1/2', () => {
    const pe = sinusoidalEncoding(3, 4, 4);
    expectNumbersClose(pe.data.subarray(8, 12), [Math.sin(2), Math.cos(2), Math.sin(1), Math.cos(1)], 1e-15);
  });

  it('zero length gives an empty matrix', () => {
    const pe = sinusoidalEncoding(0, 8);
    expect([pe.rows, pe.cols, pe.data.length]).toEqual([0, 8, 0]);
  });
});

describe('sinusoidalEncoding: NumPy reference (scripts/reference/sinusoidal-encoding.py)', () => {
  for (const c of loadCases<{ length: number; dModel: number; base?: number }, { pe: Rows }>('sinusoidal-encoding')) {
    it(c.name, () => {
      const pe =
        c.inputs.base === undefined
          ? sinusoidalEncoding(c.inputs.length, c.inputs.dModel)
          : sinusoidalEncoding(c.inputs.length, c.inputs.dModel, c.inputs.base);
      // sin near a multiple of π has a tiny value with a relative error set by the angle's rounding: 1e-14 absolute floor.
      expectMatrixClose(pe, c.expected.pe, 1e-9, 1e-14, 'pe');
    });
  }
});

describe('sinusoidalEncoding: properties', () => {
  const arb = fc.record({
    length: fc.integer({ min: 1, max: 40 }),
    half: fc.integer({ min: 1, max: 16 }),
    base: fc.double({ min: 2, max: 1e5, noNaN: true }),
  });

  it('every row has norm √(d_model/2)', () => {
    fc.assert(
      fc.property(arb, ({ length, half, base }) => {
        const d = 2 * half;
        const pe = sinusoidalEncoding(length, d, base);
        for (let p = 0; p < length; p++) expect(Math.abs(Math.sqrt(rowDot(pe, p, pe, p)) - Math.sqrt(d / 2))).toBeLessThan(1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('PE_p·PE_q depends only on p − q (it is Σ_i cos((p − q)ω_i))', () => {
    fc.assert(
      fc.property(
        arb,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 60 }),
        ({ half, base }, p, q, t) => {
          const d = 2 * half;
          const pe = sinusoidalEncoding(100, d, base);
          const direct = rowDot(pe, p, pe, q);
          expect(Math.abs(direct - rowDot(pe, p + t, pe, q + t))).toBeLessThan(1e-11);
          let formula = 0;
          for (let i = 0; i < half; i++) formula += Math.cos((p - q) / Math.pow(base, (2 * i) / d));
          expect(Math.abs(direct - formula)).toBeLessThan(1e-11);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('sinusoidalEncoding: errors', () => {
  it('an odd d_model throws ShapeError naming the shape', () => {
    expectError(() => sinusoidalEncoding(4, 5), ShapeError, 'sinusoidalEncoding', 'd_model = 5', '4×5');
  });
  it('bad lengths and bases throw ArgumentError', () => {
    expectError(() => sinusoidalEncoding(-1, 4), ArgumentError, 'sinusoidalEncoding', 'length is -1');
    expectError(() => sinusoidalEncoding(2.5, 4), ArgumentError, 'sinusoidalEncoding');
    expectError(() => sinusoidalEncoding(3, 4, 0), ArgumentError, 'sinusoidalEncoding', 'base is 0');
  });
});
