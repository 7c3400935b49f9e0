/**
 * The pure view modules of the FlashAttention, efficient-attention, mixture-of-experts and
 * pre-training-objectives demos: every number they show must be the
 * one src/compute returns, and their read-outs (row states, counts, parsing) must be right.
 */
import { describe, expect, it } from 'vitest';
import {
  attentionCost,
  bartNoising,
  bertMasking,
  causalLmPairs,
  countNonzero,
  dispatchWithCapacity,
  flashAttention,
  flashAttentionHbmAccesses,
  linformerAttention,
  linformerPooling,
  loadBalancingLoss,
  matrix,
  moeParameterCounts,
  scaledDotProductAttention,
  standardAttentionHbmAccesses,
  stridedPattern,
  t5SpanCorruption,
  topKGating,
} from '../../src/compute/index.ts';
import * as flash from '../../src/demos/flash-attention/view.ts';
import * as patterns from '../../src/demos/efficient-attention/view.ts';
import * as moe from '../../src/demos/mixture-of-experts/view.ts';
import * as pre from '../../src/demos/pretraining-objectives/view.ts';

describe('flash-attention view', () => {
  const s = flash.STEPPER_DEFAULTS;

  it('replays the trace: after every tile the rows equal the compute trace, and at the end the exact output', () => {
    const { q, k, v } = flash.stepperInputs(s.n, s.d, s.seed);
    const run = flashAttention(q, k, v, { blockSize: s.block, trace: true });
    const total = run.steps!.length;
    expect(total).toBe((s.n / s.block) ** 2);
    for (let t = 0; t <= total; t++) {
      const r = flash.computeStepper({ ...s, step: t });
      expect(r.step).toBe(t);
      if (t > 0) {
        const st = run.steps![t - 1]!;
        for (let row = st.queryStart; row < st.queryEnd; row++) {
          expect(r.rows[row]!.m).toBe(st.rowMaxAfter[row - st.queryStart]);
          expect(r.rows[row]!.l).toBe(st.rowSumAfter[row - st.queryStart]);
          expect(r.rows[row]!.output).toEqual(st.output[row - st.queryStart]);
        }
      }
    }
    const end = flash.computeStepper({ ...s, step: total });
    const exact = scaledDotProductAttention(q, k, v).output;
    end.rows.forEach((row, i) => {
      expect(row.m).toBe(run.rowMax[i]);
      expect(row.l).toBe(run.rowSum[i]);
      row.output.forEach((x, c) => expect(Math.abs(x - exact.data[i * s.d + c]!)).toBeLessThan(1e-12));
    });
    expect(end.maxError).toBeLessThan(1e-12);
    expect(end.scoresComputed).toBe(s.n * s.n);
  });

  it('clamps the step, reports the measured peak scratch and the formulas', () => {
    const r = flash.computeStepper({ ...s, step: 999 });
    expect(r.step).toBe(r.steps.length);
    expect(r.peakScratchElements).toBe(attentionCost('flash', s.n, s.d, { blockSize: s.block }).memory);
    expect(r.formulaMemory).toBe(4 * s.block * s.d + s.block ** 2 + 3 * s.block);
    expect(r.fullMemory).toBe(s.n * s.n);
    expect(flash.computeStepper({ ...s, step: -3 }).step).toBe(0);
  });

  it('marks cells as current, done, pending or skipped (causal)', () => {
    const r = flash.computeStepper({ ...s, causal: true, step: 0 });
    const skipped = r.steps.filter((st) => st.skipped).length;
    expect(skipped).toBe(6); // 4×4 tiles, the 6 strictly above the diagonal
    const after = flash.computeStepper({ ...s, causal: true, step: r.steps.length });
    expect(flash.cellKind(after, 0, 7).kind).toBe('skipped');
    expect(flash.cellKind(after, 7, 0).kind).toBe('done');
    const first = flash.computeStepper({ ...s, step: 1 });
    expect(flash.cellKind(first, 0, 0).kind).toBe('current');
    expect(flash.cellKind(first, 7, 7).kind).toBe('pending');
    expect(after.scoresComputed).toBe(s.n * s.n - 6 * s.block * s.block);
  });

  it('renders the current tile scores and row statistics from the trace, with no NaN', () => {
    const r = flash.computeStepper(s);
    const html = flash.stepperFigure('x', s, r);
    const cur = r.steps[r.step - 1]!;
    expect(html).toContain(`data-value="${cur.scores[0]![0]}"`);
    expect(html).toContain(`data-cell="m-0" data-value="${r.rows[0]!.m}"`);
    expect(html).not.toContain('NaN');
    expect(flash.stepText(s, flash.computeStepper({ ...s, step: 0 }))).toMatch(/^Step 0 of 16/);
    expect(flash.stepperSummary(s, r)).toContain(`Step ${r.step} of ${r.steps.length}`);
  });

  it('costs: formula curves from src/compute and measured scratch constant once n ≥ B', () => {
    const measured = flash.measureScratch(16, 16);
    expect(measured).toEqual(flash.MEASURED_NS.map((n) => attentionCost('flash', n, 16, { blockSize: 16 }).memory));
    const c = flash.computeCosts({ d: 16, block: 16, sram: 4096 }, measured);
    for (const row of c.rows) {
      expect(row.fullMemory).toBe(row.n * row.n);
      expect(row.standardHbm).toBe(standardAttentionHbmAccesses(row.n, 16));
      expect(row.flashHbm).toBe(flashAttentionHbmAccesses(row.n, 16, 4096));
    }
    expect(c.blockColumns).toBe(64);
    expect(flash.costsFigure('x', { d: 16, block: 16, sram: 4096 }, c)).not.toContain('NaN');
  });
});

