import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { countNonzero, slidingWindowMask } from '../../src/compute/sliding-window-mask.ts';
import { slidingWindowNonzeros } from '../../src/compute/attention-costs.ts';
import { flashAttention } from '../../src/compute/flash-attention.ts';
import { scaledDotProductAttention } from '../../src/compute/scaled-dot-product-attention.ts';
import { toRows } from '../../src/compute/matrix.ts';
import { ArgumentError } from '../../src/compute/errors.ts';
import { loadReference, maxAbsDiff, randomMatrix } from './reference-helpers.ts';

interface Ref {
  sliding: { length: number; window: number; mode: 'causal' | 'symmetric'; mask: number[][]; nonzeros: number }[];
}
const ref = loadReference<Ref>('attention-patterns');

describe('slidingWindowMask', () => {
  it('by hand: length 4, w = 1', () => {
    expect(toRows(slidingWindowMask(4, 1, 'causal'))).toEqual([
      [1, 0, 0, 0],
      [1, 1, 0, 0],
      [0, 1, 1, 0],
      [0, 0, 1, 1],
    ]);
    expect(toRows(slidingWindowMask(4, 1, 'symmetric'))).toEqual([
      [1, 1, 0, 0],
      [1, 1, 1, 0],
      [0, 1, 1, 1],
      [0, 0, 1, 1],
    ]);
  });
  for (const c of ref.sliding) {
    it(`matches the set definition: n = ${c.length}, w = ${c.window}, ${c.mode}`, () => {
      const mask = slidingWindowMask(c.length, c.window, c.mode);
      expect(toRows(mask)).toEqual(c.mask);
      expect(countNonzero(mask)).toBe(c.nonzeros);
    });
  }
  it('causal nonzeros follow n(w + 1) − w(w + 1)/2 (for n > w) and the band is inside the causal triangle', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 45 }), (n, w) => {
        const mask = slidingWindowMask(n, w, 'causal');
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (mask.data[i * n + j] !== 0) return false;
        return countNonzero(mask) === slidingWindowNonzeros(n, w);
      }),
    );
  });
  it('with w ≥ n − 1 the symmetric window is full attention', () => {
    expect(countNonzero(slidingWindowMask(7, 6, 'symmetric'))).toBe(49);
  });
  it('works as a mask for attention: flash and sdpa agree, and keys outside the window get weight 0', () => {
    const x = randomMatrix(12, 4, 9);
    const mask = slidingWindowMask(12, 3, 'causal');
    const exact = scaledDotProductAttention(x, x, x, { mask });
    expect(maxAbsDiff(flashAttention(x, x, x, { mask, blockSize: 5 }).output.data, exact.output.data)).toBeLessThan(1e-14);
    expect(exact.weights.data[11 * 12 + 7]).toBe(0); // 11 − 7 = 4 > w
    expect(exact.weights.data[11 * 12 + 8]).toBeGreaterThan(0);
  });
  it('rejects a negative or fractional window, a bad length and an unknown mode', () => {
    expect(() => slidingWindowMask(4, -1, 'causal')).toThrow(ArgumentError);
    expect(() => slidingWindowMask(4, -1, 'causal')).toThrow(/slidingWindowMask: window must be an integer ≥ 0, got -1/);
    expect(() => slidingWindowMask(4, 1.5, 'symmetric')).toThrow(ArgumentError);
    expect(() => slidingWindowMask(-2, 1, 'causal')).toThrow(/length/);
    expect(() => slidingWindowMask(3, 1, 'both' as 'causal')).toThrow(/mode/);
  });
});
