/**
 * Test helpers for the attention, positional-encoding and normalisation modules: loading the NumPy
 * reference JSON, a 1e-9 relative comparison, and fast-check arbitraries for matrices.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { expect } from 'vitest';
import { ArgumentError, ShapeError } from '../../src/compute/errors.ts';
import { fromData, matrix, toRows, type Matrix } from '../../src/compute/matrix.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** One case of a reference file written by scripts/reference/<name>.py. */
export interface ReferenceCase<I, E> {
  readonly name: string;
  readonly inputs: I;
  readonly expected: E;
}

/** tests/fixtures/reference/<name>.json: the cases computed by the NumPy reference. */
export function loadCases<I, E>(name: string): ReferenceCase<I, E>[] {
  const doc = JSON.parse(readFileSync(join(here, '..', 'fixtures', 'reference', `${name}.json`), 'utf8')) as {
    cases: ReferenceCase<I, E>[];
  };
  expect(doc.cases.length).toBeGreaterThan(0);
  return doc.cases;
}

export type Rows = number[][];

/** Asserts |actual − expected| ≤ rel·|expected| + abs entrywise (default 1e-9 relative, 1e-15 floor). */
export function expectNumbersClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel = 1e-9, abs = 1e-15, what = 'value'): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!,
      e = expected[i]!;
    if (!(Math.abs(a - e) <= rel * Math.abs(e) + abs)) {
      expect.fail(`${what}[${i}]: got ${a}, expected ${e} (|Δ| = ${Math.abs(a - e)}, allowed ${rel * Math.abs(e) + abs})`);
    }
  }
}

/** Asserts a matrix equals nested rows to 1e-9 relative (shape exactly). */
export function expectMatrixClose(actual: Matrix, expected: Rows, rel = 1e-9, abs = 1e-15, what = 'matrix'): void {
  expect([actual.rows, actual.cols], `${what}: shape`).toEqual([expected.length, expected[0]?.length ?? actual.cols]);
  expectNumbersClose(actual.data, expected.flat(), rel, abs, what);
}

/** Max |a − b| over two equally long number lists. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

/** Runs fn and asserts it throws `kind` whose message contains every fragment (operation, shapes). */
export function expectError(fn: () => unknown, kind: typeof ShapeError | typeof ArgumentError, ...fragments: string[]): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected an error').toBeInstanceOf(kind);
  const message = (caught as Error).message;
  for (const f of fragments) expect(message).toContain(f);
}

export { matrix, toRows, fromData };

/** A rows×cols matrix with entries drawn by fast-check in [−bound, bound]. */
export function matrixArb(rows: number, cols: number, bound = 3): fc.Arbitrary<Matrix> {
  return fc.array(fc.double({ min: -bound, max: bound, noNaN: true }), { minLength: rows * cols, maxLength: rows * cols }).map((values) =>
    fromData(
      rows,
      cols,
      Float64Array.from(values, (v) => v + 0),
    ),
  ); // + 0 drops −0
}

/** A rows×cols 0/1 mask. */
export function maskArb(rows: number, cols: number): fc.Arbitrary<Matrix> {
  return fc.array(fc.boolean(), { minLength: rows * cols, maxLength: rows * cols }).map((bits) =>
    fromData(
      rows,
      cols,
      Float64Array.from(bits, (b) => (b ? 1 : 0)),
    ),
  );
}

/** A matrix of deterministic pseudo-random uniforms in [lo, hi) (a 32-bit LCG; for sizes fast-check would make slow). */
export function lcgMatrix(rows: number, cols: number, seed: number, lo = -1, hi = 1): Matrix {
  let s = seed >>> 0 || 1;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    data[i] = lo + ((hi - lo) * s) / 4294967296;
  }
  return fromData(rows, cols, data);
}

/** Sum of row i of m. */
export function rowSum(m: Matrix, i: number): number {
  let s = 0;
  for (let j = 0; j < m.cols; j++) s += m.data[i * m.cols + j]!;
  return s;
}

/** Dot product of row a of x and row b of y. */
export function rowDot(x: Matrix, a: number, y: Matrix, b: number): number {
  let s = 0;
  for (let j = 0; j < x.cols; j++) s += x.data[a * x.cols + j]! * y.data[b * y.cols + j]!;
  return s;
}