describe('efficient-attention view', () => {
  it('counts nonzeros with countNonzero and n·k for Linformer', () => {
    const s = patterns.GALLERY_DEFAULTS;
    const r = patterns.computeGallery(s);
    const by = Object.fromEntries(r.patterns.map((p) => [p.key, p.nonzeros]));
    expect(by['full']).toBe(256);
    expect(by['causal']).toBe(136);
    expect(by['strided']).toBe(countNonzero(stridedPattern(16, 4)));
    expect(by['linformer']).toBe(16 * 4);
    expect(r.patterns.find((p) => p.key === 'linformer')!.matrix).toEqual(linformerPooling(4, 16));
    expect(patterns.gallerySummary(s, r)).toContain('full attention scores 256 pairs');
  });

  it('parses 1-based global positions, dropping out-of-range ones and keeping the last on garbage', () => {
    expect(patterns.parseGlobals('1, 9', 16, [0])).toEqual({ status: 'ok', value: [0, 8], message: '' });
    const far = patterns.parseGlobals('3, 99', 16, [0]);
    expect(far.status).toBe('adjusted');
    expect(far.value).toEqual([2]);
    expect(far.message).toMatch(/outside 1 … 16/);
    const bad = patterns.parseGlobals('x', 16, [4]);
    expect(bad.status).toBe('rejected');
    expect(bad.value).toEqual([4]);
    expect(patterns.parseGlobals('', 16, [4]).value).toEqual([]);
    expect(patterns.parseGlobals('2.5', 16, []).message).toMatch(/not a whole position/);
  });

  it('relative error is ‖a − b‖/‖b‖ and the Linformer curve uses linformerAttention', () => {
    expect(patterns.relativeError(matrix([[3, 4]]), matrix([[0, 0]]))).toBe(5);
    expect(patterns.relativeError(matrix([[1, 1]]), matrix([[1, 0]]))).toBe(1);
    expect(patterns.linformerKs(32)).toEqual([1, 2, 4, 8, 16, 32]);
    expect(patterns.linformerKs(20)).toEqual([1, 2, 4, 8, 16, 20]);
    const s = { ...patterns.ERROR_DEFAULTS, n: 8, draws: 1 };
    const r = patterns.computeError(s);
    const { q, k, v } = patterns.errorInputs(s);
    const exact = scaledDotProductAttention(q, k, v).output;
    const e = linformerPooling(2, 8);
    expect(r.linformer.find((x) => x.k === 2)!.error).toBe(patterns.relativeError(linformerAttention(q, k, v, e, e).output, exact));
    expect(r.linformer.at(-1)!.error).toBeLessThan(1e-14);
    expect(r.performer).toHaveLength(patterns.PERFORMER_MS.length);
  });

  it('smooth inputs are a random walk of the same seeded steps', () => {
    const walk = patterns.inputMatrix('smooth', 4, 2, 7);
    const steps = patterns.inputMatrix('random', 4, 2, 7);
    expect(walk.data[0]).toBeCloseTo(steps.data[0]! * patterns.WALK_STEP, 14);
    expect(walk.data[6]! - walk.data[4]!).toBeCloseTo(steps.data[6]! * patterns.WALK_STEP, 14);
  });

  it('cost rows are attentionCost for every method and n', () => {
    const s = patterns.COST_DEFAULTS;
    const r = patterns.computeCosts(s);
    for (const row of r.rows) {
      for (const p of row.points) {
        expect(p.flops).toBe(
          attentionCost(row.method, p.n, s.d, { window: s.window, k: s.k, features: s.features, blockSize: s.block }).flops,
        );
      }
    }
    const html = patterns.costsFigure('x', s, r);
    expect(html).toContain('data-timing');
    expect(html).not.toContain('NaN');
    const timed = patterns.timingFigure('x', [{ method: 'full', name: 'full softmax', points: [{ n: 64, ms: 0.5 }] }]);
    expect(timed).toContain('data-cell="time-full-64" data-value="0.5"');
  });
});

