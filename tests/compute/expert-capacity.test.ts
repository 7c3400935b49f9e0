import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { dispatchWithCapacity, expertCapacity, moeParameterCounts } from '../../src/compute/expert-capacity.ts';
import { topKGating } from '../../src/compute/top-k-gating.ts';
import { ArgumentError } from '../../src/compute/errors.ts';
import { loadReference, m } from './reference-helpers.ts';

interface Case {
  name: string;
  logits: number[][];
  k: number;
  capacityFactor: number;
  capacity: number;
  kept: boolean[][];
  load: number[];
  dropped: number[];
}
const ref = loadReference<{ cases: Case[] }>('moe-routing');

describe('expertCapacity', () => {
  it('is ⌊T·factor/E⌋, capped at T', () => {
    expect(expertCapacity(8, 4, 1)).toBe(2);
    expect(expertCapacity(8, 4, 1.25)).toBe(2); // 2.5 → 2
    expect(expertCapacity(10, 4, 2)).toBe(5);
    expect(expertCapacity(4, 2, 10)).toBe(4);
    expect(expertCapacity(3, 4, 1)).toBe(0);
  });
});

describe('dispatchWithCapacity', () => {
  it('by hand: top-1, 5 tokens all wanting expert 0 with C = 2 drops the last three', () => {
    const r = dispatchWithCapacity([[0], [0], [1], [0], [0]], 2, 1); // C = ⌊5/2⌋ = 2
    expect(r.capacity).toBe(2);
    expect(r.kept.map((x) => x[0])).toEqual([true, true, true, false, false]);
    expect(r.slot).toEqual([[0], [1], [0], [-1], [-1]]);
    expect(r.load).toEqual([2, 1]);
    expect(r.demand).toEqual([4, 1]);
    expect(r.dropped).toEqual([3, 4]);
  });
  it('serves every first choice before any second choice', () => {
    // Token 0's second choice (expert 1) comes after token 1's first choice (expert 1), so it is dropped.
    const r = dispatchWithCapacity(
      [
        [0, 1],
        [1, 0],
      ],
      2,
      1,
      { capacity: 1 },
    );
    expect(r.kept).toEqual([
      [true, false],
      [true, false],
    ]);
    expect(r.dropped).toEqual([]);
  });
  for (const c of ref.cases) {
    it(`matches the NumPy dispatch: ${c.name}`, () => {
      const { indices } = topKGating(m(c.logits), c.k);
      const r = dispatchWithCapacity(indices, c.logits[0]!.length, c.capacityFactor);
      expect(r.capacity).toBe(c.capacity);
      expect(r.kept).toEqual(c.kept);
      expect(r.load).toEqual(c.load);
      expect(r.dropped).toEqual(c.dropped);
    });
  }
  it('never exceeds capacity, keeps min(demand, C) per expert and slots are 0 … load−1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.array(fc.nat(5), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        (experts, raw, factor) => {
          const indices = raw.map(([a, b]) => [a! % experts, b! % experts]);
          const r = dispatchWithCapacity(indices, experts, factor);
          for (let e = 0; e < experts; e++) {
            if (r.load[e]! !== Math.min(r.demand[e]!, r.capacity)) return false;
            const slots = indices
              .flatMap((row, t) => row.flatMap((x, i) => (x === e && r.kept[t]![i] ? [r.slot[t]![i]!] : [])))
              .sort((a, b) => a - b);
            if (slots.some((s, i) => s !== i)) return false;
          }
          return r.dropped.every((t) => r.kept[t]!.every((x) => !x));
        },
      ),
    );
  });
  it('rejects experts out of range and ragged choices', () => {
    expect(() => dispatchWithCapacity([[2]], 2, 1)).toThrow(ArgumentError);
    expect(() => dispatchWithCapacity([[0], [0, 1]], 2, 1)).toThrow(/choices/);
    expect(() => expertCapacity(4, 0, 1)).toThrow(/experts/);
    expect(() => expertCapacity(4, 2, -1)).toThrow(/capacityFactor/);
  });
});

describe('moeParameterCounts', () => {
  it('Switch-Base-like layer: 128 experts of d_model = 768, d_ff = 3072, top-1', () => {
    const r = moeParameterCounts({ dModel: 768, dFF: 3072, experts: 128, k: 1 });
    const expert = 2 * 768 * 3072; // 4,718,592
    expect(r.held).toBe(128 * expert + 768 * 128);
    expect(r.usedPerToken).toBe(expert + 768 * 128);
    expect(r.denseEquivalent).toBe(expert);
  });
  it('top-2 uses two experts per token', () => {
    const r = moeParameterCounts({ dModel: 4, dFF: 8, experts: 4, k: 2 });
    expect([r.held, r.usedPerToken]).toEqual([4 * 64 + 16, 2 * 64 + 16]);
    expect(() => moeParameterCounts({ dModel: 4, dFF: 8, experts: 2, k: 3 })).toThrow(ArgumentError);
  });
});
