"""Reference values for src/compute/multi-head-attention.ts.

Regenerate: python3 scripts/reference/multi-head-attention.py
Writes tests/fixtures/reference/multi-head-attention.json.

Vaswani et al. (2017), arXiv:1706.03762, Section 3.2.2, as the module documents it: Q = X Wq,
K = X Wk, V = X Wv (row vectors, weights in x out, no biases); head a uses columns
[a*dk, (a+1)*dk) with dk = d_model / h and scale 1/sqrt(dk); output = concat(heads) Wo.
This version reshapes to an (h, n, dk) tensor and uses batched einsum, unlike the TypeScript.
"""
import numpy as np

from _attention_reference import mat, rng, write


def mha(x, wq, wk, wv, wo, heads, causal=False):
    n, d_model = x.shape
    dk = d_model // heads
    split = lambda m: m.reshape(n, heads, dk).transpose(1, 0, 2)  # (h, n, dk)
    q, k, v = split(x @ wq), split(x @ wk), split(x @ wv)
    s = np.einsum('hid,hjd->hij', q, k) / np.sqrt(dk)
    if causal:
        s = np.where(np.tril(np.ones((n, n), dtype=bool)), s, -np.inf)
    s = s - s.max(axis=2, keepdims=True)
    e = np.exp(s)
    w = e / e.sum(axis=2, keepdims=True)
    heads_out = np.einsum('hij,hjd->hid', w, v)  # (h, n, dk)
    concat = heads_out.transpose(1, 0, 2).reshape(n, d_model)
    return concat @ wo, concat, w


def main():
    g = rng(2017)
    cases = []
    for n, d_model, heads, causal in [(4, 4, 2, False), (5, 6, 3, True), (7, 8, 4, False), (3, 8, 1, True), (6, 8, 8, True)]:
        x = g.standard_normal((n, d_model))
        ws = [g.standard_normal((d_model, d_model)) / np.sqrt(d_model) for _ in range(4)]
        out, concat, w = mha(x, *ws, heads, causal)
        cases.append({
            'name': f'n={n} d_model={d_model} h={heads}' + (' causal' if causal else ''),
            'inputs': {'x': mat(x), 'wq': mat(ws[0]), 'wk': mat(ws[1]), 'wv': mat(ws[2]), 'wo': mat(ws[3]),
                       'heads': heads, 'causal': causal},
            'expected': {'output': mat(out), 'concat': mat(concat), 'headWeights': [mat(w[a]) for a in range(heads)]},
        })
    write('multi-head-attention', cases, 'concat_a softmax(Q_a K_a^T / sqrt(dk)) V_a, times Wo')


if __name__ == '__main__':
    main()
