/**
 * Expert capacity and token dropping in a mixture-of-experts layer.
 *
 * Lepikhin et al. 2020, "GShard" (arXiv:2006.16668), §2.2 and Algorithm 1; Fedus, Zoph & Shazeer 2021,
 * "Switch Transformers" (arXiv:2101.03961), §2.2, eq. (3):
 *
 *   expert capacity C = ⌊ (tokens per batch / number of experts) · capacity factor ⌋,   C ≤ T
 *
 * (truncated as in the Mesh-TensorFlow implementation both papers used). Each expert processes at
 * most C tokens per batch. Assignments are served in priority order: every token's first choice in
 * sequence order, then every token's second choice, and so on (GShard's top-2 dispatch). An assignment
 * that finds its expert full is dropped; a token whose every assignment is dropped skips the layer
 * and is carried on by the residual connection alone.
 */
import { ArgumentError } from './errors.ts';

/** C = min(T, ⌊T · capacityFactor / E⌋): the number of token slots each expert has per batch. */
export function expertCapacity(tokens: number, experts: number, capacityFactor: number): number {
  const op = 'expertCapacity';
  if (!Number.isInteger(tokens) || tokens < 0) throw new ArgumentError(op, `tokens must be an integer ≥ 0, got ${tokens}`);
  if (!Number.isInteger(experts) || experts < 1) throw new ArgumentError(op, `experts must be an integer ≥ 1, got ${experts}`);
  if (!Number.isFinite(capacityFactor) || capacityFactor < 0) {
    throw new ArgumentError(op, `capacityFactor must be a finite number ≥ 0, got ${capacityFactor}`);
  }
  return Math.min(tokens, Math.floor((tokens * capacityFactor) / experts));
}

/** The outcome of dispatching T tokens with k choices each to E experts of capacity C. */
export interface Dispatch {
  /** C, the slots per expert. */
  capacity: number;
  /** T×k: whether the token's r-th choice got a slot. */
  kept: boolean[][];
  /** T×k: the slot (0 … C−1) in the chosen expert's buffer, or −1 when dropped. */
  slot: number[][];
  /** E: assignments each expert accepted (≤ C). */
  load: number[];
  /** E: assignments each expert was asked for, before capacity. */
  demand: number[];
  /** Tokens none of whose choices got a slot (they pass through on the residual path), ascending. */
  dropped: number[];
}

/**
 * Dispatches tokens to experts under a capacity limit. `indices` is T×k (e.g. topKGating's indices),
 * choice r of token t is served before choice r+1 of any token, and tokens in order within a rank.
 * `options.capacity` overrides C = expertCapacity(T, E, capacityFactor).
 */
export function dispatchWithCapacity(
  indices: readonly (readonly number[])[],
  experts: number,
  capacityFactor: number,
  options: { capacity?: number } = {},
): Dispatch {
  const op = 'dispatchWithCapacity';
  const tokens = indices.length;
  const capacity = options.capacity ?? expertCapacity(tokens, experts, capacityFactor);
  if (!Number.isInteger(capacity) || capacity < 0) throw new ArgumentError(op, `capacity must be an integer ≥ 0, got ${capacity}`);
  const k = tokens === 0 ? 0 : indices[0]!.length;
  for (let t = 0; t < tokens; t++) {
    const row = indices[t]!;
    if (row.length !== k) throw new ArgumentError(op, `token ${t} has ${row.length} choices but token 0 has ${k}`);
    for (const e of row) {
      if (!Number.isInteger(e) || e < 0 || e >= experts) throw new ArgumentError(op, `token ${t} chose expert ${e}, outside [0, ${experts})`);
    }
  }
  const load = new Array<number>(experts).fill(0); // E
  const demand = new Array<number>(experts).fill(0); // E
  const kept = indices.map((row) => row.map(() => false)); // T×k
  const slot = indices.map((row) => row.map(() => -1)); // T×k
  for (let r = 0; r < k; r++) {
    for (let t = 0; t < tokens; t++) {
      const e = indices[t]![r]!;
      demand[e]!++;
      if (load[e]! < capacity) {
        slot[t]![r] = load[e]!;
        kept[t]![r] = true;
        load[e]!++;
      }
    }
  }
  const dropped: number[] = [];
  for (let t = 0; t < tokens; t++) if (k > 0 && !kept[t]!.some(Boolean)) dropped.push(t);
  return { capacity, kept, slot, load, demand, dropped };
}

/**
 * Parameters held against parameters used per token by one MoE feed-forward layer of E experts,
 * each a two-matrix FFN (d_model×d_ff and d_ff×d_model, no biases, as in T5/Switch), plus the router
 * (d_model×E). A token visits k experts (Switch: k = 1; GShard: k = 2).
 *
 *   held = E·2·d_model·d_ff + d_model·E,     used per token = k·2·d_model·d_ff + d_model·E
 */
export function moeParameterCounts(p: { dModel: number; dFF: number; experts: number; k: number }): {
  held: number;
  usedPerToken: number;
  denseEquivalent: number;
} {
  const op = 'moeParameterCounts';
  for (const [name, value] of Object.entries(p)) {
    if (!Number.isInteger(value) || value < 1) throw new ArgumentError(op, `${name} must be an integer ≥ 1, got ${value}`);
  }
  if (p.k > p.experts) throw new ArgumentError(op, `k = ${p.k} exceeds experts = ${p.experts}`);
  const expert = 2 * p.dModel * p.dFF; // one FFN: W_in d_model×d_ff and W_out d_ff×d_model
  const router = p.dModel * p.experts; // W_r d_model×E
  return { held: p.experts * expert + router, usedPerToken: p.k * expert + router, denseEquivalent: expert };
}
