import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { topKGating } from '../../src/compute/top-k-gating.ts';
import { ArgumentError } from '../../src/compute/errors.ts';
import { expectClose, loadReference, m, randomMatrix } from './reference-helpers.ts';

interface Case {
  name: string;
  logits: number[][];
  k: number;
  renormalize: boolean;
  probs: number[][];
  indices: number[][];
  gates: number[][];
  combine: number[][];
}
const ref = loadReference<{ cases: Case[] }>('moe-routing');

describe('topKGating: hand-derived values', () => {
  // logits (ln 1, ln 2, ln 3, ln 4) → probs (0.1, 0.2, 0.3, 0.4).
  const logits = m([[Math.log(1), Math.log(2), Math.log(3), Math.log(4)]]);
  it('Switch-style raw gates for top-2', () => {
    const r = topKGating(logits, 2);
    expectClose(r.probs.data, [0.1, 0.2, 0.3, 0.4]);
    expect(r.indices).toEqual([[3, 2]]);
    expectClose(r.gates[0]!, [0.4, 0.3]);
    expectClose(r.combine.data, [0, 0, 0.3, 0.4]);
  });
  it('GShard-style renormalised gates for top-2', () => {
    const r = topKGating(logits, 2, { renormalize: true });
    expectClose(r.gates[0]!, [4 / 7, 3 / 7]);
    expectClose(r.combine.data, [0, 0, 3 / 7, 4 / 7]);
  });
  it('ties go to the lower expert index', () => {
    expect(topKGating(m([[1, 5, 5, 5]]), 2).indices).toEqual([[1, 2]]);
    expect(topKGating(m([[0, 0, 0]]), 3).indices).toEqual([[0, 1, 2]]);
  });
  it('top-E with renormalisation returns the full softmax', () => {
    const r = topKGating(logits, 4, { renormalize: true });
    expectClose(r.combine.data, r.probs.data);
  });
});

describe('topKGating: NumPy reference values', () => {
  for (const c of ref.cases) {
    it(c.name, () => {
      const r = topKGating(m(c.logits), c.k, { renormalize: c.renormalize });
      expectClose(r.probs.data, c.probs.flat());
      expect(r.indices).toEqual(c.indices);
      expectClose(r.gates.flat(), c.gates.flat());
      expectClose(r.combine.data, c.combine.flat());
    });
  }
});

describe('topKGating: properties', () => {
  const routing = fc.record({
    tokens: fc.integer({ min: 1, max: 10 }),
    experts: fc.integer({ min: 1, max: 9 }),
    seed: fc.nat(),
    kFrac: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  it('renormalised gates sum to 1; indices are distinct, in descending prob; combine holds exactly the gates', () => {
    fc.assert(
      fc.property(routing, (p) => {
        const k = Math.min(p.experts, 1 + Math.floor(p.kFrac * p.experts));
        const r = topKGating(randomMatrix(p.tokens, p.experts, p.seed, -4, 4), k, { renormalize: true });
        for (let t = 0; t < p.tokens; t++) {
          const g = r.gates[t]!;
          const idx = r.indices[t]!;
          if (Math.abs(g.reduce((a, b) => a + b, 0) - 1) > 1e-12) return false;
          if (new Set(idx).size !== k) return false;
          for (let i = 1; i < k; i++) if (r.probs.data[t * p.experts + idx[i]!]! > r.probs.data[t * p.experts + idx[i - 1]!]!) return false;
          // no unchosen expert beats the last chosen one
          const last = r.probs.data[t * p.experts + idx[k - 1]!]!;
          for (let e = 0; e < p.experts; e++) if (!idx.includes(e) && r.probs.data[t * p.experts + e]! > last) return false;
          let nonzero = 0;
          for (let e = 0; e < p.experts; e++) if (r.combine.data[t * p.experts + e] !== 0) nonzero++;
          if (nonzero !== k) return false;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
  it('raw gates equal the chosen probabilities and sum to at most 1', () => {
    fc.assert(
      fc.property(routing, (p) => {
        const k = Math.min(p.experts, 1 + Math.floor(p.kFrac * p.experts));
        const r = topKGating(randomMatrix(p.tokens, p.experts, p.seed, -4, 4), k);
        return r.gates.every(
          (g, t) => g.every((x, i) => x === r.probs.data[t * p.experts + r.indices[t]![i]!]) && g.reduce((a, b) => a + b, 0) <= 1 + 1e-12,
        );
      }),
    );
  });
  it('rejects k outside 1 … E', () => {
    const logits = randomMatrix(2, 3, 1);
    expect(() => topKGating(logits, 0)).toThrow(ArgumentError);
    expect(() => topKGating(logits, 4)).toThrow(/topKGating: k must be an integer between 1 and E = 3/);
    expect(() => topKGating(logits, 1.5)).toThrow(ArgumentError);
  });
});
