/**
 * The kernel the exact attention functions share: their input checks and the register-tiled A·Bᵀ.
 *
 * Vaswani et al. (2017), "Attention Is All You Need", arXiv:1706.03762, Eq. (1), with the bias, mask
 * and causal rules documented in scaled-dot-product-attention.ts. scaledDotProductAttention (and its
 * naive reference) and flashAttention (Dao et al. 2022, arXiv:2205.14135, Algorithm 1) validate their
 * inputs with checkAttentionInputs, so all three reject the same inputs with the same messages, and
 * compute their score products q_i·k_j with productABt, so the fast kernel and FlashAttention form
 * every dot product in the same order. The masked softmax they share is softmaxRowInPlace (softmax.ts)
 * for the one-pass kernels; FlashAttention's online softmax is its own (flash-attention.ts).
 */
import { ArgumentError, ShapeError } from './errors.ts';
import { assertFinite, shape, type Matrix } from './matrix.ts';
import { assertMask } from './softmax.ts';

/** Options of scaled dot-product attention; all optional. */
export interface AttentionOptions {
  /** Mask every key j > i (query i sees only keys 0…i). Needs as many queries as keys. */
  readonly causal?: boolean | undefined;
  /** n×m, 1 = may attend, 0 = masked. Applied after the bias. */
  readonly mask?: Matrix | undefined;
  /** n×m additive bias, added after scaling and not scaled (e.g. ALiBi, relative positions). */
  readonly bias?: Matrix | undefined;
  /** Replaces the default 1/√d_k. A temperature T is scale = 1/(T·√d_k). */
  readonly scale?: number | undefined;
}

/**
 * The input checks every attention kernel shares (scaledDotProductAttention, its naive reference and
 * flashAttention), with errors naming `op`: shapes, causal needing n = m, the mask (0/1, n×m), the
 * bias (n×m, finite), finite q, k, v and a finite scale. Returns the scale to use (1/√d_k by default).
 */
export function checkAttentionInputs(op: string, q: Matrix, k: Matrix, v: Matrix, options: AttentionOptions): number {
  if (q.cols !== k.cols) {
    throw new ShapeError(op, `q is ${shape(q)} but k is ${shape(k)}; their columns (d_k) must match`);
  }
  if (k.rows !== v.rows) {
    throw new ShapeError(op, `k is ${shape(k)} but v is ${shape(v)}; they need one row per key`);
  }
  if (options.causal === true && q.rows !== k.rows) {
    throw new ShapeError(op, `causal attention needs as many queries as keys, but q is ${shape(q)} and k is ${shape(k)}`);
  }
  if (options.mask !== undefined) assertMask(op, options.mask, q.rows, k.rows);
  if (options.bias !== undefined && (options.bias.rows !== q.rows || options.bias.cols !== k.rows)) {
    throw new ShapeError(op, `bias is ${shape(options.bias)} but the scores are ${q.rows}×${k.rows} (q is ${shape(q)}, k is ${shape(k)})`);
  }
  assertFinite(op, 'q', q);
  assertFinite(op, 'k', k);
  assertFinite(op, 'v', v);
  if (options.bias !== undefined) assertFinite(op, 'bias', options.bias);
  if (options.scale !== undefined) {
    if (typeof options.scale !== 'number' || !Number.isFinite(options.scale)) {
      throw new ArgumentError(op, `scale is ${String(options.scale)}; it must be a finite number`);
    }
    return options.scale;
  }
  return q.cols > 0 ? 1 / Math.sqrt(q.cols) : 1; // 1/√d_k (an empty d_k gives all-zero scores anyway)
}

/** productABt flag: skip output tiles whose columns all lie right of the diagonal (j > i). */
export const CAUSAL_SKIP = 1;
/** productABt flag: row i of A is zero beyond column i, so stop the inner sum at i + 1. */
export const CAUSAL_TRUNCATE = 2;

/**
 * out (n×m, row-major with row stride ldo ≥ m) = alpha · A Bᵀ, where A is n×len and B is m×len, both
 * row-major; only the first `inner` ≤ len numbers of each row take part (A's rows are W's rows, cut
 * short when causal). scaledDotProductAttention uses it for QKᵀ and W·V, flashAttention for the
 * Q_i K_jᵀ of each tile (ldo = the tile's width B).
 *
 * Blocked over rows of B so that one block of B (≈32 KiB) stays in L1 cache while every 4-row strip
 * of A streams past it; each 4×4 output tile keeps its 16 partial sums in registers (tile4x4).
 * Leftover rows and columns (n or m not a multiple of 4) fall back to single dot products.
 * Allocates nothing.
 */
