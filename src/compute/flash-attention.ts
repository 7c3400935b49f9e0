/**
 * FlashAttention forward pass: exact attention computed tile by tile with an online softmax.
 *
 * The online softmax (one pass keeping a running max and a rescaled running sum) is Milakov &
 * Gimelshein 2018, "Online normalizer calculation for softmax" (arXiv:1805.02867, Algorithm 3; atlas
 * note milakov2018online).
 *
 * Dao, Fu, Ermon, Rudra & Ré 2022, "FlashAttention: Fast and Memory-Efficient Exact Attention with
 * IO-Awareness" (arXiv:2205.14135), Algorithm 1. K and V are split into T_c blocks K_j, V_j and Q
 * into T_r blocks Q_i, all of B rows (the last block may be partial). The outer loop walks the key
 * blocks, the inner loop the query blocks; for tile (i, j), with S_ij = τ·Q_i K_jᵀ + bias (masked
 * entries −∞), every row keeps a running max m, sum ℓ and unnormalised accumulator O:
 *
 *   m_new = max(m, rowmax(S_ij))
 *   ℓ     ← e^{m − m_new}·ℓ + rowsum(e^{S_ij − m_new})
 *   O     ← e^{m − m_new}·O + e^{S_ij − m_new}·V_j
 *   m     ← m_new
 *
 * and at the end O ← diag(ℓ)⁻¹·O. This is Algorithm 1 with the division by ℓ (its line 12) deferred
 * to the end, as in FlashAttention-2 (Dao 2023, arXiv:2307.08691); the two are equal in exact
 * arithmetic. Only one tile's worth of numbers is held at once, so the extra memory is
 * O(B·(B + d)) instead of the n×m score matrix of standard attention. The final statistics are
 * m, ℓ and logsumexp = m + ln ℓ (what the backward pass stores).
 *
 * The input checks and the Q_i K_jᵀ tile product are scaledDotProductAttention's own
 * (checkAttentionInputs and productABt in attention-kernel.ts), so both reject the same inputs with
 * the same messages and form every q·k in the same order. Semantics match scaledDotProductAttention exactly: scores τ·q_i·k_j + bias_ij with τ = 1/√d unless
 * `scale` is given; mask (1 = may attend) and causal (j ≤ i) applied after the bias; a row with no
 * allowed key gives an output row of 0. exp(−∞ − (−∞)) is never evaluated: a row that has seen no
 * allowed score yet is skipped, and e^{a−b} with a = b is taken as exactly 1. Causal tiles that lie
 * wholly above the diagonal are skipped (nothing in them may be attended to).
 */
import { ArgumentError } from './errors.ts';
import { zeros, type Matrix } from './matrix.ts';
import { checkAttentionInputs, productABt } from './attention-kernel.ts';

/** One tile visit of Algorithm 1, recorded when `trace` is set (for the stepper demo). */
export interface FlashStep {
  /** Index j of the key/value block (outer loop). */
  readonly keyBlock: number;
  /** Index i of the query block (inner loop). */
  readonly queryBlock: number;
  /** Query rows [queryStart, queryEnd) of this tile. */
  readonly queryStart: number;
  readonly queryEnd: number;
  /** Key/value rows [keyStart, keyEnd) of this tile. */
  readonly keyStart: number;
  readonly keyEnd: number;
  /** True for a causal tile wholly above the diagonal: nothing was loaded or computed. */
  readonly skipped: boolean;
  /** The tile's scores τ·q·k + bias, −Infinity where masked (rows × keys of the tile). */
  readonly scores: readonly (readonly number[])[];
  /** Per tile row: the max over the tile's allowed scores (−Infinity if none). */
  readonly blockMax: readonly number[];
  /** Per tile row: running max m and sum ℓ before and after this tile. */
  readonly rowMaxBefore: readonly number[];
  readonly rowMaxAfter: readonly number[];
  readonly rowSumBefore: readonly number[];
  readonly rowSumAfter: readonly number[];
  /** The tile's output rows so far, O/ℓ (0 where ℓ = 0): they converge to the final output. */
  readonly output: readonly (readonly number[])[];
}

