import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { loadBalancingLoss } from '../../src/compute/load-balancing-loss.ts';
import { ArgumentError } from '../../src/compute/errors.ts';
import { zeros } from '../../src/compute/matrix.ts';
import { close, expectClose, loadReference, m, randomMatrix } from './reference-helpers.ts';

interface Case {
  name: string;
  logits: number[][];
  alpha: number;
  loss: number;
  fraction: number[];
  meanProb: number[];
}
const ref = loadReference<{ cases: Case[] }>('moe-routing');

describe('loadBalancingLoss', () => {
  it('uniform routing gives exactly α (f = P = 1/E)', () => {
    const r = loadBalancingLoss(zeros(8, 4), { alpha: 1 });
    expect(r.loss).toBeCloseTo(1, 15);
    expectClose(r.fraction, [1, 0, 0, 0]); // argmax ties go to expert 0 …
    expectClose(r.meanProb, [0.25, 0.25, 0.25, 0.25]); // … so f is skewed but P is uniform: E·Σ f·P = 4·0.25 = 1
  });
  it('by hand: two tokens, two experts, default α = 0.01', () => {
    // token 0 logits (ln 3, 0) → p = (0.75, 0.25), top-1 = 0; token 1 (0, ln 3) → (0.25, 0.75), top-1 = 1.
    const r = loadBalancingLoss(
      m([
        [Math.log(3), 0],
        [0, Math.log(3)],
      ]),
    );
    expectClose(r.fraction, [0.5, 0.5]);
    expectClose(r.meanProb, [0.5, 0.5]);
    expect(r.loss).toBeCloseTo(0.01 * 2 * (0.25 + 0.25), 15);
  });
  it('a collapsed router approaches α·E', () => {
    const logits = zeros(10, 4);
    for (let t = 0; t < 10; t++) logits.data[t * 4 + 2] = 50;
    const r = loadBalancingLoss(logits, { alpha: 1 });
    expect(r.loss).toBeCloseTo(4, 12);
    expectClose(r.fraction, [0, 0, 1, 0]);
  });
  for (const c of ref.cases) {
    it(`matches NumPy: ${c.name}`, () => {
      const r = loadBalancingLoss(m(c.logits), { alpha: c.alpha });
      expect(close(r.loss, c.loss)).toBe(true);
      expectClose(r.fraction, c.fraction);
      expectClose(r.meanProb, c.meanProb);
    });
  }
  it('f and P are distributions and the loss lies in [0, α·E]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 8 }), fc.nat(), (t, e, seed) => {
        const r = loadBalancingLoss(randomMatrix(t, e, seed, -5, 5), { alpha: 1 });
        const sf = r.fraction.reduce((a, b) => a + b, 0);
        const sp = r.meanProb.reduce((a, b) => a + b, 0);
        return Math.abs(sf - 1) < 1e-12 && Math.abs(sp - 1) < 1e-12 && r.loss >= 0 && r.loss <= e + 1e-12;
      }),
    );
  });
  it('grows as the router logits are skewed toward one expert', () => {
    const base = randomMatrix(32, 4, 3);
    let previous = -Infinity;
    for (const skew of [0, 1, 2, 4, 8]) {
      const logits = zeros(32, 4);
      logits.data.set(base.data);
      for (let t = 0; t < 32; t++) logits.data[t * 4]! += skew;
      const { loss } = loadBalancingLoss(logits, { alpha: 1 });
      expect(loss).toBeGreaterThan(previous);
      previous = loss;
    }
  });
  it('rejects a bad α and empty logits', () => {
    expect(() => loadBalancingLoss(zeros(2, 2), { alpha: -1 })).toThrow(ArgumentError);
    expect(() => loadBalancingLoss(zeros(0, 2))).toThrow(/loadBalancingLoss/);
  });
});
