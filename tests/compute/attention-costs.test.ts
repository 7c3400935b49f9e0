import { describe, it, expect } from 'vitest';
import {
  attentionCost,
  flashAttentionHbmAccesses,
  slidingWindowNonzeros,
  standardAttentionHbmAccesses,
  stridedNonzeros,
} from '../../src/compute/attention-costs.ts';
import { ArgumentError } from '../../src/compute/errors.ts';
import { countNonzero } from '../../src/compute/sliding-window-mask.ts';
import { stridedPattern } from '../../src/compute/sparse-attention-patterns.ts';

/** Counts HBM reads and writes by walking Algorithm 1's loops (an independent tally of the closed form). */
function simulateAlgorithm1(n: number, d: number, sram: number): number {
  const bc = Math.ceil(sram / (4 * d));
  const br = Math.min(bc, d);
  let accesses = n * d + 2 * n; // line 2: initialise O, ℓ, m in HBM
  for (let j = 0; j < n; j += bc) {
    const cols = Math.min(bc, n - j);
    accesses += 2 * cols * d; // line 6: load K_j, V_j
    for (let i = 0; i < n; i += br) {
      const rows = Math.min(br, n - i);
      accesses += 2 * rows * d + 2 * rows; // line 8: load Q_i, O_i, ℓ_i, m_i
      accesses += rows * d + 2 * rows; // lines 12–13: write O_i, ℓ_i, m_i
    }
  }
  return accesses;
}

describe('attention costs', () => {
  it('full attention: 4n²d + 3n² FLOPs and n² extra numbers', () => {
    expect(attentionCost('full', 4, 2)).toEqual({ flops: 4 * 16 * 2 + 48, memory: 16 });
  });
  it('flash keeps the FLOPs but holds 4Bd + B² + 3B numbers', () => {
    expect(attentionCost('flash', 1024, 64, { blockSize: 64 })).toEqual({
      flops: 4 * 1024 ** 2 * 64 + 3 * 1024 ** 2,
      memory: 4 * 64 * 64 + 64 * 64 + 192,
    });
    expect(attentionCost('flash', 1024, 64).memory).toBe(attentionCost('flash', 4096, 64).memory);
  });
  it('linear-time methods grow linearly in n', () => {
    for (const method of ['linformer', 'linear', 'performer', 'sliding-window'] as const) {
      const a = attentionCost(method, 4096, 64).flops;
      const b = attentionCost(method, 8192, 64).flops;
      expect(b / a).toBeCloseTo(2, 1);
    }
    expect(attentionCost('linear', 10, 4)).toEqual({ flops: 4 * 10 * 16 + 6 * 40, memory: 20 });
  });
  it('sliding-window nonzeros: n(w+1) − w(w+1)/2, or the full triangle when n ≤ w', () => {
    expect(slidingWindowNonzeros(10, 2)).toBe(30 - 3);
    expect(slidingWindowNonzeros(3, 5)).toBe(6);
  });
  it('standard attention HBM traffic is 4nd + 4n²', () => {
    expect(standardAttentionHbmAccesses(1024, 64)).toBe(4 * 1024 * 64 + 4 * 1024 * 1024);
  });
  it('the FlashAttention closed form matches a walk over Algorithm 1’s loops', () => {
    for (const [n, d, sram] of [
      [256, 64, 4096],
      [1000, 32, 8192],
      [4096, 64, 100_000],
      [17, 8, 64],
    ] as const) {
      expect(flashAttentionHbmAccesses(n, d, sram)).toBe(simulateAlgorithm1(n, d, sram));
    }
  });
  it('flash traffic scales like n²d²/M: doubling M roughly halves it, and it beats standard at real sizes', () => {
    const n = 8192;
    const d = 64;
    const small = flashAttentionHbmAccesses(n, d, 25_000);
    const big = flashAttentionHbmAccesses(n, d, 50_000);
    expect(small / big).toBeGreaterThan(1.8);
    expect(small / big).toBeLessThan(2.1);
    expect(flashAttentionHbmAccesses(n, d, 100_000)).toBeLessThan(standardAttentionHbmAccesses(n, d) / 5);
  });
  it('rejects bad sizes, naming the function and the value', () => {
    expect(() => attentionCost('full', 0, 4)).toThrow(ArgumentError);
    expect(() => attentionCost('full', 0, 4)).toThrow('attentionCost: n must be an integer ≥ 1, got 0');
    expect(() => attentionCost('full', 4, 1.5)).toThrow('attentionCost: d must be an integer ≥ 1, got 1.5');
    expect(() => attentionCost('nope' as 'full', 4, 4)).toThrow('attentionCost: unknown method nope');
    expect(() => attentionCost('sliding-window', 4, 4, { window: -1 })).toThrow('attentionCost: window must be an integer ≥ 0, got -1');
    expect(() => attentionCost('linformer', 4, 4, { k: 0 })).toThrow('attentionCost: k must be an integer ≥ 1, got 0');
    expect(() => attentionCost('performer', 4, 4, { features: 2.5 })).toThrow('attentionCost: features must be an integer ≥ 1, got 2.5');
    expect(() => attentionCost('strided-sparse', 4, 4, { stride: 0 })).toThrow('attentionCost: stride must be an integer ≥ 1, got 0');
    expect(() => attentionCost('flash', 4, 4, { blockSize: 0 })).toThrow('attentionCost: blockSize must be an integer ≥ 1, got 0');
    expect(() => standardAttentionHbmAccesses(0, 4)).toThrow('standardAttentionHbmAccesses: n must be an integer ≥ 1, got 0');
    expect(() => flashAttentionHbmAccesses(4, 4, 0)).toThrow('flashAttentionHbmAccesses: sram (M) must be an integer ≥ 1, got 0');
  });
});