export interface FlashAttentionOptions {
  /** Rows per query and key block, B (default 64). */
  blockSize?: number | undefined;
  causal?: boolean | undefined;
  mask?: Matrix | undefined;
  bias?: Matrix | undefined;
  scale?: number | undefined;
  trace?: boolean | undefined;
}

export interface FlashAttentionResult {
  /** n×dv, equal to scaledDotProductAttention's output. */
  output: Matrix;
  /** Final running max m per query row (−Infinity for a fully masked row). */
  rowMax: Float64Array;
  /** Final running sum ℓ = Σ_j e^{s_ij − m} per query row (0 for a fully masked row). */
  rowSum: Float64Array;
  /** m + ln ℓ = ln Σ_j e^{s_ij} per query row (−Infinity for a fully masked row). */
  logSumExp: Float64Array;
  /**
   * Numbers held at once besides Q, K, V, the output and the returned statistics (the "SRAM"
   * working set): Q_i (B×d), K_j (B×d), V_j (B×dv), O_i (B×dv), S_ij (B×B, reused for P̃_ij),
   * m_i, ℓ_i and m_new (B each; m_new is reused for the per-row correction e^{m − m_new}),
   * with B capped at n for queries and at m for keys. Independent of n once n ≥ B.
   */
  peakScratchElements: number;
  steps?: FlashStep[];
}

/** e^{a−b}, exactly 1 when a = b (so ±∞ − ±∞ is never formed). */
function expDiff(a: number, b: number): number {
  return a === b ? 1 : Math.exp(a - b);
}

