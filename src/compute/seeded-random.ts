/**
 * A small seeded pseudo-random generator, so that every random feature map, projection and noising
 * scheme in src/compute is reproducible from one integer seed (a demo's "re-roll" button bumps it).
 *
 * - Uniforms: mulberry32 (Tommy Ettinger, 2017; public domain), a 32-bit state generator with
 *   period 2³². Each call advances the state by the Weyl constant 0x6D2B79F5 and mixes it:
 *     a ← a + 0x6D2B79F5 (mod 2³²)
 *     t ← (a ⊕ (a ≫ 15)) · (a | 1);   t ← t ⊕ (t + (t ⊕ (t ≫ 7)) · (t | 61));   u = (t ⊕ (t ≫ 14)) / 2³²
 *   It is not cryptographic, but passes the statistical tests that matter for a teaching site and
 *   is short enough to mirror bit for bit in scripts/reference/*.py.
 * - Normals: the Box–Muller transform (Box & Muller, 1958), z₀ = √(−2 ln u₁)·cos(2πu₂),
 *   z₁ = √(−2 ln u₁)·sin(2πu₂); both values are used, in that order.
 * - Poisson: Knuth's multiplication method, k = min{k : Π_{i≤k+1} u_i ≤ e^{−λ}} (TAOCP vol. 2, 3.4.1).
 * - Orthonormal rows: modified Gram–Schmidt on the rows of a Gaussian matrix.
 *
 * The order in which values are drawn is part of the contract (the Python mirror depends on it).
 */
import { ArgumentError } from './errors.ts';

/** A stream of pseudo-random numbers drawn from one seed. */
export interface SeededRandom {
  /** A uniform number in [0, 1): one mulberry32 step. */
  next(): number;
  /** A standard normal N(0, 1) by Box–Muller (two uniforms give two normals; the second is cached). */
  normal(): number;
  /** A uniform integer in [0, n): ⌊next()·n⌋. */
  integer(n: number): number;
  /** A Poisson(λ) count by Knuth's method (fine for the small λ used here, e.g. BART's λ = 3). */
  poisson(lambda: number): number;
}

/** Checks that a seed is a safe integer; it is reduced to 32 bits (seed mod 2³²). */
export function assertSeed(operation: string, seed: number): void {
  if (!Number.isSafeInteger(seed)) {
    throw new ArgumentError(operation, `seed must be an integer, got ${seed}`);
  }
}

/** The mulberry32 uniform generator for a 32-bit seed: returns a function giving numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0; // 32-bit state
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded stream of uniforms, normals, integers and Poisson counts. */
export function seededRandom(seed: number): SeededRandom {
  assertSeed('seededRandom', seed);
  const uniform = mulberry32(seed);
  let spare: number | null = null; // the cached sine half of the last Box–Muller pair
  return {
    next: uniform,
    normal(): number {
      if (spare !== null) {
        const z = spare;
        spare = null;
        return z;
      }
      const u1 = uniform();
      const u2 = uniform();
      const r = Math.sqrt(-2 * Math.log(1 - u1)); // 1 − u1 ∈ (0, 1], so the log is finite
      spare = r * Math.sin(2 * Math.PI * u2);
      return r * Math.cos(2 * Math.PI * u2);
    },
    integer(n: number): number {
      if (!Number.isInteger(n) || n <= 0) throw new ArgumentError('seededRandom.integer', `n must be a positive integer, got ${n}`);
      return Math.floor(uniform() * n);
    },
    poisson(lambda: number): number {
      if (!Number.isFinite(lambda) || lambda < 0 || lambda > 500) {
        throw new ArgumentError('seededRandom.poisson', `λ must be in [0, 500], got ${lambda}`);
      }
      const limit = Math.exp(-lambda);
      let k = 0;
      let p = uniform();
      while (p > limit) {
        k++;
        p *= uniform();
      }
      return k;
    },
  };
}

/**
 * Fisher–Yates shuffle of a copy of `items` (Durstenfeld's form): for i = n−1 … 1, swap i with a
 * uniform j ∈ [0, i]. Every permutation is equally likely.
 */
export function shuffled<T>(items: readonly T[], random: SeededRandom): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.integer(i + 1);
    const tmp = out[i]!;
    out[i] = out[j]!;
    out[j] = tmp;
  }
  return out;
}

/**
 * Orthonormalises the rows of a rows×cols block in place by modified Gram–Schmidt
 * (rows ≤ cols): row r ← (row r − Σ_{s<r} ⟨row r, q_s⟩ q_s) / ‖·‖.
 */
export function gramSchmidtRows(data: Float64Array, rows: number, cols: number): void {
  if (rows > cols) throw new ArgumentError('gramSchmidtRows', `cannot orthonormalise ${rows} rows of length ${cols}`);
  for (let r = 0; r < rows; r++) {
    const ro = r * cols;
    for (let s = 0; s < r; s++) {
      const so = s * cols;
      let dot = 0;
      for (let c = 0; c < cols; c++) dot += data[ro + c]! * data[so + c]!; // ⟨row r, q_s⟩
      for (let c = 0; c < cols; c++) data[ro + c]! -= dot * data[so + c]!;
    }
    let norm = 0;
    for (let c = 0; c < cols; c++) norm += data[ro + c]! * data[ro + c]!;
    norm = Math.sqrt(norm);
    if (!(norm > 1e-12)) throw new ArgumentError('gramSchmidtRows', `row ${r} is linearly dependent on the rows before it`);
    for (let c = 0; c < cols; c++) data[ro + c]! /= norm;
  }
}

/** Rounds half to even, as Python's round() and tf.round do (the BERT and T5 reference code rely on it). */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}
