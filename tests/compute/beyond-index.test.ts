import { describe, it, expect } from 'vitest';
import * as api from '../../src/compute/index.ts';
import { maxAbsDiff } from './beyond-helpers.ts';

describe('public API: "Beyond vanilla attention" section', () => {
  it('exports every function named in the issue, callable', () => {
    for (const name of [
      'flashAttention',
      'linearAttention',
      'linformerAttention',
      'slidingWindowMask',
      'performerFeatures',
      'randomProjection',
      'topKGating',
      'loadBalancingLoss',
      'bertMasking',
      'causalLmPairs',
      'bartNoising',
      't5SpanCorruption',
      'dispatchWithCapacity',
      'expertCapacity',
      'attentionCost',
      'flashAttentionHbmAccesses',
    ] as const) {
      expect(typeof api[name]).toBe('function');
    }
  });
  it('runs end to end through the index exactly as the issue writes the calls', () => {
    const q = api.matrix([
      [1, 0],
      [0, 1],
      [1, 1],
    ]);
    const flash = api.flashAttention(q, q, q, { blockSize: 2, causal: true, trace: true });
    const exact = api.scaledDotProductAttention(q, q, q, { causal: true });
    expect(maxAbsDiff(flash.output.data, exact.output.data)).toBeLessThan(1e-15);
    expect(flash.steps!.length).toBe(4);
    const mask = api.slidingWindowMask(3, 1, 'causal');
    expect(api.toRows(mask)).toEqual([
      [1, 0, 0],
      [1, 1, 0],
      [0, 1, 1],
    ]);
    const g = api.topKGating(api.matrix([[0, 1, 2]]), 2, { renormalize: true });
    expect(g.gates[0]!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    expect(api.loadBalancingLoss(api.zeros(4, 2), { alpha: 1 }).loss).toBeCloseTo(1, 15);
    const w = api.randomProjection(4, 2, 1, true);
    expect(api.performerFeatures(q, w).cols).toBe(4);
    expect(api.linearAttention(q, q, q, { causal: true, eps: 0 }).output.rows).toBe(3);
    expect(api.linformerAttention(q, q, q, api.matrix([[1, 0, 0]]), api.matrix([[0, 0, 1]])).weights.cols).toBe(1);
  });
});
