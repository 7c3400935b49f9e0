/**
 * Grouped-query attention (GQA), with multi-query attention (MQA) as its one-group case.
 *
 * Ainslie, Lee-Thorp, de Jong, Zemlyanskiy, Lebrón & Sanghai (2023), "GQA: Training Generalized
 * Multi-Query Transformer Models from Multi-Head Checkpoints", arXiv:2305.13245, Section 2.2; and
 * Shazeer (2019), "Fast Transformer Decoding: One Write-Head is All You Need", arXiv:1911.02150.
 * The heads are those of Vaswani et al. (2017), arXiv:1706.03762, Section 3.2.2:
 *
 *     Q = X W^Q  (n×(h·d_k)),   K = X W^K,  V = X W^V  (n×(g·d_k) each)
 *     head_a = Attention(Q_a, K_⌊a/(h/g)⌋, V_⌊a/(h/g)⌋)  with scale 1/√d_k
 *     output = Concat(head_1, …, head_h) W^O           (n×d_model)
 *
 * where d_k = d_model / h, g = kvHeads divides h, and Q_a is columns [a·d_k, (a+1)·d_k) of Q (K_b and
 * V_b likewise). Every group of h/g consecutive query heads shares one key/value head, so a decoder
 * caches g instead of h key/value heads. g = h is multi-head attention (the same kernel, the same bits);
 * g = 1 is multi-query attention. Row-vector convention, weights stored in×out, no biases.
 */
import { ArgumentError, ShapeError } from './errors.ts';
import { assertFinite, concatCols, matmul, shape, sliceCols, type Matrix } from './matrix.ts';
import { scaledDotProductAttention, scaledDotProductAttentionNaive, type AttentionOptions, type AttentionResult } from './scaled-dot-product-attention.ts';
import { assertMask } from './softmax.ts';

/** The four projections: wq d_model×(h·d_k), wk and wv d_model×(g·d_k), wo (h·d_k)×d_model. */
export interface GroupedQueryWeights {
  readonly wq: Matrix;
  readonly wk: Matrix;
  readonly wv: Matrix;
  readonly wo: Matrix;
}

/** Options of grouped-query attention. */
export interface GroupedQueryOptions {
  /** Number of query heads h; must divide d_model. */
  readonly heads: number;
  /** Number of key/value heads g; must divide h. g = h is MHA, g = 1 is MQA. */
  readonly kvHeads: number;
  /** Causal (decoder) self-attention: position i sees positions 0…i only. */
  readonly causal?: boolean | undefined;
  /** n×n, 1 = may attend, 0 = masked; the same rules as scaledDotProductAttention's mask. */
  readonly mask?: Matrix | undefined;
}

/** What grouped-query attention returns. */
export interface GroupedQueryResult {
  /** n×d_model: Concat(head_1 … head_h) W^O. */
  readonly output: Matrix;
  /** h matrices, each n×n: the attention weights of each query head. */
  readonly headWeights: Matrix[];
}

/** Grouped-query self-attention of x (n×d_model) with h query heads sharing g = kvHeads key/value heads. */
export function groupedQueryAttention(x: Matrix, w: GroupedQueryWeights, options: GroupedQueryOptions): GroupedQueryResult {
  return grouped(x, w, options, scaledDotProductAttention);
}

/**
 * The reference: the same heads, each computed by scaledDotProductAttentionNaive (plain loops).
 * Same semantics and errors as groupedQueryAttention; for tests and benchmarks, not for demos.
 */
export function groupedQueryAttentionNaive(x: Matrix, w: GroupedQueryWeights, options: GroupedQueryOptions): GroupedQueryResult {
  return grouped(x, w, options, scaledDotProductAttentionNaive);
}

type Attend = (q: Matrix, k: Matrix, v: Matrix, options: AttentionOptions) => AttentionResult;

/** Checks, projects, runs `attend` once per query head on its shared key/value head, concatenates. */
function grouped(x: Matrix, w: GroupedQueryWeights, options: GroupedQueryOptions, attend: Attend): GroupedQueryResult {
  const op = 'groupedQueryAttention';
  const heads = options.heads, kvHeads = options.kvHeads;
  const dModel = x.cols;
  if (!Number.isInteger(heads) || heads < 1) {
    throw new ArgumentError(op, `heads is ${heads}; it must be a positive integer (x is ${shape(x)})`);
  }
  if (!Number.isInteger(kvHeads) || kvHeads < 1) {
    throw new ArgumentError(op, `kvHeads is ${kvHeads}; it must be a positive integer (x is ${shape(x)})`);
  }
  if (heads % kvHeads !== 0) {
    throw new ArgumentError(op, `kvHeads = ${kvHeads} does not divide heads = ${heads}; each key/value head must serve a whole group of query heads`);
  }
  if (dModel % heads !== 0) {
    throw new ShapeError(op, `${heads} heads do not divide d_model = ${dModel} (x is ${shape(x)})`);
  }
  const dk = dModel / heads;
  const expected = [
    ['wq', w.wq, dModel, heads * dk],
    ['wk', w.wk, dModel, kvHeads * dk],
    ['wv', w.wv, dModel, kvHeads * dk],
    ['wo', w.wo, heads * dk, dModel],
  ] as const;
  for (const [name, m, rows, cols] of expected) {
    if (m.rows !== rows || m.cols !== cols) {
      throw new ShapeError(op, `${name} is ${shape(m)} but must be ${rows}×${cols} (x is ${shape(x)}, ${heads} heads, ${kvHeads} kvHeads, d_k = ${dk})`);
    }
  }
  if (options.mask !== undefined) assertMask(op, options.mask, x.rows, x.rows);
  assertFinite(op, 'x', x);
  assertFinite(op, 'wq', w.wq);
  assertFinite(op, 'wk', w.wk);
  assertFinite(op, 'wv', w.wv);
  assertFinite(op, 'wo', w.wo);
  const q = matmul(x, w.wq); // n×(h·d_k)
  const k = matmul(x, w.wk); // n×(g·d_k)
  const v = matmul(x, w.wv); // n×(g·d_k)
  const group = heads / kvHeads; // query heads per key/value head
  const ks: Matrix[] = [], vs: Matrix[] = [];
  for (let b = 0; b < kvHeads; b++) {
    ks.push(sliceCols(k, b * dk, (b + 1) * dk)); // n×d_k
    vs.push(sliceCols(v, b * dk, (b + 1) * dk)); // n×d_v
  }
  const outputs: Matrix[] = [];
  const headWeights: Matrix[] = [];
  for (let a = 0; a < heads; a++) {
    const b = Math.floor(a / group); // the key/value head of query head a
    const qa = sliceCols(q, a * dk, (a + 1) * dk); // n×d_k
    const head = attend(qa, ks[b]!, vs[b]!, { causal: options.causal === true, mask: options.mask }); // scale 1/√d_k
    outputs.push(head.output); // n×d_v
    headWeights.push(head.weights); // n×n
  }
  const concat = concatCols(outputs); // n×(h·d_v)
  const output = matmul(concat, w.wo); // n×d_model
  return { output, headWeights };
}