/** Exact attention by Algorithm 1 of FlashAttention: tiled, with an online softmax. */
export function flashAttention(q: Matrix, k: Matrix, v: Matrix, options: FlashAttentionOptions = {}): FlashAttentionResult {
  const op = 'flashAttention';
  const n = q.rows;
  const m = k.rows;
  const d = q.cols;
  const dv = v.cols;
  const scale = checkAttentionInputs(op, q, k, v, options); // τ = 1/√d unless options.scale; the same checks as sdpa
  const causal = options.causal ?? false;
  const blockSize = options.blockSize ?? 64;
  if (!Number.isInteger(blockSize) || blockSize < 1) throw new ArgumentError(op, `blockSize must be an integer ≥ 1, got ${blockSize}`);
  const mask = options.mask;
  const bias = options.bias;
  const trace = options.trace ?? false;
  const steps: FlashStep[] = [];

  // "HBM": the output holds the unnormalised accumulator O; m and ℓ are the returned statistics.
  const output = zeros(n, dv); // n×dv
  const rowMax = new Float64Array(n).fill(-Infinity); // m, n
  const rowSum = new Float64Array(n); // ℓ, n

  // "SRAM": one tile's working set, allocated once.
  const br = Math.min(blockSize, n); // query rows per block
  const bc = Math.min(blockSize, m); // key rows per block
  const empty = br === 0 || bc === 0;
  const qi = new Float64Array(empty ? 0 : br * d); // Q_i, br×d
  const kj = new Float64Array(empty ? 0 : bc * d); // K_j, bc×d
  const vj = new Float64Array(empty ? 0 : bc * dv); // V_j, bc×dv
  const oi = new Float64Array(empty ? 0 : br * dv); // O_i, br×dv
  const sij = new Float64Array(empty ? 0 : br * bc); // S_ij then P̃_ij, br×bc
  const mi = new Float64Array(empty ? 0 : br); // m_i, br
  const li = new Float64Array(empty ? 0 : br); // ℓ_i, br
  const mNew = new Float64Array(empty ? 0 : br); // m_new, then the correction e^{m − m_new}: br
  const peakScratchElements = qi.length + kj.length + vj.length + oi.length + sij.length + mi.length + li.length + mNew.length;

  const tc = empty ? 0 : Math.ceil(m / blockSize); // T_c key blocks
  const tr = empty ? 0 : Math.ceil(n / blockSize); // T_r query blocks
  for (let j = 0; j < tc; j++) {
    const k0 = j * blockSize;
    const k1 = Math.min(m, k0 + blockSize);
    const cols = k1 - k0; // keys in this block
    let kvLoaded = false;
    for (let i = 0; i < tr; i++) {
      const q0 = i * blockSize;
      const q1 = Math.min(n, q0 + blockSize);
      const rows = q1 - q0; // queries in this block
      if (causal && k0 > q1 - 1) {
        // Every key of the block lies after every query of the block: the tile is all masked.
        if (trace) steps.push(skippedStep(j, i, q0, q1, k0, k1, rowMax, rowSum, output));
        continue;
      }
      if (!kvLoaded) {
        kj.set(k.data.subarray(k0 * d, k1 * d)); // load K_j: cols×d
        vj.set(v.data.subarray(k0 * dv, k1 * dv)); // load V_j: cols×dv
        kvLoaded = true;
      }
      qi.set(q.data.subarray(q0 * d, q1 * d)); // load Q_i: rows×d
      oi.set(output.data.subarray(q0 * dv, q1 * dv)); // load O_i: rows×dv
      mi.set(rowMax.subarray(q0, q1)); // load m_i: rows
      li.set(rowSum.subarray(q0, q1)); // load ℓ_i: rows
      const before = trace ? { m: Array.from(mi.subarray(0, rows)), l: Array.from(li.subarray(0, rows)) } : null;

      // S_ij = τ·Q_i K_jᵀ + bias, masked entries −∞; block max per row.  rows×cols
      productABt(qi, kj, sij, rows, cols, d, d, 0, 1, bc); // raw q·k for the whole tile, rows×cols (row stride bc)
      const blockMax = trace ? new Array<number>(rows) : null;
      for (let r = 0; r < rows; r++) {
        const gi = q0 + r; // global query index
        let bmax = -Infinity;
        for (let c = 0; c < cols; c++) {
          const gj = k0 + c; // global key index
          let s: number;
          if ((causal && gj > gi) || (mask !== undefined && mask.data[gi * m + gj] === 0)) {
            s = -Infinity;
          } else {
            s = scale * sij[r * bc + c]! + (bias === undefined ? 0 : bias.data[gi * m + gj]!);
            if (s !== s) throw new ArgumentError(op, `score (${gi}, ${gj}) is NaN (an overflowing dot product?); inputs must keep scores finite`);
          }
          sij[r * bc + c] = s;
          if (s > bmax) bmax = s;
        }
        if (blockMax !== null) blockMax[r] = bmax;
        mNew[r] = Math.max(mi[r]!, bmax); // m_new = max(m, rowmax(S_ij))
      }
      const scores = trace ? tileRows(sij, rows, cols, bc) : null;

      // P̃ = e^{S − m_new} (0 where masked); ℓ ← e^{m − m_new}ℓ + rowsum(P̃).
      // Afterwards mi holds m_new and mNew holds the correction e^{m − m_new} of each row.
      for (let r = 0; r < rows; r++) {
        const mn = mNew[r]!;
        const po = r * bc;
        if (mn === -Infinity) {
          // No allowed score yet: ℓ = 0 and O = 0 stay as they are (never e^{−∞ − (−∞)}).
          sij.fill(0, po, po + cols);
          mNew[r] = 1;
          continue;
        }
        const corr = expDiff(mi[r]!, mn); // e^{m − m_new}; 0 when m = −∞
        let sum = 0;
        for (let c = 0; c < cols; c++) {
          const sc = sij[po + c]!;
          const p = sc === -Infinity ? 0 : expDiff(sc, mn); // masked entries contribute exactly 0
          sij[po + c] = p;
          sum += p;
        }
        li[r] = corr * li[r]! + sum;
        mi[r] = mn;
        mNew[r] = corr;
      }

      // O_i ← diag(e^{m − m_new})·O_i + P̃_ij·V_j.   rows×dv
      tileUpdate(sij, vj, oi, mNew, rows, cols, dv, bc);

      output.data.set(oi.subarray(0, rows * dv), q0 * dv); // write O_i: rows×dv
      rowMax.set(mi.subarray(0, rows), q0); // write m_i
      rowSum.set(li.subarray(0, rows), q0); // write ℓ_i
      if (trace && before !== null && blockMax !== null && scores !== null) {
        steps.push({
          keyBlock: j,
          queryBlock: i,
          queryStart: q0,
          queryEnd: q1,
          keyStart: k0,
          keyEnd: k1,
          skipped: false,
          scores,
          blockMax,
          rowMaxBefore: before.m,
          rowMaxAfter: Array.from(mi.subarray(0, rows)),
          rowSumBefore: before.l,
          rowSumAfter: Array.from(li.subarray(0, rows)),
          output: normalisedRows(output, rowSum, q0, q1),
        });
      }
    }
  }

  // O ← diag(ℓ)⁻¹ O; a row with ℓ = 0 (nothing allowed) stays 0.   n×dv
  const logSumExp = new Float64Array(n); // n
  for (let r = 0; r < n; r++) {
    const l = rowSum[r]!;
    logSumExp[r] = rowMax[r]! + Math.log(l); // −∞ when ℓ = 0
    if (l === 0) continue;
    const inv = 1 / l;
    for (let x = 0; x < dv; x++) output.data[r * dv + x]! *= inv;
  }
  const result: FlashAttentionResult = { output, rowMax, rowSum, logSumExp, peakScratchElements };
  if (trace) result.steps = steps;
  return result;
}

