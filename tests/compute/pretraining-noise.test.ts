import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { bartNoising, bertMasking, causalLmPairs, t5SpanCorruption } from '../../src/compute/pretraining-noise.ts';
import { ArgumentError } from '../../src/compute/errors.ts';
import { roundHalfEven } from '../../src/compute/seeded-random.ts';
import { loadReference } from './reference-helpers.ts';

interface Ref {
  sentence: string[];
  bert: { seed: number; vocabulary?: string[]; input: string[]; positions: number[]; targets: string[]; replacements: string[] }[];
  t5: { seed: number; tokens: string[]; input: string[]; target: string[]; noiseMask: boolean[] }[];
  t5Dense: { seed: number; tokens: string[]; input: string[]; target: string[]; noiseMask: boolean[] }[];
  t5Roll: { seed: number; tokens: string[]; input: string[]; target: string[]; noiseMask: boolean[] }[];
  bart: {
    seed: number;
    deletionRatio?: number;
    permute?: boolean;
    input: string[];
    permuted: string[];
    deleted: number[];
    spanLengths: number[];
  }[];
}
const ref = loadReference<Ref>('pretraining-noise');
const sentence = ref.sentence;

/** Puts T5's targets back into the input's sentinels: must give back the original tokens. */
function t5Reconstruct(input: readonly string[], target: readonly string[]): string[] {
  const spans = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const t of target) {
    if (/^<extra_id_\d+>$/.test(t)) spans.set(t, (current = []));
    else if (t !== '</s>' && current) current.push(t);
  }
  return input.filter((t) => t !== '</s>').flatMap((t) => (spans.has(t) ? spans.get(t)! : [t]));
}

describe('bertMasking', () => {
  for (const c of ref.bert) {
    it(`matches the Python mirror for seed ${c.seed}`, () => {
      const tokens = c.vocabulary ? ['[CLS]', ...sentence.slice(0, 7), '[SEP]'] : sentence;
      const r = bertMasking(tokens, c.seed, c.vocabulary ? { vocabulary: c.vocabulary } : {});
      expect(r.input).toEqual(c.input);
      expect(r.positions).toEqual(c.positions);
      expect(r.targets).toEqual(c.targets);
      expect(r.replacements).toEqual(c.replacements);
    });
  }
  it('selects round(15% · n) positions (at least 1), never specials, and targets are the originals', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 60 }), fc.nat(), (body, seed) => {
        const tokens = ['[CLS]', ...body, '[SEP]'];
        const r = bertMasking(tokens, seed);
        const expected = Math.min(body.length, Math.max(1, roundHalfEven(tokens.length * 0.15)));
        if (r.positions.length !== expected) return false;
        if (r.positions.some((p) => p === 0 || p === tokens.length - 1)) return false;
        if (r.positions.some((p, i) => i > 0 && p <= r.positions[i - 1]!)) return false;
        return (
          r.positions.every((p, i) => r.targets[i] === tokens[p] && (r.replacements[i] !== 'mask' || r.input[p] === '[MASK]')) &&
          r.input.every((t, i) => r.positions.includes(i) || t === tokens[i])
        );
      }),
    );
  });
  it('80/10/10 split and uniform selection stay within binomial 6σ bounds over 2000 seeds', () => {
    const tokens = Array.from({ length: 40 }, (_, i) => `t${i}`); // 6 selected per sequence
    const seeds = 2000;
    const counts = { mask: 0, random: 0, keep: 0 };
    const perPosition = new Array<number>(40).fill(0);
    for (let s = 0; s < seeds; s++) {
      const r = bertMasking(tokens, s);
      r.replacements.forEach((k) => counts[k]++);
      r.positions.forEach((p) => perPosition[p]!++);
    }
    const total = seeds * 6;
    const bound = (p: number, trials: number) => 6 * Math.sqrt(trials * p * (1 - p)); // P(false failure) < 1e-8 per check
    expect(counts.mask + counts.random + counts.keep).toBe(total);
    expect(Math.abs(counts.mask - 0.8 * total)).toBeLessThan(bound(0.8, total));
    expect(Math.abs(counts.random - 0.1 * total)).toBeLessThan(bound(0.1, total));
    expect(Math.abs(counts.keep - 0.1 * total)).toBeLessThan(bound(0.1, total));
    for (const c of perPosition) expect(Math.abs(c - 0.15 * seeds)).toBeLessThan(bound(0.15, seeds));
  });
  it('is deterministic in the seed', () => {
    expect(bertMasking(sentence, 7)).toEqual(bertMasking(sentence, 7));
    expect(bertMasking(sentence, 7).positions).not.toEqual(bertMasking(sentence, 8).positions);
  });
  it('handles empty input and rejects bad options', () => {
    expect(bertMasking([], 1)).toEqual({ input: [], targets: [], positions: [], replacements: [] });
    expect(() => bertMasking(sentence, 1, { maskRate: 2 })).toThrow(ArgumentError);
    expect(() => bertMasking(sentence, 0.5)).toThrow(/seed/);
  });
});

