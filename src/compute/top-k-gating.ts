/**
 * Top-k gating: the router of a sparsely-gated mixture-of-experts layer.
 *
 * Shazeer et al. 2017, "Outrageously Large Neural Networks: The Sparsely-Gated Mixture-of-Experts
 * Layer" (arXiv:1701.06538), eq. (3)–(5): G(x) = Softmax(KeepTopK(H(x), k)), y = Σ_e G(x)_e E_e(x).
 * Two conventions for the gate values of the chosen experts, both supported here:
 *
 *   raw (Switch, Fedus et al. 2021, arXiv:2101.03961, eq. 1–2):  p = softmax(h),  g_e = p_e for e ∈ TopK(p, k)
 *   renormalised (GShard top-2, Lepikhin et al. 2020, arXiv:2006.16668, Algorithm 1; Mixtral, Jiang et al. 2024,
 *   arXiv:2401.04088, §2.1, atlas note jiang2024mixtral):
 *                                                               g_e = p_e / Σ_{e'∈TopK} p_{e'}
 *
 * Renormalising the top-k probabilities is the same as Shazeer's softmax over the kept logits.
 * `combine` is the dense n×E matrix of gates (0 for unchosen experts), the weights of y = combine·[E_e(x)].
 * Ties in probability go to the lower expert index.
 */
import { ArgumentError } from './errors.ts';
import { zeros, type Matrix } from './matrix.ts';
import { softmax } from './softmax.ts';

/** Routes n tokens over E experts from router logits (n×E): probabilities, chosen experts and their gates. */
export function topKGating(
  logits: Matrix,
  k: number,
  options: { renormalize?: boolean } = {},
): { probs: Matrix; indices: number[][]; gates: number[][]; combine: Matrix } {
  const op = 'topKGating';
  const n = logits.rows;
  const experts = logits.cols;
  if (!Number.isInteger(k) || k < 1 || k > experts) {
    throw new ArgumentError(op, `k must be an integer between 1 and E = ${experts} (logits are ${n}×${experts}), got ${k}`);
  }
  const probs = softmax(logits); // n×E, rows sum to 1
  const indices: number[][] = [];
  const gates: number[][] = [];
  const combine = zeros(n, experts); // n×E
  for (let t = 0; t < n; t++) {
    const row = probs.data.subarray(t * experts, (t + 1) * experts); // 1×E
    const chosen: number[] = [];
    const taken = new Uint8Array(experts);
    for (let r = 0; r < k; r++) {
      let best = -1;
      for (let e = 0; e < experts; e++) {
        if (taken[e] === 0 && (best < 0 || row[e]! > row[best]!)) best = e; // strict >: ties keep the lower index
      }
      taken[best] = 1;
      chosen.push(best);
    }
    let total = 0;
    for (const e of chosen) total += row[e]!;
    const g = chosen.map((e) => (options.renormalize ? row[e]! / total : row[e]!)); // 1×k
    for (let r = 0; r < k; r++) combine.data[t * experts + chosen[r]!] = g[r]!;
    indices.push(chosen);
    gates.push(g);
  }
  return { probs, indices, gates, combine };
}