/**
 * o[r·dv + x] ← corr[r]·o[r·dv + x] + Σ_c p[r·stride + c]·v[c·dv + x]: the O_i update, in 4×4
 * register tiles over (rows, dv) with the sum over the tile's keys in index order.
 */
function tileUpdate(p: Float64Array, v: Float64Array, o: Float64Array, corr: Float64Array, rows: number, cols: number, dv: number, stride: number): void {
  let r = 0;
  for (; r + 4 <= rows; r += 4) {
    const p0 = r * stride, p1 = p0 + stride, p2 = p1 + stride, p3 = p2 + stride;
    const c0 = corr[r]!, c1 = corr[r + 1]!, c2 = corr[r + 2]!, c3 = corr[r + 3]!;
    const o0 = r * dv, o1 = o0 + dv, o2 = o1 + dv, o3 = o2 + dv;
    let x = 0;
    for (; x + 4 <= dv; x += 4) {
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let c = 0; c < cols; c++) {
        const w0 = p[p0 + c]!, w1 = p[p1 + c]!, w2 = p[p2 + c]!, w3 = p[p3 + c]!;
        const vo = c * dv + x;
        const y0 = v[vo]!, y1 = v[vo + 1]!, y2 = v[vo + 2]!, y3 = v[vo + 3]!;
        s00 += w0 * y0; s01 += w0 * y1; s02 += w0 * y2; s03 += w0 * y3;
        s10 += w1 * y0; s11 += w1 * y1; s12 += w1 * y2; s13 += w1 * y3;
        s20 += w2 * y0; s21 += w2 * y1; s22 += w2 * y2; s23 += w2 * y3;
        s30 += w3 * y0; s31 += w3 * y1; s32 += w3 * y2; s33 += w3 * y3;
      }
      o[o0 + x] = c0 * o[o0 + x]! + s00; o[o0 + x + 1] = c0 * o[o0 + x + 1]! + s01; o[o0 + x + 2] = c0 * o[o0 + x + 2]! + s02; o[o0 + x + 3] = c0 * o[o0 + x + 3]! + s03;
      o[o1 + x] = c1 * o[o1 + x]! + s10; o[o1 + x + 1] = c1 * o[o1 + x + 1]! + s11; o[o1 + x + 2] = c1 * o[o1 + x + 2]! + s12; o[o1 + x + 3] = c1 * o[o1 + x + 3]! + s13;
      o[o2 + x] = c2 * o[o2 + x]! + s20; o[o2 + x + 1] = c2 * o[o2 + x + 1]! + s21; o[o2 + x + 2] = c2 * o[o2 + x + 2]! + s22; o[o2 + x + 3] = c2 * o[o2 + x + 3]! + s23;
      o[o3 + x] = c3 * o[o3 + x]! + s30; o[o3 + x + 1] = c3 * o[o3 + x + 1]! + s31; o[o3 + x + 2] = c3 * o[o3 + x + 2]! + s32; o[o3 + x + 3] = c3 * o[o3 + x + 3]! + s33;
    }
    for (; x < dv; x++) {
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      for (let c = 0; c < cols; c++) {
        const y = v[c * dv + x]!;
        s0 += p[p0 + c]! * y; s1 += p[p1 + c]! * y; s2 += p[p2 + c]! * y; s3 += p[p3 + c]! * y;
      }
      o[o0 + x] = c0 * o[o0 + x]! + s0; o[o1 + x] = c1 * o[o1 + x]! + s1; o[o2 + x] = c2 * o[o2 + x]! + s2; o[o3 + x] = c3 * o[o3 + x]! + s3;
    }
  }
  for (; r < rows; r++) {
    const po = r * stride;
    const oo = r * dv;
    const cr = corr[r]!;
    for (let x = 0; x < dv; x++) {
      let s0 = 0;
      for (let c = 0; c < cols; c++) s0 += p[po + c]! * v[c * dv + x]!;
      o[oo + x] = cr * o[oo + x]! + s0;
    }
  }
}

