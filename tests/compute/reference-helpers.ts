/**
 * Test helpers for the reference files written by scripts/reference/_common.py (FlashAttention,
 * linear and efficient attention, MoE routing, pre-training noise): JSON loading with ±Infinity stored
 * as strings, matrix construction and a relative comparison.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { matrix, type Matrix } from '../../src/compute/matrix.ts';

const here = dirname(fileURLToPath(import.meta.url));

function revive(_key: string, value: unknown): unknown {
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  return value;
}

/** tests/fixtures/reference/<name>.json, written by scripts/reference/<name>.py. */
export function loadReference<T>(name: string): T {
  return JSON.parse(readFileSync(join(here, '..', 'fixtures', 'reference', `${name}.json`), 'utf8'), revive) as T;
}

export const m = (rows: number[][]): Matrix => matrix(rows);

/** |a − b| ≤ rel·max(|a|, |b|) + abs: 1e-9 relative, with a 1e-12 floor for entries that are 0. */
export function close(a: number, b: number, rel = 1e-9, abs = 1e-12): boolean {
  if (a === b) return true; // also ±Infinity
  return Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + abs;
}

/** Asserts two number lists agree entrywise to `rel` relative, naming the first bad index. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel = 1e-9, abs = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!close(actual[i]!, expected[i]!, rel, abs)) {
      expect.fail(`entry ${i}: got ${actual[i]}, expected ${expected[i]} (rel ${rel})`);
    }
  }
}

/** The max absolute entrywise difference. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

/** A rows×cols matrix of uniforms in [lo, hi) from a tiny LCG (independent of the module's generator). */
export function randomMatrix(rows: number, cols: number, seed: number, lo = -1, hi = 1): Matrix {
  let s = seed >>> 0 || 1;
  const values: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: number[] = [];
    for (let j = 0; j < cols; j++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      row.push(lo + ((hi - lo) * s) / 4294967296);
    }
    values.push(row);
  }
  return matrix(values);
}