describe('causalLmPairs', () => {
  it('shifts by one: input u_1 … u_{n−1}, target u_2 … u_n', () => {
    const r = causalLmPairs(['the', 'cat', 'sat']);
    expect(r.input).toEqual(['the', 'cat']);
    expect(r.target).toEqual(['cat', 'sat']);
    expect(r.pairs).toEqual([
      { context: ['the'], next: 'cat' },
      { context: ['the', 'cat'], next: 'sat' },
    ]);
    expect(causalLmPairs(['x'])).toEqual({ input: [], target: [], pairs: [] });
    expect(causalLmPairs([])).toEqual({ input: [], target: [], pairs: [] });
  });
});

describe('t5SpanCorruption', () => {
  for (const c of [...ref.t5, ...ref.t5Dense, ...ref.t5Roll]) {
    it(`matches the Python mirror: ${c.tokens.length} tokens, seed ${c.seed}`, () => {
      const dense = ref.t5Dense.includes(c);
      const roll = ref.t5Roll.includes(c);
      const options = dense ? { noiseDensity: 0.5, meanSpanLength: 2 } : roll ? { noiseDensity: 0.3, randomRoll: true } : {};
      const r = t5SpanCorruption(c.tokens, c.seed, options);
      expect(r.noiseMask).toEqual(c.noiseMask);
      expect(r.input).toEqual(c.input);
      expect(r.target).toEqual(c.target);
    });
  }
  it('by hand: the paper’s sentence shape — sentinels in order, each target span after its sentinel', () => {
    const tokens = 'Thank you for inviting me to your party last week .'.split(' ');
    const r = t5SpanCorruption(tokens, 1, { noiseDensity: 0.3, meanSpanLength: 1.5 }); // 3 noise tokens, 2 spans
    expect(r.noiseMask.filter(Boolean)).toHaveLength(3);
    expect(r.spans).toHaveLength(2);
    expect(r.input.filter((t) => t.startsWith('<extra_id_'))).toEqual(['<extra_id_0>', '<extra_id_1>']);
    expect(r.target[0]).toBe('<extra_id_0>');
    expect(r.target.at(-1)).toBe('</s>');
    expect(r.input.at(-1)).toBe('</s>');
    expect(t5Reconstruct(r.input, r.target)).toEqual(tokens);
  });
  it('uses round(n·0.15) noise tokens in round(noise/3) spans, starting clean and ending in noise, and reconstructs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 120 }), fc.nat(), (n, seed) => {
        const tokens = Array.from({ length: n }, (_, i) => `w${i}`);
        const r = t5SpanCorruption(tokens, seed);
        const noise = Math.min(Math.max(roundHalfEven(n * 0.15), 1), n - 1);
        if (r.noiseMask.filter(Boolean).length !== noise) return false;
        // Non-noise segments are never empty, so the spans stay apart: exactly round(noise/3) of them.
        if (r.spans.length !== Math.min(Math.max(roundHalfEven(noise / 3), 1), n - noise)) return false;
        if (r.noiseMask[0] || !r.noiseMask[n - 1]) return false;
        return JSON.stringify(t5Reconstruct(r.input, r.target)) === JSON.stringify(tokens);
      }),
    );
  });
  it('eos can be left off, and bad densities are rejected', () => {
    expect(t5SpanCorruption(sentence, 1, { eos: false }).input.at(-1)).not.toBe('</s>');
    expect(() => t5SpanCorruption(sentence, 1, { noiseDensity: 1 })).toThrow(ArgumentError);
    expect(() => t5SpanCorruption(sentence, 1, { meanSpanLength: 0.5 })).toThrow(/meanSpanLength/);
  });
});