/** The tile's rows of S as nested arrays (for the trace). */
function tileRows(sij: Float64Array, rows: number, cols: number, stride: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) out.push(Array.from(sij.subarray(r * stride, r * stride + cols)));
  return out;
}

/** Rows [q0, q1) of the running output O/ℓ (0 where ℓ = 0), for the trace. */
function normalisedRows(acc: Matrix, rowSum: Float64Array, q0: number, q1: number): number[][] {
  const out: number[][] = [];
  const dv = acc.cols;
  for (let r = q0; r < q1; r++) {
    const l = rowSum[r]!;
    out.push(Array.from(acc.data.subarray(r * dv, (r + 1) * dv), (x) => (l === 0 ? 0 : x / l)));
  }
  return out;
}

/** The trace entry of a causal tile that is wholly masked (statistics unchanged). */
function skippedStep(
  j: number,
  i: number,
  q0: number,
  q1: number,
  k0: number,
  k1: number,
  rowMax: Float64Array,
  rowSum: Float64Array,
  acc: Matrix,
): FlashStep {
  const m = Array.from(rowMax.subarray(q0, q1));
  const l = Array.from(rowSum.subarray(q0, q1));
  return {
    keyBlock: j,
    queryBlock: i,
    queryStart: q0,
    queryEnd: q1,
    keyStart: k0,
    keyEnd: k1,
    skipped: true,
    scores: Array.from({ length: q1 - q0 }, () => new Array<number>(k1 - k0).fill(-Infinity)),
    blockMax: new Array<number>(q1 - q0).fill(-Infinity),
    rowMaxBefore: m,
    rowMaxAfter: m.slice(),
    rowSumBefore: l,
    rowSumAfter: l.slice(),
    output: normalisedRows(acc, rowSum, q0, q1),
  };
}