describe('mixture-of-experts view', () => {
  const s = moe.ROUTING_DEFAULTS;

  it('gating, dispatch and loss are the compute module’s on the skewed logits', () => {
    const r = moe.computeRouting({ ...s, skew: 2, k: 2, renormalize: true });
    const logits = moe.routerLogits(s.tokens, s.experts, s.seed, 2);
    expect(r.logits).toEqual(logits);
    const g = topKGating(logits, 2, { renormalize: true });
    expect(r.gating).toEqual(g);
    expect(r.dispatch).toEqual(dispatchWithCapacity(g.indices, s.experts, s.capacityFactor));
    expect(r.balance.loss).toBe(loadBalancingLoss(logits, { alpha: moe.ALPHA }).loss);
    expect(r.lossCurve[4]).toBe(r.balance.loss); // SKEWS[4] = 2
  });

  it('the skew adds exactly s to expert 1', () => {
    const a = moe.routerLogits(['a', 'b'], 3, 1, 0);
    const b = moe.routerLogits(['a', 'b'], 3, 1, 1.5);
    expect(b.data[0]! - a.data[0]!).toBeCloseTo(1.5, 14);
    expect(b.data[1]).toBe(a.data[1]);
    expect(b.data[3]! - a.data[3]!).toBeCloseTo(1.5, 14);
  });

  it('describes dropped tokens and renders the capacity', () => {
    const r = moe.computeRouting({ ...s, capacityFactor: 0.5 });
    expect(r.dispatch.capacity).toBe(Math.floor((s.tokens.length * 0.5) / s.experts));
    const t = r.dispatch.dropped[0]!;
    expect(moe.tokenStatus(s, r, t)).toMatch(/dropped/);
    const html = moe.routingFigure('x', { ...s, capacityFactor: 0.5 }, r);
    expect(html).toContain(`data-out="capacity" data-value="${r.dispatch.capacity}"`);
    expect(html).toContain(`data-out="dropped" data-value="${r.dispatch.dropped.length}"`);
    expect(html).not.toContain('NaN');
  });

  it('parameter counts are moeParameterCounts for k = 1 and 2', () => {
    const p = moe.computeParams(moe.PARAMS_DEFAULTS);
    expect(p.switch).toEqual(moeParameterCounts({ dModel: 768, dFF: 3072, experts: 128, k: 1 }));
    expect(p.gshard.usedPerToken).toBe(2 * 2 * 768 * 3072 + 768 * 128);
    expect(moe.paramsFigure('x', moe.PARAMS_DEFAULTS, p)).toContain(`data-value="${p.switch.held}"`);
  });
});

describe('pretraining-objectives view', () => {
  const s = pre.DEFAULTS;

  it('every pair is the compute module’s for the same tokens and seed', () => {
    const r = pre.computeObjectives(s);
    const seq = [pre.CLS, ...s.tokens, pre.SEP];
    expect(r.bert).toEqual({ ...bertMasking(seq, s.seed, { maskRate: 0.15 }), sequence: seq });
    expect(r.gpt).toEqual(causalLmPairs(s.tokens));
    expect(r.bart).toEqual(bartNoising(s.tokens, s.seed, { maskRatio: 0.3, lambda: 3, permuteSentences: true, deletionRatio: 0 }));
    expect(r.t5).toEqual(t5SpanCorruption(s.tokens, s.seed, { noiseDensity: 0.15, meanSpanLength: 3, randomRoll: true }));
  });

  it('computes only the requested parts and re-rolls with the seed', () => {
    const only = pre.computeObjectives(s, ['gpt']);
    expect(Object.keys(only)).toEqual(['gpt']);
    const a = pre.computeObjectives(s, ['bart']).bart!;
    const b = pre.computeObjectives({ ...s, seed: 2 }, ['bart']).bart!;
    expect(a.input).not.toEqual(b.input);
  });

  it('escapes typed tokens and shows the exact strips', () => {
    const evil = { ...s, tokens: ['<img', 'src=x', 'onerror=alert(1)>', '&', 'ok', '.'] };
    const r = pre.computeObjectives(evil);
    for (const part of pre.PARTS) {
      const html = pre.figureOf(part, 'x', evil, r);
      expect(html).not.toContain('<img');
      expect(html).not.toMatch(/<(?!\/?(div|p|ol|li|span|table|caption|tbody|tr|th|td|strong|svg|title|g|path|rect|text|desc)\b)[a-z]/i);
    }
    const strip = pre.tokenStrip('k', 'Input', [{ text: '<mask>', kind: 'mask', note: 'masked' }]);
    expect(strip).toContain('&lt;mask&gt;');
    expect(strip).toContain('pt-tok--mask');
    expect(pre.t5Summary(pre.computeObjectives(s).t5!)).toContain('</s>');
  });

  it('parses at most 62 words so [CLS] … [SEP] stays within 64 tokens', () => {
    const long = Array.from({ length: 80 }, (_x, i) => `w${i}`).join(' ');
    const p = pre.parseSentence(long, undefined);
    expect(p.value).toHaveLength(62);
    expect(p.status).toBe('adjusted');
    expect(pre.parseSentence('   ', ['kept']).value).toEqual(['kept']);
  });
});
