import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { selectiveScan, selectiveScanFrom } from '../../src/compute/selective-scan.ts';
import { ArgumentError, ShapeError } from '../../src/compute/errors.ts';
import { fromData, matrix, zeros, type Matrix } from '../../src/compute/matrix.ts';
import { expectError, expectMatrixClose, expectNumbersClose, lcgMatrix, loadCases, matrixArb, type Rows } from './attention-helpers.ts';

const rowsOf = (m: Matrix, start: number, end: number): Matrix => fromData(end - start, m.cols, m.data.slice(start * m.cols, end * m.cols));

describe('selectiveScan: values derived by hand', () => {
  it('L = 2, D = N = 1, Δ = ln 2, A = −1 (so exp(ΔA) = ½), B = C = 1, D = 3', () => {
    // h_0 = ln2·1·1 = ln2, y_0 = ln2 + 3·1; h_1 = ½·ln2 + ln2·1·2 = 2.5·ln2, y_1 = 2.5·ln2 + 3·2.
    const ln2 = Math.LN2;
    const y = selectiveScan(matrix([[1], [2]]), matrix([[ln2], [ln2]]), matrix([[-1]]), matrix([[1], [1]]), matrix([[1], [1]]), [3]);
    expectNumbersClose(y.data, [ln2 + 3, 2.5 * ln2 + 6], 1e-15);
  });

  it('two channels with two states each, d omitted (zeros)', () => {
    // Channel 0: Δ = 1, A = [0, 0] → h accumulates Δ·B·u: h_0 = [1, 2]·1, y_0 = C_0·h_0 = [1, 0]·[1, 2] = 1;
    //            h_1 = [1, 2] + [3, 4]·1 = [4, 6], y_1 = [0, 1]·[4, 6] = 6.
    // Channel 1: Δ = 0 → h stays 0 and y = 0.
    const u = matrix([
      [1, 5],
      [1, 5],
    ]);
    const delta = matrix([
      [1, 0],
      [1, 0],
    ]);
    const a = matrix([
      [0, 0],
      [-1, -2],
    ]);
    const b = matrix([
      [1, 2],
      [3, 4],
    ]);
    const c = matrix([
      [1, 0],
      [0, 1],
    ]);
    expect(Array.from(selectiveScan(u, delta, a, b, c).data)).toEqual([1, 0, 6, 0]);
    const r = selectiveScanFrom(u, delta, a, b, c);
    expect(Array.from(r.state.data)).toEqual([4, 6, 0, 0]);
  });
});

describe('selectiveScan: NumPy reference after selective_scan_ref (scripts/reference/selective-scan.py)', () => {
  for (const c of loadCases<{ u: Rows; delta: Rows; a: Rows; b: Rows; c: Rows; d: number[] }, { y: Rows }>('selective-scan')) {
    it(c.name, () => {
      const { u, delta, a, b, c: cc, d } = c.inputs;
      expectMatrixClose(selectiveScan(matrix(u), matrix(delta), matrix(a), matrix(b), matrix(cc), d), c.expected.y, 1e-9, 1e-13, 'y');
    });
  }
});

