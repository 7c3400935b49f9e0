import { describe, it, expect } from 'vitest';
import {
  attentionCost,
  flashAttentionHbmAccesses,
  slidingWindowNonzeros,
  standardAttentionHbmAccesses,
} from '../../src/compute/attention-costs.ts';
import { ArgumentError } from '../../src/compute/errors.ts';

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
  it('rejects bad sizes', () => {
    expect(() => attentionCost('full', 0, 4)).toThrow(ArgumentError);
    expect(() => attentionCost('nope' as 'full', 4, 4)).toThrow(/unknown method/);
    expect(() => flashAttentionHbmAccesses(4, 4, 0)).toThrow(/sram/);
  });
});
