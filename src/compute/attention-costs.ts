/**
 * Cost formulas for attention variants: arithmetic, extra memory, and FlashAttention's HBM traffic.
 * The demos plot these against n; the measured peakScratchElements of flashAttention is checked
 * against `attentionCost('flash', …).memory` in the tests.
 *
 * Conventions: a multiply–add counts 2 FLOPs; exp, add and divide in the softmax count 1 each
 * (3 per score); dv = d. "memory" is the number of values held besides Q, K, V and the output.
 *
 * HBM traffic, Dao et al. 2022, "FlashAttention" (arXiv:2205.14135), Theorem 2:
 * - standard attention (their Algorithm 0) reads Q, K (2nd), writes and re-reads S (2n²), writes and
 *   re-reads P (2n²), reads V (nd) and writes O (nd): 4nd + 4n² = Θ(nd + n²) accesses;
 * - Algorithm 1 with SRAM of M numbers uses B_c = ⌈M/4d⌉, B_r = min(B_c, d); K and V are read once
 *   (2nd), O, ℓ, m are initialised (nd + 2n), and each of the T_c = ⌈n/B_c⌉ outer steps reads Q, O,
 *   ℓ, m and writes O, ℓ, m (3nd + 4n): 3nd + 2n + T_c·(3nd + 4n) = Θ(n²d²/M) accesses.
 */
import { ArgumentError } from './errors.ts';

/** The attention variants compared on the efficient-attention page. */
export type AttentionMethod = 'full' | 'flash' | 'sliding-window' | 'strided-sparse' | 'linformer' | 'linear' | 'performer';

export interface AttentionCostParams {
  /** Sliding-window width w (keys i−w … i). Default 128. */
  window?: number;
  /** Linformer projected length k. Default 256. */
  k?: number;
  /** Performer random features m. Default 256. */
  features?: number;
  /** FlashAttention block size B. Default 64. */
  blockSize?: number;
  /** Sparse Transformer stride l. Default ⌈√n⌉. */
  stride?: number;
}

function positiveInteger(op: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new ArgumentError(op, `${name} must be an integer ≥ 1, got ${value}`);
}

/** Scores computed by causal sliding-window attention: Σ_i (min(i, w) + 1). */
export function slidingWindowNonzeros(n: number, w: number): number {
  return n <= w ? (n * (n + 1)) / 2 : n * (w + 1) - (w * (w + 1)) / 2;
}

/** Scores computed by the causal strided Sparse Transformer pattern (see sparse-attention-patterns.ts). */
export function stridedNonzeros(n: number, l: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.min(i, l) + 1 + Math.max(0, Math.floor(i / l) - 1); // local band + earlier multiples of l
  return total;
}

/** FLOPs and extra memory of one attention head of length n and width d. */
export function attentionCost(method: AttentionMethod, n: number, d: number, params: AttentionCostParams = {}): { flops: number; memory: number } {
  const op = 'attentionCost';
  positiveInteger(op, 'n', n);
  positiveInteger(op, 'd', d);
  switch (method) {
    case 'full':
      return { flops: 4 * n * n * d + 3 * n * n, memory: n * n };
    case 'flash': {
      const b = Math.min(params.blockSize ?? 64, n);
      positiveInteger(op, 'blockSize', b);
      return { flops: 4 * n * n * d + 3 * n * n, memory: 4 * b * d + b * b + 3 * b };
    }
    case 'sliding-window': {
      const w = params.window ?? 128;
      if (!Number.isInteger(w) || w < 0) throw new ArgumentError(op, `window must be an integer ≥ 0, got ${w}`);
      const nnz = slidingWindowNonzeros(n, w);
      return { flops: 4 * nnz * d + 3 * nnz, memory: nnz };
    }
    case 'strided-sparse': {
      const l = params.stride ?? Math.ceil(Math.sqrt(n));
      positiveInteger(op, 'stride', l);
      const nnz = stridedNonzeros(n, l);
      return { flops: 4 * nnz * d + 3 * nnz, memory: nnz };
    }
    case 'linformer': {
      const k = params.k ?? 256;
      positiveInteger(op, 'k', k);
      return { flops: 8 * n * k * d + 3 * n * k, memory: n * k + 2 * k * d };
    }
    case 'linear':
      return { flops: 4 * n * d * d + 6 * n * d, memory: d * d + d };
    case 'performer': {
      const m = params.features ?? 256;
      positiveInteger(op, 'features', m);
      return { flops: 8 * n * m * d + 5 * n * m, memory: 2 * n * m + m * d + m };
    }
    default:
      throw new ArgumentError(op, `unknown method ${String(method)}`);
  }
}

/** HBM accesses of standard attention (Algorithm 0 of the FlashAttention paper): 4nd + 4n². */
export function standardAttentionHbmAccesses(n: number, d: number): number {
  positiveInteger('standardAttentionHbmAccesses', 'n', n);
  positiveInteger('standardAttentionHbmAccesses', 'd', d);
  return 4 * n * d + 4 * n * n;
}

/** HBM accesses of FlashAttention's Algorithm 1 with SRAM of M numbers: 3nd + 2n + ⌈n/B_c⌉·(3nd + 4n). */
export function flashAttentionHbmAccesses(n: number, d: number, sram: number): number {
  const op = 'flashAttentionHbmAccesses';
  positiveInteger(op, 'n', n);
  positiveInteger(op, 'd', d);
  positiveInteger(op, 'sram (M)', sram);
  const bc = Math.ceil(sram / (4 * d)); // B_c
  const tc = Math.ceil(n / bc); // T_c
  return 3 * n * d + 2 * n + tc * (3 * n * d + 4 * n);
}
