/**
 * The rotation frequencies of RoPE, with the two common context-extension rescalings.
 *
 * Su, Lu, Pan, Murtadha, Wen & Liu (2021), "RoFormer", arXiv:2104.09864, Eq. (15):
 *
 *     θ_i = base^(−2i/d),  i = 0 … d/2 − 1  (0-based),  base = 10000
 *
 * - linear scaling (position interpolation): Chen, Wong, Chen & Tian (2023), "Extending Context
 *   Window of Large Language Models via Positional Interpolation", arXiv:2306.15595:
 *   position m becomes m/s, i.e. every θ_i is divided by the factor s;
 * - NTK-aware scaling (proposed by bloc97 in 2023; written up in Peng, Quesnelle, Fan & Shippole
 *   (2023), "YaRN: Efficient Context Window Extension of Large Language Models", arXiv:2309.00071,
 *   Section 3): the base becomes base · s^(d/(d−2)), which leaves θ_0 = 1 and divides the lowest
 *   frequency θ_{d/2−1} by exactly s.
 */
import { ArgumentError, ShapeError } from './errors.ts';

/** How to stretch RoPE to a longer context: divide all θ (linear) or raise the base (ntk). */
export interface RopeScaling {
  readonly type: 'linear' | 'ntk';
  /** The context-extension factor s > 0 (e.g. 4 to go from 2,048 to 8,192 positions). */
  readonly factor: number;
}

/** Options of ropeFrequencies. */
export interface RopeFrequencyOptions {
  /** The base of θ_i = base^(−2i/d); 10000 by default. */
  readonly base?: number | undefined;
  readonly scaling?: RopeScaling | undefined;
}

/** The d/2 frequencies θ_0 … θ_{d/2−1} of RoPE on d dimensions, optionally rescaled. */
export function ropeFrequencies(dim: number, options: RopeFrequencyOptions = {}): number[] {
  return ropeThetas('ropeFrequencies', dim, options);
}

/** ropeFrequencies, with errors naming `op` (rotaryEmbedding calls it under its own name). */
export function ropeThetas(op: string, dim: number, options: RopeFrequencyOptions): number[] {
  if (!Number.isInteger(dim) || dim < 0 || dim % 2 !== 0) {
    throw new ShapeError(op, `d = ${dim} must be an even non-negative integer: RoPE rotates pairs (2i, 2i+1)`);
  }
  let base = options.base ?? 10000;
  if (typeof base !== 'number' || !Number.isFinite(base) || base <= 0) {
    throw new ArgumentError(op, `base is ${String(base)}; it must be a positive finite number`);
  }
  const scaling = options.scaling;
  let divide = 1;
  if (scaling !== undefined) {
    const factor = scaling.factor;
    if (typeof factor !== 'number' || !Number.isFinite(factor) || factor <= 0) {
      throw new ArgumentError(op, `scaling.factor is ${String(factor)}; it must be a positive finite number (d = ${dim})`);
    }
    if (scaling.type === 'linear') divide = factor;
    else if (scaling.type === 'ntk') {
      if (dim === 2) {
        throw new ShapeError(op, `NTK scaling needs d > 2 (the exponent is d/(d−2)); d = ${dim}`);
      }
      base = base * Math.pow(factor, dim / (dim - 2)); // base · s^(d/(d−2))
    } else {
      throw new ArgumentError(op, `scaling.type is ${String(scaling.type as unknown)}; it must be 'linear' or 'ntk'`);
    }
  }
  const theta: number[] = [];
  for (let i = 0; i < dim / 2; i++) theta.push(Math.pow(base, (-2 * i) / dim) / divide); // θ_i = base^(−2i/d) / s
  return theta;
}