describe('attention costs: exact values computed by hand for every formula', () => {
  // Each literal below was worked out on paper from the formula in the module header; a change to
  // any coefficient or term of any formula changes at least one of them.
  it('full, n = 4, d = 2: 4·16·2 + 3·16 = 176 FLOPs, 16 numbers', () => {
    expect(attentionCost('full', 4, 2)).toEqual({ flops: 176, memory: 16 });
  });
  it('flash, n = 1024, d = 64, B = 64 (default): 271,581,184 FLOPs, 4·64·64 + 64² + 3·64 = 20,672 numbers', () => {
    expect(attentionCost('flash', 1024, 64)).toEqual({ flops: 271_581_184, memory: 20_672 });
  });
  it('flash with n < B caps B at n: n = 16, d = 8 → 8,960 FLOPs, 4·16·8 + 256 + 48 = 816 numbers', () => {
    expect(attentionCost('flash', 16, 8)).toEqual({ flops: 8960, memory: 816 });
  });
  it('sliding window, n = 10, d = 4, w = 2: 27 scores → 4·27·4 + 3·27 = 513 FLOPs, 27 numbers', () => {
    expect(attentionCost('sliding-window', 10, 4, { window: 2 })).toEqual({ flops: 513, memory: 27 });
  });
  it('sliding window with the default w = 128, n = 4096: 4096·129 − 128·129/2 = 520,128 scores', () => {
    expect(slidingWindowNonzeros(4096, 128)).toBe(520_128);
    expect(attentionCost('sliding-window', 4096, 64).memory).toBe(520_128);
  });
  it('strided sparse, n = 9, l = 3 (the default ⌈√9⌉): rows hold 1, 2, 3, 4, 4, 4, 5, 5, 5 = 33 scores', () => {
    expect(stridedNonzeros(9, 3)).toBe(33);
    expect(countNonzero(stridedPattern(9, 3))).toBe(33);
    expect(attentionCost('strided-sparse', 9, 2)).toEqual({ flops: 4 * 33 * 2 + 3 * 33, memory: 33 });
    expect(attentionCost('strided-sparse', 9, 2).flops).toBe(363);
  });
  it('linformer, n = 10, d = 4, k = 3: 8·10·3·4 + 3·30 = 1,050 FLOPs; n·k + 2·k·d = 30 + 24 = 54 numbers', () => {
    expect(attentionCost('linformer', 10, 4, { k: 3 })).toEqual({ flops: 1050, memory: 54 });
  });
  it('linformer with the default k = 256, n = 512, d = 64: 67,502,080 FLOPs; 131,072 + 32,768 = 163,840 numbers', () => {
    expect(attentionCost('linformer', 512, 64)).toEqual({ flops: 67_502_080, memory: 163_840 });
  });
  it('linear, n = 10, d = 4: 4·10·16 + 6·10·4 = 880 FLOPs; d² + d = 20 numbers', () => {
    expect(attentionCost('linear', 10, 4)).toEqual({ flops: 880, memory: 20 });
  });
  it('performer, n = 10, d = 4, m = 3: 8·10·3·4 + 5·30 = 1,110 FLOPs; 2·30 + 12 + 3 = 75 numbers', () => {
    expect(attentionCost('performer', 10, 4, { features: 3 })).toEqual({ flops: 1110, memory: 75 });
  });
  it('performer with the default m = 256, n = 512, d = 64: 2·512·256 + 256·64 + 256 = 278,784 numbers', () => {
    expect(attentionCost('performer', 512, 64).memory).toBe(278_784);
  });
  it('standard HBM traffic: n = 3, d = 2 → 24 + 36 = 60; n = 1024, d = 64 → 4,456,448', () => {
    expect(standardAttentionHbmAccesses(3, 2)).toBe(60);
    expect(standardAttentionHbmAccesses(1024, 64)).toBe(4_456_448);
  });
  it('FlashAttention HBM traffic: n = 17, d = 8, M = 64 (B_c = 2, T_c = 9) → 442 + 9·476 = 4,726', () => {
    expect(flashAttentionHbmAccesses(17, 8, 64)).toBe(4726);
    // n = 1024, d = 64, M = 16,384: B_c = 64, T_c = 16 → 198,656 + 16·200,704 = 3,409,920.
    expect(flashAttentionHbmAccesses(1024, 64, 16_384)).toBe(3_409_920);
  });
});
