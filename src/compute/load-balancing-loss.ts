/**
 * The auxiliary load-balancing loss of the Switch Transformer.
 *
 * Fedus, Zoph & Shazeer 2021, "Switch Transformers: Scaling to Trillion Parameter Models with Simple
 * and Efficient Sparsity" (arXiv:2101.03961), §2.2, eq. (4)–(6):
 *
 *   loss = α · N · Σ_{i=1}^{N} f_i · P_i
 *   f_i = (1/T) Σ_{x∈B} 1{argmax p(x) = i}      (fraction of the T tokens dispatched to expert i)
 *   P_i = (1/T) Σ_{x∈B} p_i(x)                   (mean router probability of expert i)
 *
 * with N = E experts. Under perfectly uniform routing f_i = P_i = 1/E and the loss is exactly α; it
 * grows as the router concentrates on few experts (at most α·E when every token picks one expert with
 * probability 1). f is not differentiable; the gradient flows through P. The paper uses α = 10⁻²,
 * the default here. argmax ties go to the lower expert index (as in topKGating).
 */
import { ArgumentError } from './errors.ts';
import { type Matrix } from './matrix.ts';
import { softmax } from './softmax.ts';

/** The Switch load-balancing loss of router logits (T×E) with its two factors f and P. */
export function loadBalancingLoss(
  logits: Matrix,
  options: { alpha?: number } = {},
): { loss: number; fraction: Float64Array; meanProb: Float64Array } {
  const op = 'loadBalancingLoss';
  const alpha = options.alpha ?? 0.01;
  if (!Number.isFinite(alpha) || alpha < 0) throw new ArgumentError(op, `alpha must be a finite number ≥ 0, got ${alpha}`);
  const tokens = logits.rows;
  const experts = logits.cols;
  if (tokens < 1 || experts < 1) {
    throw new ArgumentError(op, `logits are ${tokens}×${experts}; need at least one token and one expert`);
  }
  const probs = softmax(logits); // T×E
  const fraction = new Float64Array(experts); // f, E
  const meanProb = new Float64Array(experts); // P, E
  for (let t = 0; t < tokens; t++) {
    let best = 0;
    for (let e = 0; e < experts; e++) {
      const p = probs.data[t * experts + e]!;
      meanProb[e]! += p;
      if (p > probs.data[t * experts + best]!) best = e;
    }
    fraction[best]! += 1;
  }
  let dot = 0; // Σ_e f_e·P_e
  for (let e = 0; e < experts; e++) {
    fraction[e]! /= tokens;
    meanProb[e]! /= tokens;
    dot += fraction[e]! * meanProb[e]!;
  }
  return { loss: alpha * experts * dot, fraction, meanProb };
}
