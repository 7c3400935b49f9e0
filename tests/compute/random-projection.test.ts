import { describe, it, expect } from 'vitest';
import { randomProjection } from '../../src/compute/random-projection.ts';
import { ArgumentError } from '../../src/compute/errors.ts';
import { expectClose, loadReference } from './reference-helpers.ts';

interface Ref {
  projections: { features: number; d: number; seed: number; orthogonal: boolean; matrix: number[][] }[];
}
const ref = loadReference<Ref>('random-projection');

function dot(a: Float64Array, i: number, j: number, d: number): number {
  let s = 0;
  for (let c = 0; c < d; c++) s += a[i * d + c]! * a[j * d + c]!;
  return s;
}

describe('randomProjection', () => {
  for (const c of ref.projections) {
    it(`matches the NumPy rebuild: ${c.features}×${c.d}, seed ${c.seed}, orthogonal ${c.orthogonal}`, () => {
      const w = randomProjection(c.features, c.d, c.seed, c.orthogonal);
      expect([w.rows, w.cols]).toEqual([c.features, c.d]);
      expectClose(w.data, c.matrix.flat());
    });
  }

  it('orthogonal rows are exactly orthogonal within each block of d, not across blocks', () => {
    const d = 4;
    const w = randomProjection(10, d, 31, true);
    for (let i = 0; i < 10; i++) {
      for (let j = i + 1; j < 10; j++) {
        const sameBlock = Math.floor(i / d) === Math.floor(j / d);
        if (sameBlock) expect(Math.abs(dot(w.data, i, j, d))).toBeLessThan(1e-12);
      }
    }
    expect(Math.abs(dot(w.data, 0, 4, d))).toBeGreaterThan(1e-6); // rows 0 and 4 come from different blocks
  });

  it('keeps the N(0, I) marginal: squared row norms average d (orthogonal and i.i.d.)', () => {
    const d = 6;
    for (const orthogonal of [false, true]) {
      let total = 0;
      const rows = 3000;
      const w = randomProjection(rows, d, 8, orthogonal);
      for (let i = 0; i < rows; i++) total += dot(w.data, i, i, d);
      // ‖ω‖² ~ χ²_d: mean d, variance 2d.
      expect(Math.abs(total / rows - d)).toBeLessThan(6 * Math.sqrt((2 * d) / rows));
    }
  });

  it('is deterministic in the seed', () => {
    expect(Array.from(randomProjection(5, 3, 1, true).data)).toEqual(Array.from(randomProjection(5, 3, 1, true).data));
    expect(Array.from(randomProjection(5, 3, 1).data)).not.toEqual(Array.from(randomProjection(5, 3, 2).data));
  });

  it('rejects bad sizes and seeds', () => {
    expect(() => randomProjection(0, 3, 1)).toThrow(ArgumentError);
    expect(() => randomProjection(3, 0, 1)).toThrow(/d must be/);
    expect(() => randomProjection(3, 2, 0.5)).toThrow(/seed/);
  });
});
