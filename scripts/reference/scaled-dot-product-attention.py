"""Reference values for src/compute/scaled-dot-product-attention.ts.

Regenerate: python3 scripts/reference/scaled-dot-product-attention.py
Writes tests/fixtures/reference/scaled-dot-product-attention.json.

Vaswani et al. (2017), arXiv:1706.03762, Eq. (1), with the module's documented extensions:
S = scale * Q K^T + B; entries with mask == 0 or (causal and j > i) are excluded; W = softmax(S)
over the allowed entries with the row maximum subtracted; a row with nothing allowed is 0; O = W V.
Implemented here with whole-array NumPy operations (np.where masks), independently of the
TypeScript loops.
"""
import numpy as np

from _attention_reference import mat, rng, write


def attention(q, k, v, scale=None, bias=None, mask=None, causal=False):
    n, d = q.shape
    m = k.shape[0]
    if scale is None:
        scale = 1.0 / np.sqrt(d)
    s = scale * (q @ k.T)
    if bias is not None:
        s = s + bias
    allowed = np.ones((n, m), dtype=bool)
    if mask is not None:
        allowed &= mask != 0
    if causal:
        allowed &= np.tril(np.ones((n, m), dtype=bool))
    row_max = np.max(np.where(allowed, s, -np.inf), axis=1, keepdims=True)
    row_max = np.where(np.isfinite(row_max), row_max, 0.0)  # fully masked rows: any shift works
    e = np.where(allowed, np.exp(np.where(allowed, s - row_max, 0.0)), 0.0)
    total = e.sum(axis=1, keepdims=True)
    w = np.divide(e, total, out=np.zeros_like(e), where=total > 0)
    return w @ v, w


def case(name, q, k, v, **opts):
    out, w = attention(q, k, v, **opts)
    inputs = {'q': mat(q), 'k': mat(k), 'v': mat(v)}
    for key in ('bias', 'mask'):
        if opts.get(key) is not None:
            inputs[key] = mat(opts[key])
    if opts.get('scale') is not None:
        inputs['scale'] = float(opts['scale'])
    if opts.get('causal'):
        inputs['causal'] = True
    return {'name': name, 'inputs': inputs, 'expected': {'output': mat(out), 'weights': mat(w)}}


def main():
    g = rng(20171)
    cases = []
    q, k, v = g.standard_normal((3, 4)), g.standard_normal((5, 4)), g.standard_normal((5, 2))
    cases.append(case('3 queries, 5 keys, d_k 4, d_v 2', q, k, v))
    cases.append(case('explicit scale 0.3', q, k, v, scale=0.3))
    cases.append(case('temperature 2 as scale 1/(2*sqrt(4))', q, k, v, scale=1 / (2 * np.sqrt(4))))
    bias = g.standard_normal((3, 5))
    cases.append(case('additive bias', q, k, v, bias=bias))
    mask = np.array([[1, 1, 0, 1, 0], [0, 0, 0, 0, 0], [1, 0, 1, 1, 1]], dtype=float)
    cases.append(case('padding mask with a fully masked row', q, k, v, mask=mask, bias=bias))
    x = g.standard_normal((6, 8))
    wq, wk, wv = (g.standard_normal((8, 8)) / np.sqrt(8) for _ in range(3))
    cases.append(case('causal self-attention 6x8', x @ wq, x @ wk, x @ wv, causal=True))
    alibi = -0.5 * np.maximum(np.subtract.outer(np.arange(6), np.arange(6)), 0)
    cases.append(case('causal with an ALiBi-style bias and a mask', x @ wq, x @ wk, x @ wv, causal=True, bias=alibi,
                      mask=np.array([[1 if j != 2 else 0 for j in range(6)] for _ in range(6)], dtype=float)))
    big_q, big_k = 100 * g.standard_normal((4, 3)), 100 * g.standard_normal((7, 3))
    cases.append(case('logits near +-1e4', big_q, big_k, g.standard_normal((7, 5)), scale=1.0))
    q9, k9, v9 = g.standard_normal((9, 7)), g.standard_normal((11, 7)), g.standard_normal((11, 6))
    cases.append(case('odd sizes 9x7 by 11x7', q9, k9, v9))
    write('scaled-dot-product-attention', cases, 'softmax(scale*QK^T + bias, masked) V; fully masked rows are 0')


if __name__ == '__main__':
    main()
