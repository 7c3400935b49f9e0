import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  scaledDotProductAttention,
  scaledDotProductAttentionNaive,
  temperatureScale,
  type AttentionOptions,
} from '../../src/compute/scaled-dot-product-attention.ts';
import { ArgumentError, ShapeError } from '../../src/compute/errors.ts';
import { fromData, matrix, type Matrix } from '../../src/compute/matrix.ts';
import {
  expectError,
  expectMatrixClose,
  expectNumbersClose,
  lcgMatrix,
  loadCases,
  maskArb,
  matrixArb,
  maxAbsDiff,
  rowSum,
  type Rows,
} from './attention-helpers.ts';

const IMPLEMENTATIONS = [
  ['fast', scaledDotProductAttention],
  ['naive', scaledDotProductAttentionNaive],
] as const;

/** Random attention inputs: n queries, m keys, d_k, d_v, and optionally a mask and a bias. */
const inputsArb = (opts: { maxN?: number; causal?: boolean } = {}) =>
  fc
    .record({
      n: fc.integer({ min: 1, max: opts.maxN ?? 9 }),
      m: fc.integer({ min: 1, max: opts.maxN ?? 9 }),
      d: fc.integer({ min: 1, max: 6 }),
      dv: fc.integer({ min: 1, max: 5 }),
    })
    .chain(({ n, m, d, dv }) => {
      const keys = opts.causal === true ? n : m;
      return fc.record({
        q: matrixArb(n, d),
        k: matrixArb(keys, d),
        v: matrixArb(keys, dv),
        mask: fc.option(maskArb(n, keys), { nil: undefined }),
        bias: fc.option(matrixArb(n, keys, 2), { nil: undefined }),
      });
    });

