import { describe, it, expect } from 'vitest';
import { fixedPattern, stridedPattern, withGlobalTokens } from '../../src/compute/sparse-attention-patterns.ts';
import { countNonzero, slidingWindowMask } from '../../src/compute/sliding-window-mask.ts';
import { stridedNonzeros } from '../../src/compute/attention-costs.ts';
import { toRows } from '../../src/compute/matrix.ts';
import { ArgumentError, ShapeError } from '../../src/compute/errors.ts';
import { loadReference } from './reference-helpers.ts';

interface Ref {
  strided: { length: number; stride: number; mask: number[][]; nonzeros: number }[];
  fixed: { length: number; stride: number; summary: number; mask: number[][] }[];
}
const ref = loadReference<Ref>('attention-patterns');

describe('Sparse Transformer patterns', () => {
  it('strided by hand: n = 6, l = 2 keeps the last 3 positions plus every second earlier one', () => {
    expect(toRows(stridedPattern(6, 2))[5]).toEqual([0, 1, 0, 1, 1, 1]);
    expect(toRows(stridedPattern(6, 2))[4]).toEqual([1, 0, 1, 1, 1, 0]);
  });
  it('fixed by hand: n = 6, l = 3, c = 1 keeps the current block and each block’s last cell', () => {
    expect(toRows(fixedPattern(6, 3, 1))[4]).toEqual([0, 0, 1, 1, 1, 0]);
  });
  for (const c of ref.strided) {
    it(`strided matches the set definition: n = ${c.length}, l = ${c.stride}`, () => {
      const mask = stridedPattern(c.length, c.stride);
      expect(toRows(mask)).toEqual(c.mask);
      expect(countNonzero(mask)).toBe(c.nonzeros);
      expect(stridedNonzeros(c.length, c.stride)).toBe(c.nonzeros);
    });
  }
  for (const c of ref.fixed) {
    it(`fixed matches the set definition: n = ${c.length}, l = ${c.stride}, c = ${c.summary}`, () => {
      expect(toRows(fixedPattern(c.length, c.stride, c.summary))).toEqual(c.mask);
    });
  }
  it('strided nonzeros grow like n√n with l = √n, far below n²', () => {
    for (const n of [64, 256, 1024]) {
      const l = Math.sqrt(n);
      const nnz = stridedNonzeros(n, l);
      expect(nnz).toBe(countNonzero(stridedPattern(n, l)));
      expect(nnz).toBeLessThan(2 * n * l);
    }
  });
  it('non-causal variants are symmetric', () => {
    const s = stridedPattern(9, 3, { causal: false });
    const f = fixedPattern(9, 3, 1, { causal: false });
    for (let i = 0; i < 9; i++) for (let j = 0; j < 9; j++) expect(s.data[i * 9 + j]).toBe(s.data[j * 9 + i]);
    expect(f.data[0 * 9 + 5]).toBe(1); // key 5 is the summary cell of block 1
  });
  it('global tokens get full rows and columns', () => {
    const g = withGlobalTokens(slidingWindowMask(5, 0, 'symmetric'), [0]);
    expect(toRows(g)).toEqual([
      [1, 1, 1, 1, 1],
      [1, 1, 0, 0, 0],
      [1, 0, 1, 0, 0],
      [1, 0, 0, 1, 0],
      [1, 0, 0, 0, 1],
    ]);
    expect(countNonzero(g)).toBe(5 + 4 + 4);
  });
  it('rejects bad strides, summaries, global positions and non-square masks', () => {
    expect(() => stridedPattern(4, 0)).toThrow(ArgumentError);
    expect(() => fixedPattern(4, 2, 3)).toThrow(/summary/);
    expect(() => withGlobalTokens(slidingWindowMask(3, 1, 'causal'), [3])).toThrow(/outside/);
    expect(() => withGlobalTokens({ rows: 2, cols: 3, data: new Float64Array(6) }, [0])).toThrow(ShapeError);
  });
});
