import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { rotaryEmbedding } from '../../src/compute/rotary-embedding.ts';
import { ArgumentError, ShapeError } from '../../src/compute/errors.ts';
import { fromData, matrix, type Matrix } from '../../src/compute/matrix.ts';
import {
  expectError,
  expectMatrixClose,
  expectNumbersClose,
  lcgMatrix,
  loadCases,
  matrixArb,
  rowDot,
  type Rows,
} from './attention-helpers.ts';

/** Two copies of one row vector, at the given positions. */
function atPositions(row: Matrix, positions: number[]): Matrix {
  const out = new Float64Array(row.cols * positions.length);
  positions.forEach((_, i) => out.set(row.data, i * row.cols));
  return rotaryEmbedding(fromData(positions.length, row.cols, out), { positions });
}

describe('rotaryEmbedding: values derived by hand', () => {
  it('d 2: [1, 0] at position p becomes [cos p, sin p] and [0, 1] becomes [−sin p, cos p] (counter-clockwise)', () => {
    const r = rotaryEmbedding(
      matrix([
        [1, 0],
        [0, 1],
      ]),
      { positions: [0.7, 0.7] },
    );
    expect(Array.from(r.data)).toEqual([Math.cos(0.7), Math.sin(0.7), -Math.sin(0.7), Math.cos(0.7)]);
  });

  it('positions default to 0 … n−1, and position 0 is the identity', () => {
    const x = lcgMatrix(4, 6, 11);
    const r = rotaryEmbedding(x);
    expect(Array.from(r.data.subarray(0, 6))).toEqual(Array.from(x.data.subarray(0, 6)));
    const explicit = rotaryEmbedding(x, { positions: [0, 1, 2, 3] });
    expect(Array.from(r.data)).toEqual(Array.from(explicit.data));
  });

  it('pair i turns by p·base^(−2i/d): d 4, base 100, position 3 turns the pairs by 3 and 0.3', () => {
    const r = rotaryEmbedding(matrix([[1, 0, 1, 0]]), { positions: [3], base: 100 });
    expectNumbersClose(r.data, [Math.cos(3), Math.sin(3), Math.cos(0.3), Math.sin(0.3)], 1e-15);
  });
});

describe('rotaryEmbedding: NumPy reference (scripts/reference/rotary-embedding.py)', () => {
  for (const c of loadCases<{ x: Rows; positions?: number[]; base?: number }, { out: Rows }>('rotary-embedding')) {
    it(c.name, () => {
      const r = rotaryEmbedding(matrix(c.inputs.x), {
        ...(c.inputs.positions ? { positions: c.inputs.positions } : {}),
        ...(c.inputs.base !== undefined ? { base: c.inputs.base } : {}),
      });
      expectMatrixClose(r, c.expected.out, 1e-9, 1e-13, 'out');
    });
  }
});

describe('rotaryEmbedding: properties', () => {
  const vecArb = fc.integer({ min: 1, max: 8 }).chain((half) => fc.record({ q: matrixArb(1, 2 * half), k: matrixArb(1, 2 * half) }));

  it('⟨R_p q, R_r k⟩ depends only on the offset r − p', () => {
    fc.assert(
      fc.property(
        vecArb,
        fc.integer({ min: -500, max: 500 }),
        fc.integer({ min: -500, max: 500 }),
        fc.integer({ min: -1000, max: 1000 }),
        ({ q, k }, p, r, t) => {
          const a = rowDot(atPositions(q, [p]), 0, atPositions(k, [r]), 0);
          const b = rowDot(atPositions(q, [p + t]), 0, atPositions(k, [r + t]), 0);
          expect(Math.abs(a - b)).toBeLessThan(1e-9);
          const c = rowDot(q, 0, atPositions(k, [r - p]), 0); // ⟨q, R_{r−p} k⟩
          expect(Math.abs(a - c)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rotations preserve the norm of every pair', () => {
    fc.assert(
      fc.property(vecArb, fc.double({ min: -1e4, max: 1e4, noNaN: true }), ({ q }, p) => {
        const r = atPositions(q, [p]);
        for (let i = 0; i < q.cols; i += 2) {
          const before = Math.hypot(q.data[i]!, q.data[i + 1]!),
            after = Math.hypot(r.data[i]!, r.data[i + 1]!);
          expect(Math.abs(before - after)).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('rotaryEmbedding: errors', () => {
  it('an odd d throws ShapeError naming the shape', () => {
    expectError(() => rotaryEmbedding(lcgMatrix(3, 5, 1)), ShapeError, 'rotaryEmbedding', '3×5', 'odd');
  });
  it('a positions list of the wrong length throws ShapeError', () => {
    expectError(() => rotaryEmbedding(lcgMatrix(3, 4, 1), { positions: [0, 1] }), ShapeError, 'rotaryEmbedding', '3×4', '2 positions');
  });
  it('non-finite positions or a bad base throw ArgumentError', () => {
    expectError(
      () => rotaryEmbedding(lcgMatrix(2, 4, 1), { positions: [0, Number.NaN] }),
      ArgumentError,
      'rotaryEmbedding',
      'positions[1]',
    );
    expectError(() => rotaryEmbedding(lcgMatrix(2, 4, 1), { base: -3 }), ArgumentError, 'rotaryEmbedding', 'base is -3');
  });
});