describe('selectiveScan: properties', () => {
  const sizes = fc.record({ L: fc.integer({ min: 1, max: 8 }), D: fc.integer({ min: 1, max: 4 }), N: fc.integer({ min: 1, max: 4 }) });
  const inputs = sizes.chain(({ L, D, N }) =>
    fc.record({
      u: matrixArb(L, D, 3),
      delta: matrixArb(L, D, 2).map((m) => fromData(m.rows, m.cols, m.data.map(Math.abs))),
      a: matrixArb(D, N, 4).map((m) =>
        fromData(
          m.rows,
          m.cols,
          m.data.map((v) => -Math.abs(v)),
        ),
      ),
      b: matrixArb(L, N, 3),
      c: matrixArb(L, N, 3),
      d: fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: D, maxLength: D }),
    }),
  );

  it('delta = 0 gives y = d ⊙ u exactly', () => {
    fc.assert(
      fc.property(inputs, ({ u, a, b, c, d }) => {
        const y = selectiveScan(u, zeros(u.rows, u.cols), a, b, c, d);
        const expected = Array.from(u.data, (v, i) => d[i % u.cols]! * v + 0);
        expect(Array.from(y.data, (v) => v + 0)).toEqual(expected);
      }),
    );
  });

  it('L steps equal two chained scans through the carried state', () => {
    fc.assert(
      fc.property(
        inputs.chain((x) => fc.integer({ min: 0, max: x.u.rows }).map((split) => ({ ...x, split }))),
        ({ u, delta, a, b, c, d, split }) => {
          const L = u.rows;
          const whole = selectiveScanFrom(u, delta, a, b, c, d);
          const first = selectiveScanFrom(rowsOf(u, 0, split), rowsOf(delta, 0, split), a, rowsOf(b, 0, split), rowsOf(c, 0, split), d);
          const second = selectiveScanFrom(
            rowsOf(u, split, L),
            rowsOf(delta, split, L),
            a,
            rowsOf(b, split, L),
            rowsOf(c, split, L),
            d,
            first.state,
          );
          expect([...first.y.data, ...second.y.data]).toEqual(Array.from(whole.y.data));
          expect(Array.from(second.state.data)).toEqual(Array.from(whole.state.data));
        },
      ),
    );
  });

  it('an even L = 16 split into halves of 8', () => {
    const u = lcgMatrix(16, 3, 1),
      delta = lcgMatrix(16, 3, 2, 0, 1),
      a = lcgMatrix(3, 4, 3, -2, 0),
      b = lcgMatrix(16, 4, 4),
      c = lcgMatrix(16, 4, 5);
    const whole = selectiveScan(u, delta, a, b, c, [1, 2, 3]);
    const h1 = selectiveScanFrom(rowsOf(u, 0, 8), rowsOf(delta, 0, 8), a, rowsOf(b, 0, 8), rowsOf(c, 0, 8), [1, 2, 3]);
    const h2 = selectiveScanFrom(rowsOf(u, 8, 16), rowsOf(delta, 8, 16), a, rowsOf(b, 8, 16), rowsOf(c, 8, 16), [1, 2, 3], h1.state);
    expect([...h1.y.data, ...h2.y.data]).toEqual(Array.from(whole.data));
  });
});

describe('selectiveScan: bad input', () => {
  const u = lcgMatrix(4, 2, 1),
    delta = lcgMatrix(4, 2, 2, 0, 1),
    a = lcgMatrix(2, 3, 3, -1, 0),
    b = lcgMatrix(4, 3, 4),
    c = lcgMatrix(4, 3, 5);
  it('names the operation and the shapes', () => {
    expectError(() => selectiveScan(u, lcgMatrix(3, 2, 1), a, b, c), ShapeError, 'selectiveScan', 'delta is 3×2 but u is 4×2');
    expectError(() => selectiveScan(u, delta, lcgMatrix(3, 3, 1), b, c), ShapeError, 'selectiveScan', 'a is 3×3 but u is 4×2');
    expectError(() => selectiveScan(u, delta, a, lcgMatrix(4, 2, 1), c), ShapeError, 'selectiveScan', 'b is 4×2 but must be 4×3');
    expectError(() => selectiveScan(u, delta, a, b, lcgMatrix(5, 3, 1)), ShapeError, 'selectiveScan', 'c is 5×3 but must be 4×3');
    expectError(() => selectiveScan(u, delta, a, b, c, [1]), ShapeError, 'selectiveScan', 'd has 1 entries but u is 4×2');
    expectError(() => selectiveScan(u, delta, a, b, c, [1, NaN]), ArgumentError, 'selectiveScan', 'd[1] is NaN');
    expectError(
      () => selectiveScanFrom(u, delta, a, b, c, undefined, zeros(3, 2)),
      ShapeError,
      'selectiveScan',
      'state is 3×2 but must be 2×3',
    );
    expectError(
      () => selectiveScan(matrix([[Infinity, 0]]), zeros(1, 2), a, zeros(1, 3), zeros(1, 3)),
      ArgumentError,
      'selectiveScan',
      'u[0][0] is Infinity',
    );
  });
  it('a state that overflows (positive Δ·A) is reported, not returned as Infinity', () => {
    const ones = fromData(2000, 1, new Float64Array(2000).fill(1)); // h_t = e·h_{t−1} + 1 passes 1e308 near t = 709
    expectError(() => selectiveScan(ones, ones, matrix([[1]]), ones, ones), ArgumentError, 'selectiveScan', 'the state overflowed', 'Fix:');
  });
});