export function productABt(
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
  n: number,
  m: number,
  inner: number,
  len: number,
  causal: number,
  alpha: number,
  ldo: number,
): void {
  const n4 = n - (n % 4);
  const m4 = m - (m % 4);
  const block = Math.max(4, 4 * Math.floor(1024 / Math.max(1, inner))); // rows of B per block: ≈32 KiB
  for (let jb = 0; jb < m; jb += block) {
    const je = Math.min(m, jb + block);
    const je4 = Math.min(je, m4);
    for (let i = 0; i < n4; i += 4) {
      // Rows i…i+3 of a causal W are zero beyond column i+3: the sum stops there.
      const kEnd = causal === CAUSAL_TRUNCATE ? Math.min(inner, i + 4) : inner;
      for (let j = jb; j < je4; j += 4) {
        if (causal === CAUSAL_SKIP && j > i + 3) break; // this tile and the rest lie above the diagonal
        tile4x4(a, i * len, b, j * len, len, kEnd, out, i * ldo + j, ldo, alpha); // out[i…i+3][j…j+3]
      }
      for (let j = Math.max(jb, m4); j < je; j++) {
        // Columns m4…m−1 that do not fill a tile.
        for (let r = i; r < i + 4; r++) {
          if (causal === CAUSAL_SKIP && j > r) continue;
          out[r * ldo + j] = alpha * dot(a, r * len, b, j * len, kEnd);
        }
      }
    }
  }
  for (let r = n4; r < n; r++) {
    // Rows n4…n−1 that do not fill a strip.
    const kEnd = causal === CAUSAL_TRUNCATE ? Math.min(inner, r + 1) : inner;
    for (let j = 0; j < m; j++) {
      if (causal === CAUSAL_SKIP && j > r) break;
      out[r * ldo + j] = alpha * dot(a, r * len, b, j * len, kEnd);
    }
  }
}

/**
 * One 4×4 register tile: out[r][c] = alpha · Σ_{p<count} A[r][p]·B[c][p] for 4 rows of A starting at
 * offset a0 and 4 rows of B starting at b0 (row stride len), written at o0 with output stride ldo.
 * Per step p: 8 loads, 16 multiply-adds; each sum runs in index order like the naive loop.
 */
function tile4x4(
  a: Float64Array, a0: number,
  b: Float64Array, b0: number,
  len: number, count: number,
  out: Float64Array, o0: number, ldo: number,
  alpha: number,
): void {
  const a1 = a0 + len, a2 = a1 + len, a3 = a2 + len;
  const b1 = b0 + len, b2 = b1 + len, b3 = b2 + len;
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0; // 4×4 partial sums
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  for (let p = 0; p < count; p++) {
    const x0 = a[a0 + p]!, x1 = a[a1 + p]!, x2 = a[a2 + p]!, x3 = a[a3 + p]!; // column p of the A strip
    const y0 = b[b0 + p]!, y1 = b[b1 + p]!, y2 = b[b2 + p]!, y3 = b[b3 + p]!; // column p of the B strip
    c00 += x0 * y0; c01 += x0 * y1; c02 += x0 * y2; c03 += x0 * y3;
    c10 += x1 * y0; c11 += x1 * y1; c12 += x1 * y2; c13 += x1 * y3;
    c20 += x2 * y0; c21 += x2 * y1; c22 += x2 * y2; c23 += x2 * y3;
    c30 += x3 * y0; c31 += x3 * y1; c32 += x3 * y2; c33 += x3 * y3;
  }
  const o1 = o0 + ldo, o2 = o1 + ldo, o3 = o2 + ldo;
  out[o0] = alpha * c00; out[o0 + 1] = alpha * c01; out[o0 + 2] = alpha * c02; out[o0 + 3] = alpha * c03;
  out[o1] = alpha * c10; out[o1 + 1] = alpha * c11; out[o1 + 2] = alpha * c12; out[o1 + 3] = alpha * c13;
  out[o2] = alpha * c20; out[o2 + 1] = alpha * c21; out[o2 + 2] = alpha * c22; out[o2 + 3] = alpha * c23;
  out[o3] = alpha * c30; out[o3 + 1] = alpha * c31; out[o3 + 2] = alpha * c32; out[o3 + 3] = alpha * c33;
}

/** Σ_{p<count} a[aStart+p]·b[bStart+p], summed in index order. */
function dot(a: Float64Array, aStart: number, b: Float64Array, bStart: number, count: number): number {
  let s = 0;
  for (let p = 0; p < count; p++) s += a[aStart + p]! * b[bStart + p]!;
  return s;
}