describe('scaledDotProductAttention: values derived by hand', () => {
  for (const [name, attend] of IMPLEMENTATIONS) {
    describe(name, () => {
      it('equal scores give uniform weights and the mean of the values', () => {
        const q = matrix([[1, 2]]);
        const k = matrix([
          [0.5, 0.5],
          [0.5, 0.5],
          [0.5, 0.5],
        ]);
        const v = matrix([
          [3, 0],
          [6, 3],
          [9, -3],
        ]);
        const { output, weights } = attend(q, k, v);
        expectNumbersClose(weights.data, [1 / 3, 1 / 3, 1 / 3], 1e-15);
        expectNumbersClose(output.data, [6, 0], 1e-15, 1e-15);
      });

      it('logits ln 3 and 0 give weights 3/4 and 1/4 (d = 1, scale 1)', () => {
        const q = matrix([[Math.log(3)]]);
        const k = matrix([[1], [0]]);
        const v = matrix([[4], [8]]);
        const { output, weights } = attend(q, k, v, { scale: 1 });
        expectNumbersClose(weights.data, [0.75, 0.25], 1e-15);
        expectNumbersClose(output.data, [5], 1e-15); // 0.75·4 + 0.25·8
      });

      it('the default scale is 1/√d_k: q·k = 2 with d_k = 4 gives logits 1 and 0', () => {
        const q = matrix([[1, 1, 1, 1]]);
        const k = matrix([
          [0.5, 0.5, 0.5, 0.5],
          [0, 0, 0, 0],
        ]);
        const v = matrix([[1], [0]]);
        const { weights } = attend(q, k, v);
        const e = Math.E;
        expectNumbersClose(weights.data, [e / (e + 1), 1 / (e + 1)], 1e-15);
      });

      it('scale 0 makes every allowed weight equal', () => {
        const { weights } = attend(
          matrix([[5, -2]]),
          matrix([
            [9, 1],
            [-4, 2],
            [0, 7],
            [3, 3],
          ]),
          zerosLike(4, 1),
          { scale: 0 },
        );
        expectNumbersClose(weights.data, [0.25, 0.25, 0.25, 0.25], 1e-15);
      });

      it('causal with equal scores: row i averages values 0…i', () => {
        const q = matrix([[0], [0], [0]]);
        const v = matrix([[3], [6], [12]]);
        const { output, weights } = attend(q, q, v, { causal: true });
        expect(Array.from(weights.data)).toEqual([1, 0, 0, 0.5, 0.5, 0, 1 / 3, 1 / 3, 1 / 3]);
        expectNumbersClose(output.data, [3, 4.5, 7], 1e-15);
      });

      it('the bias is added after scaling and is not scaled', () => {
        // scale·q·k = 0.5·[2, 0] = [1, 0]; + bias [0, 1] = [1, 1] → uniform. A scaled bias would give [1, 0.5].
        const { weights } = attend(matrix([[2]]), matrix([[1], [0]]), matrix([[0], [1]]), { scale: 0.5, bias: matrix([[0, 1]]) });
        expectNumbersClose(weights.data, [0.5, 0.5], 1e-15);
      });

      it('masking comes after the bias: a huge bias on a masked key still gets weight 0', () => {
        const { output, weights } = attend(matrix([[1]]), matrix([[1], [1]]), matrix([[2], [10]]), {
          bias: matrix([[0, 1000]]),
          mask: matrix([[1, 0]]),
        });
        expect(Array.from(weights.data)).toEqual([1, 0]);
        expect(Array.from(output.data)).toEqual([2]);
      });

      it('a fully masked row gets weights and output of exactly 0, not NaN', () => {
        const q = matrix([
          [1, 0],
          [0, 1],
        ]);
        const k = matrix([
          [1, 1],
          [2, 0],
          [0, 3],
        ]);
        const v = matrix([
          [1, 2],
          [3, 4],
          [5, 6],
        ]);
        const { output, weights } = attend(q, k, v, {
          mask: matrix([
            [1, 0, 1],
            [0, 0, 0],
          ]),
        });
        expect(Array.from(weights.data.subarray(3))).toEqual([0, 0, 0]);
        expect(Array.from(output.data.subarray(2))).toEqual([0, 0]);
        expect(weights.data[1]).toBe(0);
        expectNumbersClose([weights.data[0]! + weights.data[2]!], [1], 1e-15);
      });

      it('logits of ±1e4 stay finite: the larger one takes all the weight', () => {
        const { output, weights } = attend(matrix([[100]]), matrix([[100], [-100], [99.99]]), matrix([[1], [2], [3]]), { scale: 1 });
        // logits 1e4, −1e4, ≈9999: weight of key 2 is e^(l−1e4)/(1 + e^(l−1e4) + e^(−2e4)), e^(−2e4) = 0.
        const gap = Math.exp(100 * 99.99 - 1e4);
        const w2 = gap / (1 + gap);
        expectNumbersClose(weights.data, [1 - w2, 0, w2], 1e-13);
        expect(weights.data[1]).toBe(0);
        expectNumbersClose(output.data, [(1 - w2) * 1 + w2 * 3], 1e-13);
      });

      it('overflowing dot products: +∞ logits share the weight, the rest get 0', () => {
        const { output, weights } = attend(matrix([[1e200]]), matrix([[1e200], [1], [1e200]]), matrix([[2], [7], [4]]), { scale: 1 });
        expect(Array.from(weights.data)).toEqual([0.5, 0, 0.5]);
        expect(Array.from(output.data)).toEqual([3]);
      });

      it('empty shapes: no keys gives zero outputs; no queries gives empty results', () => {
        const none = attend(matrix([[1, 2]]), fromData(0, 2, new Float64Array(0)), fromData(0, 3, new Float64Array(0)));
        expect([none.output.rows, none.output.cols, none.weights.rows, none.weights.cols]).toEqual([1, 3, 1, 0]);
        expect(Array.from(none.output.data)).toEqual([0, 0, 0]);
        const empty = attend(fromData(0, 2, new Float64Array(0)), matrix([[1, 2]]), matrix([[3]]));
        expect([empty.output.rows, empty.output.cols, empty.weights.rows, empty.weights.cols]).toEqual([0, 1, 0, 1]);
      });
    });
  }
});