describe('bartNoising', () => {
  for (const c of ref.bart) {
    it(`matches the Python mirror for seed ${c.seed}`, () => {
      const r = bartNoising(
        sentence,
        c.seed,
        c.deletionRatio !== undefined ? { deletionRatio: c.deletionRatio, permuteSentences: c.permute ?? true } : {},
      );
      expect(r.permuted).toEqual(c.permuted);
      expect(r.deleted).toEqual(c.deleted);
      expect(r.spans.map((s) => s.length)).toEqual(c.spanLengths);
      expect(r.input).toEqual(c.input);
      expect(r.target).toEqual(sentence);
    });
  }
  it('by hand: permutation only keeps every sentence intact', () => {
    const r = bartNoising(sentence, 3, { maskRatio: 0 });
    const sentences = (t: string[]) =>
      t
        .join(' ')
        .split(/(?<=[.!?]) /)
        .sort();
    expect(sentences(r.input)).toEqual(sentences(sentence));
    expect(r.sentenceOrder.slice().sort()).toEqual([0, 1, 2]);
  });
  it('infilling masks round(30%) of tokens with one <mask> per span, and filling the spans back restores the text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 80 }), fc.nat(), (n, seed) => {
        const tokens = Array.from({ length: n }, (_, i) => `w${i}`);
        const r = bartNoising(tokens, seed, { permuteSentences: false });
        const covered = r.spans.reduce((s, x) => s + x.length, 0);
        if (covered !== roundHalfEven(0.3 * n)) return false;
        if (r.input.filter((t) => t === '<mask>').length !== r.spans.length) return false;
        let span = 0;
        const restored = r.input.flatMap((t) => {
          if (t !== '<mask>') return [t];
          const s = r.spans[span++]!;
          return tokens.slice(s.start, s.start + s.length);
        });
        return JSON.stringify(restored) === JSON.stringify(tokens);
      }),
    );
  });
  it('span lengths look Poisson(3) before truncation: zero-length spans (insertions) occur', () => {
    let zero = 0;
    let spans = 0;
    for (let s = 0; s < 300; s++) {
      const r = bartNoising(
        Array.from({ length: 100 }, (_, i) => `w${i}`),
        s,
        { permuteSentences: false },
      );
      spans += r.spans.length;
      zero += r.spans.filter((x) => x.length === 0).length;
    }
    const p0 = Math.exp(-3); // ≈ 0.0498 (the truncated last span adds at most one more per example)
    expect(zero / spans).toBeGreaterThan(p0 - 6 * Math.sqrt((p0 * (1 - p0)) / spans));
    expect(zero / spans).toBeLessThan(p0 + 6 * Math.sqrt((p0 * (1 - p0)) / spans) + 300 / spans);
  });
  it('token deletion removes round(ratio · n) tokens and keeps the order of the rest', () => {
    const tokens = Array.from({ length: 20 }, (_, i) => `w${i}`);
    const r = bartNoising(tokens, 5, { permuteSentences: false, maskRatio: 0, deletionRatio: 0.25 });
    expect(r.deleted).toHaveLength(5);
    expect(r.input).toEqual(tokens.filter((_, i) => !r.deleted.includes(i)));
  });
  it('is deterministic and rejects bad options', () => {
    expect(bartNoising(sentence, 9)).toEqual(bartNoising(sentence, 9));
    expect(() => bartNoising(sentence, 1, { maskRatio: -0.1 })).toThrow(ArgumentError);
    expect(() => bartNoising(sentence, 1, { lambda: -1 })).toThrow(/lambda/);
  });
});

describe('t5SpanCorruption: the target length formula of the pre-training objectives page', () => {
  // The page states |y| ≈ 0.15 n + #spans + 1: the noise tokens, one sentinel per span and one closing
  // token (here </s>). A formula that counted two sentinels per span (0.15 n + 2·#spans) fails below.
  const tokensOf = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`);

  it('without rotation the target is exactly noise + spans + 1 for every length and seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 200 }), fc.integer({ min: 0, max: 10_000 }), (n, seed) => {
        const out = t5SpanCorruption(tokensOf(n), seed);
        const noise = out.noiseMask.filter(Boolean).length;
        expect(noise).toBe(Math.min(Math.max(roundHalfEven(n * 0.15), 1), n - 1));
        expect(out.target.length).toBe(noise + out.spans.length + 1);
        // and the input: clean tokens + one sentinel per span + </s>
        expect(out.input.length).toBe(n - noise + out.spans.length + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('on 500 tokens the formula gives 75 + 25 + 1 = 101, not 75 + 2·25 = 125', () => {
    const out = t5SpanCorruption(tokensOf(500), 7);
    expect(out.spans.length).toBe(25);
    expect(out.target.length).toBe(101);
  });

  it('with the rotated mask the sentinel count can differ by one, never more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 120 }), fc.integer({ min: 0, max: 10_000 }), (n, seed) => {
        const out = t5SpanCorruption(tokensOf(n), seed, { noiseDensity: 0.3, meanSpanLength: 1.5, randomRoll: true });
        const noise = out.noiseMask.filter(Boolean).length;
        expect(Math.abs(out.target.length - (noise + out.spans.length + 1))).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
