/**
 * Multi-head self-attention.
 *
 * Vaswani, Shazeer, Parmar, Uszkoreit, Jones, Gomez, Kaiser & Polosukhin (2017),
 * "Attention Is All You Need", arXiv:1706.03762, Section 3.2.2:
 *
 *     MultiHead(Q, K, V) = Concat(head_1, …, head_h) W^O
 *     head_a = Attention(Q W_a^Q, K W_a^K, V W_a^V)
 *
 * implemented as self-attention on one input X (n×d_model), in the row-vector convention with
 * weights stored in×out and no biases:
 *
 *     Q = X W^Q,  K = X W^K,  V = X W^V                       (each n×d_model)
 *     head_a = Attention(Q_a, K_a, V_a)  with scale 1/√d_k     (Q_a = columns [a·d_k, (a+1)·d_k) of Q)
 *                                     and the optional causal limit and n×n mask of every head
 *     output = Concat(head_1, …, head_h) W^O                   (n×d_model)
 *
 * where d_k = d_v = d_model / h. Splitting the columns of one d_model×d_model matrix W^Q into h
 * contiguous blocks is the same as the paper's h separate d_model×d_k matrices W_a^Q.
 */
import { ArgumentError, ShapeError } from './errors.ts';
import { assertFinite, concatCols, matmul, shape, sliceCols, type Matrix } from './matrix.ts';
import { scaledDotProductAttention } from './scaled-dot-product-attention.ts';
import { assertMask } from './softmax.ts';

/** The four projections of multi-head attention, each d_model×d_model (in×out). */
export interface MultiHeadWeights {
  readonly wq: Matrix;
  readonly wk: Matrix;
  readonly wv: Matrix;
  readonly wo: Matrix;
}

/** Options of multi-head attention. */
export interface MultiHeadOptions {
  /** Number of heads h; must divide d_model. */
  readonly heads: number;
  /** Causal (decoder) self-attention: position i sees positions 0…i only. */
  readonly causal?: boolean | undefined;
  /**
   * n×n, 1 = may attend, 0 = masked, applied to every head with the rules of scaledDotProductAttention
   * (combined with causal when both are given; a fully masked row gives weights and output 0).
   */
  readonly mask?: Matrix | undefined;
}

/** What multi-head attention returns. */
export interface MultiHeadResult {
  /** n×d_model: Concat(head_1 … head_h) W^O. */
  readonly output: Matrix;
  /** n×d_model: the head outputs side by side, in head order, before W^O. */
  readonly concat: Matrix;
  /** h matrices, each n×n: the attention weights of each head. */
  readonly headWeights: Matrix[];
}

/** Multi-head self-attention of x (n×d_model) with h = options.heads heads. */
export function multiHeadAttention(x: Matrix, w: MultiHeadWeights, options: MultiHeadOptions): MultiHeadResult {
  const op = 'multiHeadAttention';
  const heads = options.heads;
  const dModel = x.cols;
  if (!Number.isInteger(heads) || heads < 1) {
    throw new ArgumentError(op, `heads is ${heads}; it must be a positive integer (x is ${shape(x)})`);
  }
  if (dModel % heads !== 0) {
    throw new ShapeError(op, `${heads} heads do not divide d_model = ${dModel} (x is ${shape(x)})`);
  }
  for (const [name, m] of [['wq', w.wq], ['wk', w.wk], ['wv', w.wv], ['wo', w.wo]] as const) {
    if (m.rows !== dModel || m.cols !== dModel) {
      throw new ShapeError(op, `${name} is ${shape(m)} but x is ${shape(x)}; ${name} must be ${dModel}×${dModel} (d_model×d_model)`);
    }
  }
  if (options.mask !== undefined) assertMask(op, options.mask, x.rows, x.rows);
  assertFinite(op, 'x', x);
  assertFinite(op, 'wq', w.wq);
  assertFinite(op, 'wk', w.wk);
  assertFinite(op, 'wv', w.wv);
  assertFinite(op, 'wo', w.wo);
  const dk = dModel / heads;
  const q = matmul(x, w.wq); // n×d_model
  const k = matmul(x, w.wk); // n×d_model
  const v = matmul(x, w.wv); // n×d_model
  const outputs: Matrix[] = [];
  const headWeights: Matrix[] = [];
  for (let a = 0; a < heads; a++) {
    const qa = sliceCols(q, a * dk, (a + 1) * dk); // n×d_k
    const ka = sliceCols(k, a * dk, (a + 1) * dk); // n×d_k
    const va = sliceCols(v, a * dk, (a + 1) * dk); // n×d_v
    const head = scaledDotProductAttention(qa, ka, va, { causal: options.causal === true, mask: options.mask }); // scale 1/√d_k
    outputs.push(head.output); // n×d_v
    headWeights.push(head.weights); // n×n
  }
  const concat = concatCols(outputs); // n×(h·d_v) = n×d_model
  const output = matmul(concat, w.wo); // n×d_model
  return { output, concat, headWeights };
}