describe('scaledDotProductAttention: NumPy reference (scripts/reference/scaled-dot-product-attention.py)', () => {
  interface Inputs {
    q: Rows;
    k: Rows;
    v: Rows;
    bias?: Rows;
    mask?: Rows;
    scale?: number;
    causal?: boolean;
  }
  const cases = loadCases<Inputs, { output: Rows; weights: Rows }>('scaled-dot-product-attention');
  for (const c of cases) {
    for (const [name, attend] of IMPLEMENTATIONS) {
      it(`${c.name} (${name})`, () => {
        const opts: AttentionOptions = {
          ...(c.inputs.bias ? { bias: matrix(c.inputs.bias) } : {}),
          ...(c.inputs.mask ? { mask: matrix(c.inputs.mask) } : {}),
          ...(c.inputs.scale !== undefined ? { scale: c.inputs.scale } : {}),
          ...(c.inputs.causal ? { causal: true } : {}),
        };
        const r = attend(matrix(c.inputs.q), matrix(c.inputs.k), matrix(c.inputs.v), opts);
        expectMatrixClose(r.weights, c.expected.weights, 1e-9, 1e-15, 'weights');
        expectMatrixClose(r.output, c.expected.output, 1e-9, 1e-14, 'output');
      });
    }
  }
  it('covers masks, causal, bias, scale and ±1e4 logits', () => {
    expect(cases.some((c) => c.inputs.mask && c.expected.weights.some((row) => row.every((w) => w === 0)))).toBe(true);
    expect(cases.some((c) => c.inputs.causal)).toBe(true);
    expect(cases.some((c) => c.inputs.bias)).toBe(true);
    expect(cases.some((c) => c.inputs.scale !== undefined)).toBe(true);
  });
});

