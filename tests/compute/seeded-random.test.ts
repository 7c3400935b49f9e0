import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { gramSchmidtRows, mulberry32, roundHalfEven, seededRandom, shuffled } from '../../src/compute/seeded-random.ts';
import { ArgumentError } from '../../src/compute/errors.ts';
import { expectClose, loadReference } from './reference-helpers.ts';

interface Ref {
  uniform: { seed: number; values: number[] }[];
  normal: { seed: number; values: number[] }[];
  poisson: { seed: number; values: number[] }[];
}
const ref = loadReference<Ref>('random-projection');

describe('mulberry32 and seededRandom: reference streams (Python mirror)', () => {
  for (const c of ref.uniform) {
    it(`uniforms for seed ${c.seed} match bit for bit`, () => {
      const next = mulberry32(c.seed);
      expect(c.values.map(() => next())).toEqual(c.values);
    });
  }
  for (const c of ref.normal) {
    it(`Box–Muller normals for seed ${c.seed}`, () => {
      const r = seededRandom(c.seed);
      expectClose(
        c.values.map(() => r.normal()),
        c.values,
        1e-12,
      );
    });
  }
  for (const c of ref.poisson) {
    it(`Poisson(3) counts for seed ${c.seed}`, () => {
      const r = seededRandom(c.seed);
      expect(c.values.map(() => r.poisson(3))).toEqual(c.values);
    });
  }
  it('reduces seeds mod 2³² (−1 and 2³² − 1 give the same stream)', () => {
    const a = mulberry32(-1);
    const b = mulberry32(4294967295);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});

describe('seededRandom: statistics over many draws (6σ bounds)', () => {
  const N = 20000;
  it('uniforms lie in [0, 1) with mean 1/2 and variance 1/12', () => {
    const next = mulberry32(2024);
    let sum = 0;
    let sum2 = 0;
    for (let i = 0; i < N; i++) {
      const u = next();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      sum2 += u * u;
    }
    const mean = sum / N;
    expect(Math.abs(mean - 0.5)).toBeLessThan(6 * Math.sqrt(1 / 12 / N)); // σ of the mean = √(1/12/N)
    expect(Math.abs(sum2 / N - mean * mean - 1 / 12)).toBeLessThan(0.01);
  });
  it('normals have mean 0 and variance 1', () => {
    const r = seededRandom(99);
    let sum = 0;
    let sum2 = 0;
    for (let i = 0; i < N; i++) {
      const z = r.normal();
      sum += z;
      sum2 += z * z;
    }
    expect(Math.abs(sum / N)).toBeLessThan(6 / Math.sqrt(N)); // σ of the mean = 1/√N
    expect(Math.abs(sum2 / N - 1)).toBeLessThan(6 * Math.sqrt(2 / N)); // Var(z²) = 2
  });
  it('Poisson(3) has mean 3 and P(0) = e^{−3}', () => {
    const r = seededRandom(5);
    let sum = 0;
    let zeros = 0;
    for (let i = 0; i < N; i++) {
      const k = r.poisson(3);
      sum += k;
      if (k === 0) zeros++;
    }
    expect(Math.abs(sum / N - 3)).toBeLessThan(6 * Math.sqrt(3 / N)); // Var = λ
    const p0 = Math.exp(-3);
    expect(Math.abs(zeros / N - p0)).toBeLessThan(6 * Math.sqrt((p0 * (1 - p0)) / N));
  });
  it('integer(n) covers [0, n) evenly', () => {
    const r = seededRandom(17);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 6000; i++) counts[r.integer(6)]!++;
    const sd = Math.sqrt(6000 * (1 / 6) * (5 / 6));
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(6 * sd);
  });
});

describe('seededRandom: determinism and helpers', () => {
  it('the same seed gives the same stream; different seeds differ', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const a = seededRandom(seed);
        const b = seededRandom(seed);
        const c = seededRandom(seed + 1);
        const xs = [a.next(), a.normal(), a.poisson(3), a.integer(10)];
        const ys = [b.next(), b.normal(), b.poisson(3), b.integer(10)];
        return JSON.stringify(xs) === JSON.stringify(ys) && xs[0] !== c.next();
      }),
    );
  });
  it('shuffled returns a permutation and leaves its input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 30 }), fc.nat(), (items, seed) => {
        const copy = items.slice();
        const out = shuffled(items, seededRandom(seed));
        return JSON.stringify(items) === JSON.stringify(copy) && JSON.stringify(out.slice().sort()) === JSON.stringify(copy.slice().sort());
      }),
    );
  });
  it('gramSchmidtRows gives orthonormal rows spanning the same flag', () => {
    const data = new Float64Array([3, 4, 0, 1, 1, 1]); // rows (3,4,0) and (1,1,1)
    gramSchmidtRows(data, 2, 3);
    expectClose(data.subarray(0, 3), [0.6, 0.8, 0]);
    // (1,1,1) − 1.4·(0.6,0.8,0) = (0.16, −0.12, 1), norm √1.04
    const s = Math.sqrt(1.04);
    expectClose(data.subarray(3, 6), [0.16 / s, -0.12 / s, 1 / s]);
    expect(() => gramSchmidtRows(new Float64Array([1, 2, 2, 4]), 2, 2)).toThrow(ArgumentError);
  });
  it('roundHalfEven rounds ties to even like Python', () => {
    expect([0.5, 1.5, 2.5, 3.45, 4.5, 5.5000001, -0.5].map(roundHalfEven)).toEqual([0, 2, 2, 3, 4, 6, 0]);
  });
  it('rejects non-integer seeds and bad arguments', () => {
    expect(() => seededRandom(1.5)).toThrow(ArgumentError);
    expect(() => seededRandom(1).integer(0)).toThrow(/positive integer/);
    expect(() => seededRandom(1).poisson(-1)).toThrow(ArgumentError);
  });
});
