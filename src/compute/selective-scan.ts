/**
 * The selective scan of Mamba (the S6 layer's recurrence).
 *
 * Gu & Dao (2023), "Mamba: Linear-Time Sequence Modeling with Selective State Spaces",
 * arXiv:2312.00752, Algorithm 2 with the zero-order-hold discretisation of Eq. (4) as the authors'
 * reference selective_scan_ref computes it (Ā = exp(ΔA), B̄u ≈ ΔBu), Eq. (2a)–(2b):
 *
 *     h_t[j][n] = exp(Δ_t[j] · A[j][n]) · h_{t−1}[j][n] + Δ_t[j] · B_t[n] · u_t[j],   h_{−1} = 0
 *     y_t[j]    = Σ_n C_t[n] · h_t[j][n] + D[j] · u_t[j]
 *
 * u and Δ are L×D (one row per step, one column per channel), A is D×N (a diagonal state matrix per
 * channel, usually negative), B and C are L×N (input-dependent: the "selection"), D has length D.
 * The loop below is the reference and the only path: O(L·D·N) with no allocation inside it, one exp
 * per state update. scripts/bench/llm-block.bench.ts measured about 23 ns per update (L = 4,096,
 * D = 64, N = 16 in under 0.1 s on a loaded 2-core machine), fast enough for the demos, so no faster
 * path was added.
 */
import { ArgumentError, ShapeError } from './errors.ts';
import { assertFinite, shape, zeros, type Matrix } from './matrix.ts';

/** The scan's output and the state h_{L−1} it ends in (D×N), to continue with the next chunk. */
export interface SelectiveScanChunk {
  /** L×D. */
  readonly y: Matrix;
  /** D×N: h after the last step. */
  readonly state: Matrix;
}

/**
 * The scan continued from a carried state (D×N; zeros when omitted): scanning L steps equals scanning
 * the first part and then the rest from the state the first part returned.
 */
export function selectiveScanFrom(
  u: Matrix, delta: Matrix, a: Matrix, b: Matrix, c: Matrix, d?: readonly number[], state?: Matrix,
): SelectiveScanChunk {
  const op = 'selectiveScan';
  const L = u.rows, D = u.cols, N = a.cols;
  if (delta.rows !== L || delta.cols !== D) {
    throw new ShapeError(op, `delta is ${shape(delta)} but u is ${shape(u)}; they must match (L×D)`);
  }
  if (a.rows !== D) {
    throw new ShapeError(op, `a is ${shape(a)} but u is ${shape(u)}; a needs one row per channel (D×N, D = ${D})`);
  }
  for (const [name, m] of [['b', b], ['c', c]] as const) {
    if (m.rows !== L || m.cols !== N) {
      throw new ShapeError(op, `${name} is ${shape(m)} but must be ${L}×${N} (L×N; u is ${shape(u)}, a is ${shape(a)})`);
    }
  }
  if (d !== undefined) {
    if (d.length !== D) {
      throw new ShapeError(op, `d has ${d.length} entries but u is ${shape(u)}; it needs one per channel (${D})`);
    }
    for (let j = 0; j < D; j++) {
      if (typeof d[j] !== 'number' || !Number.isFinite(d[j])) {
        throw new ArgumentError(op, `d[${j}] is ${String(d[j])}; parameters must be finite numbers`);
      }
    }
  }
  if (state !== undefined && (state.rows !== D || state.cols !== N)) {
    throw new ShapeError(op, `state is ${shape(state)} but must be ${D}×${N} (D×N; u is ${shape(u)}, a is ${shape(a)})`);
  }
  assertFinite(op, 'u', u);
  assertFinite(op, 'delta', delta);
  assertFinite(op, 'a', a);
  assertFinite(op, 'b', b);
  assertFinite(op, 'c', c);
  if (state !== undefined) assertFinite(op, 'state', state);

  const h = zeros(D, N); // D×N, h_{−1}
  if (state !== undefined) h.data.set(state.data);
  const hd = h.data, ud = u.data, dd = delta.data, ad = a.data, bd = b.data, cd = c.data;
  const y = zeros(L, D); // L×D
  for (let t = 0; t < L; t++) {
    for (let j = 0; j < D; j++) {
      const dt = dd[t * D + j]!; // Δ_t[j]
      const ut = ud[t * D + j]!; // u_t[j]
      let acc = 0; // Σ_n C_t[n] h_t[j][n]
      for (let n = 0; n < N; n++) {
        const hi = j * N + n;
        const next = Math.exp(dt * ad[hi]!) * hd[hi]! + dt * bd[t * N + n]! * ut; // h_t[j][n]
        hd[hi] = next;
        acc += cd[t * N + n]! * next;
      }
      const yt = acc + (d === undefined ? 0 : d[j]! * ut);
      if (!Number.isFinite(yt)) {
        throw new ArgumentError(op, `y[${t}][${j}] is ${yt}: the state overflowed (u is ${shape(u)}, a is ${shape(a)}). Fix: keep delta·a ≤ 0 (a negative, delta ≥ 0) so exp(delta·a) ≤ 1`);
      }
      y.data[t * D + j] = yt;
    }
  }
  return { y, state: h };
}

/** Mamba's selective scan of u (L×D) with step sizes delta (L×D), A (D×N), B and C (L×N), skip D; returns y (L×D). */
export function selectiveScan(u: Matrix, delta: Matrix, a: Matrix, b: Matrix, c: Matrix, d?: readonly number[]): Matrix {
  return selectiveScanFrom(u, delta, a, b, c, d).y;
}