describe('scaledDotProductAttention: properties', () => {
  it('rows of the weights sum to 1 and masked entries are exactly 0', () => {
    fc.assert(
      fc.property(inputsArb(), ({ q, k, v, mask, bias }) => {
        const { weights, output } = scaledDotProductAttention(q, k, v, { mask, bias });
        for (let i = 0; i < q.rows; i++) {
          let allowed = 0;
          for (let j = 0; j < k.rows; j++) {
            const w = weights.data[i * k.rows + j]!;
            if (mask && mask.data[i * k.rows + j] === 0) expect(w).toBe(0);
            else allowed++;
            expect(w).toBeGreaterThanOrEqual(0);
          }
          const sum = rowSum(weights, i);
          if (allowed > 0) expect(Math.abs(sum - 1)).toBeLessThan(1e-12);
          else expect(sum).toBe(0);
        }
        expect(output.data.every(Number.isFinite)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('causal weights are 0 above the diagonal, and row 0 attends only to key 0', () => {
    fc.assert(
      fc.property(inputsArb({ causal: true }), ({ q, k, v, mask, bias }) => {
        const { weights } = scaledDotProductAttention(q, k, v, { causal: true, mask, bias });
        const n = q.rows;
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++) expect(weights.data[i * n + j]).toBe(0);
        }
        if (!mask || mask.data[0] === 1) expect(weights.data[0]).toBe(1);
      }),
      { numRuns: 200 },
    );
  });

  it('a fully masked row always gives a zero output row, never NaN', () => {
    fc.assert(
      fc.property(inputsArb(), fc.nat(), ({ q, k, v, bias }, pick) => {
        const row = pick % q.rows;
        const mask = fromData(q.rows, k.rows, new Float64Array(q.rows * k.rows).fill(1));
        mask.data.fill(0, row * k.rows, (row + 1) * k.rows);
        const { output, weights } = scaledDotProductAttention(q, k, v, { mask, bias });
        expect(Array.from(output.data.subarray(row * v.cols, (row + 1) * v.cols))).toEqual(new Array(v.cols).fill(0));
        expect(Array.from(weights.data.subarray(row * k.rows, (row + 1) * k.rows))).toEqual(new Array(k.rows).fill(0));
      }),
      { numRuns: 100 },
    );
  });

  it('logits up to ±1e4 (and beyond) never produce NaN or Infinity', () => {
    fc.assert(
      fc.property(inputsArb(), fc.double({ min: 1e2, max: 1e6, noNaN: true }), ({ q, k, v, mask, bias }, scale) => {
        const r = scaledDotProductAttention(q, k, v, { mask, bias, scale });
        expect(r.weights.data.every(Number.isFinite)).toBe(true);
        expect(r.output.data.every(Number.isFinite)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('shifting a row of logits by a constant changes nothing (softmax shift invariance)', () => {
    fc.assert(
      fc.property(
        inputsArb(),
        fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 9, maxLength: 9 }),
        ({ q, k, v, mask }, shifts) => {
          const shift = fromData(q.rows, k.rows, new Float64Array(q.rows * k.rows));
          for (let i = 0; i < q.rows; i++) shift.data.fill(shifts[i]!, i * k.rows, (i + 1) * k.rows);
          const a = scaledDotProductAttention(q, k, v, { mask });
          const b = scaledDotProductAttention(q, k, v, { mask, bias: shift });
          expect(maxAbsDiff(a.weights.data, b.weights.data)).toBeLessThan(1e-12);
          expect(maxAbsDiff(a.output.data, b.output.data)).toBeLessThan(1e-11);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('scale multiplies q·k: scaling q by α equals multiplying the scale by α', () => {
    fc.assert(
      fc.property(
        inputsArb(),
        fc.double({ min: 0.1, max: 4, noNaN: true }),
        fc.double({ min: 0.05, max: 2, noNaN: true }),
        ({ q, k, v }, alpha, scale) => {
          const qa = fromData(
            q.rows,
            q.cols,
            q.data.map((x) => alpha * x),
          );
          const a = scaledDotProductAttention(qa, k, v, { scale });
          const b = scaledDotProductAttention(q, k, v, { scale: alpha * scale });
          expect(maxAbsDiff(a.weights.data, b.weights.data)).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a given scale replaces 1/√d_k: {scale: s} equals the default after multiplying q by s·√d_k', () => {
    fc.assert(
      fc.property(inputsArb(), fc.double({ min: 0.05, max: 3, noNaN: true }), ({ q, k, v }, s) => {
        const qs = fromData(
          q.rows,
          q.cols,
          q.data.map((x) => x * s * Math.sqrt(q.cols)),
        );
        const a = scaledDotProductAttention(q, k, v, { scale: s });
        const b = scaledDotProductAttention(qs, k, v);
        expect(maxAbsDiff(a.weights.data, b.weights.data)).toBeLessThan(1e-12);
      }),
      { numRuns: 150 },
    );
  });

  it('temperature T is scale 1/(T·√d_k): the same as dividing the logits by T', () => {
    fc.assert(
      fc.property(inputsArb(), fc.double({ min: 0.1, max: 10, noNaN: true }), ({ q, k, v }, t) => {
        const a = scaledDotProductAttention(q, k, v, { scale: temperatureScale(t, q.cols) });
        const qt = fromData(
          q.rows,
          q.cols,
          q.data.map((x) => x / t),
        );
        const b = scaledDotProductAttention(qt, k, v);
        expect(maxAbsDiff(a.weights.data, b.weights.data)).toBeLessThan(1e-12);
      }),
      { numRuns: 150 },
    );
    expect(temperatureScale(2, 16)).toBe(1 / 8);
    expectError(() => temperatureScale(0, 4), ArgumentError, 'temperatureScale');
  });

  it('outputs are convex combinations: each entry lies between the column min and max of v', () => {
    fc.assert(
      fc.property(inputsArb(), ({ q, k, v, bias }) => {
        const { output } = scaledDotProductAttention(q, k, v, { bias });
        for (let c = 0; c < v.cols; c++) {
          let lo = Infinity,
            hi = -Infinity;
          for (let j = 0; j < v.rows; j++) {
            lo = Math.min(lo, v.data[j * v.cols + c]!);
            hi = Math.max(hi, v.data[j * v.cols + c]!);
          }
          for (let i = 0; i < q.rows; i++) {
            const o = output.data[i * v.cols + c]!;
            expect(o).toBeGreaterThanOrEqual(lo - 1e-12);
            expect(o).toBeLessThanOrEqual(hi + 1e-12);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('permuting keys and values together leaves the output unchanged', () => {
    fc.assert(
      fc.property(inputsArb(), fc.nat(), ({ q, k, v }, seed) => {
        const m = k.rows;
        const perm = Array.from({ length: m }, (_, i) => i).sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101) || a - b);
        const pk = permuteRows(k, perm),
          pv = permuteRows(v, perm);
        const a = scaledDotProductAttention(q, k, v);
        const b = scaledDotProductAttention(q, pk, pv);
        expect(maxAbsDiff(a.output.data, b.output.data)).toBeLessThan(1e-12);
      }),
      { numRuns: 100 },
    );
  });
});

describe('scaledDotProductAttention: the fast kernel equals the naive reference', () => {
  it('for random shapes, masks, biases and causal (fast-check)', () => {
    fc.assert(
      fc.property(
        inputsArb({ maxN: 13 }),
        fc.boolean(),
        fc.option(fc.double({ min: -2, max: 2, noNaN: true }), { nil: undefined }),
        (inp, causal, scale) => {
          const opts: AttentionOptions = { mask: inp.mask, bias: inp.bias, scale, causal: causal && inp.q.rows === inp.k.rows };
          const fast = scaledDotProductAttention(inp.q, inp.k, inp.v, opts);
          const naive = scaledDotProductAttentionNaive(inp.q, inp.k, inp.v, opts);
          expect(maxAbsDiff(fast.weights.data, naive.weights.data)).toBeLessThanOrEqual(1e-14);
          expect(maxAbsDiff(fast.output.data, naive.output.data)).toBeLessThanOrEqual(1e-13);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('for larger shapes that cross the tile and cache-block edges', () => {
    const shapes: [number, number, number, number][] = [
      [37, 41, 19, 23],
      [64, 64, 64, 64],
      [130, 70, 3, 5],
      [5, 300, 17, 2],
      [100, 100, 64, 64],
      [67, 67, 128, 9],
    ];
    for (const [n, m, d, dv] of shapes) {
      const q = lcgMatrix(n, d, n * 31 + d),
        k = lcgMatrix(m, d, m * 17 + 5),
        v = lcgMatrix(m, dv, dv * 13 + 1);
      const bias = lcgMatrix(n, m, 99, -3, 3);
      const mask = fromData(
        n,
        m,
        lcgMatrix(n, m, 7).data.map((x) => (x > -0.6 ? 1 : 0)),
      );
      for (const opts of [{}, { bias, mask }, ...(n === m ? [{ causal: true }, { causal: true, bias }] : [])] as AttentionOptions[]) {
        const fast = scaledDotProductAttention(q, k, v, opts);
        const naive = scaledDotProductAttentionNaive(q, k, v, opts);
        expect(maxAbsDiff(fast.weights.data, naive.weights.data), `${n}×${m}×${d}`).toBeLessThanOrEqual(1e-14);
        expect(maxAbsDiff(fast.output.data, naive.output.data), `${n}×${m}×${d}`).toBeLessThanOrEqual(1e-13);
      }
    }
  });
});

describe('scaledDotProductAttention: errors name the operation and the shapes', () => {
  const q = lcgMatrix(3, 4, 1),
    k = lcgMatrix(5, 4, 2),
    v = lcgMatrix(5, 2, 3);
  for (const [name, attend] of IMPLEMENTATIONS) {
    it(`${name}: shape mismatches throw ShapeError`, () => {
      expectError(() => attend(q, lcgMatrix(5, 3, 2), v), ShapeError, 'scaledDotProductAttention', '3×4', '5×3');
      expectError(() => attend(q, k, lcgMatrix(4, 2, 3)), ShapeError, 'scaledDotProductAttention', '5×4', '4×2');
      expectError(() => attend(q, k, v, { causal: true }), ShapeError, 'scaledDotProductAttention', 'causal', '3×4', '5×4');
      expectError(() => attend(q, k, v, { mask: lcgMatrix(3, 4, 1) }), ShapeError, 'scaledDotProductAttention', 'mask', '3×4', '3×5');
      expectError(() => attend(q, k, v, { bias: lcgMatrix(5, 3, 1) }), ShapeError, 'scaledDotProductAttention', 'bias', '5×3', '3×5');
    });
    it(`${name}: bad values throw ArgumentError`, () => {
      expectError(
        () => attend(q, k, v, { mask: fromData(3, 5, new Float64Array(15).fill(0.5)) }),
        ArgumentError,
        'scaledDotProductAttention',
        'mask[0][0]',
      );
      expectError(() => attend(q, k, v, { scale: Number.NaN }), ArgumentError, 'scaledDotProductAttention', 'scale');
      expectError(() => attend(q, k, v, { scale: Infinity }), ArgumentError, 'scaledDotProductAttention', 'scale');
      const bad = lcgMatrix(5, 2, 3);
      bad.data[3] = Number.NaN;
      expectError(() => attend(q, k, bad), ArgumentError, 'scaledDotProductAttention', 'v[1][1]');
      expectError(
        () => attend(matrix([[1e300, 1e300]]), matrix([[1e300, -1e300]]), matrix([[1]]), { scale: 1 }),
        ArgumentError,
        'scaledDotProductAttention',
        'NaN',
      );
    });
  }
});

function zerosLike(rows: number, cols: number): Matrix {
  return fromData(rows, cols, new Float64Array(rows * cols));
}

function permuteRows(m: Matrix, perm: number[]): Matrix {
  const out = new Float64Array(m.data.length);
  perm.forEach((src, dst) => out.set(m.data.subarray(src * m.cols, (src + 1) * m.cols), dst * m.cols));
  return fromData(m.rows, m.cols, out);
}
