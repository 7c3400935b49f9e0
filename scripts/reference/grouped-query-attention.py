"""Reference values for src/compute/grouped-query-attention.ts.

Regenerate: python3 scripts/reference/grouped-query-attention.py
Writes tests/fixtures/reference/grouped-query-attention.json.

Ainslie et al. (2023), arXiv:2305.13245, Section 2.2, as the module documents it: Q = X Wq (h heads),
K = X Wk and V = X Wv (g key/value heads), dk = d_model / h, scale 1/sqrt(dk); query head a uses
key/value head a // (h / g); output = concat(heads) Wo. This version repeats each key/value head
h/g times with np.repeat into an (h, n, dk) tensor and uses batched einsum, unlike the TypeScript.
"""
import numpy as np

from _attention_reference import mat, rng, write


def gqa(x, wq, wk, wv, wo, heads, kv_heads, causal=False):
    n, d_model = x.shape
    dk = d_model // heads
    q = (x @ wq).reshape(n, heads, dk).transpose(1, 0, 2)  # (h, n, dk)
    k = (x @ wk).reshape(n, kv_heads, dk).transpose(1, 0, 2)  # (g, n, dk)
    v = (x @ wv).reshape(n, kv_heads, dk).transpose(1, 0, 2)
    k = np.repeat(k, heads // kv_heads, axis=0)  # (h, n, dk): head a gets k[a // (h/g)]
    v = np.repeat(v, heads // kv_heads, axis=0)
    s = np.einsum('hid,hjd->hij', q, k) / np.sqrt(dk)
    if causal:
        s = np.where(np.tril(np.ones((n, n), dtype=bool)), s, -np.inf)
    s = s - s.max(axis=2, keepdims=True)
    e = np.exp(s)
    w = e / e.sum(axis=2, keepdims=True)
    out = np.einsum('hij,hjd->hid', w, v).transpose(1, 0, 2).reshape(n, heads * dk)
    return out @ wo, w


def main():
    g = rng(2305)
    cases = []
    for n, d_model, heads, kv_heads, causal in [(4, 8, 4, 1, False), (5, 8, 4, 2, True), (6, 12, 6, 3, False), (3, 6, 2, 2, True), (7, 16, 8, 1, True)]:
        dk = d_model // heads
        x = g.standard_normal((n, d_model))
        wq = g.standard_normal((d_model, heads * dk)) / np.sqrt(d_model)
        wk = g.standard_normal((d_model, kv_heads * dk)) / np.sqrt(d_model)
        wv = g.standard_normal((d_model, kv_heads * dk)) / np.sqrt(d_model)
        wo = g.standard_normal((heads * dk, d_model)) / np.sqrt(d_model)
        out, w = gqa(x, wq, wk, wv, wo, heads, kv_heads, causal)
        cases.append({
            'name': f'n={n} d_model={d_model} h={heads} g={kv_heads}' + (' causal' if causal else ''),
            'inputs': {'x': mat(x), 'wq': mat(wq), 'wk': mat(wk), 'wv': mat(wv), 'wo': mat(wo),
                       'heads': heads, 'kvHeads': kv_heads, 'causal': causal},
            'expected': {'output': mat(out), 'headWeights': [mat(w[a]) for a in range(heads)]},
        })
    write('grouped-query-attention', cases, 'concat_a softmax(Q_a K_{a//(h/g)}^T / sqrt(dk)) V_{a//(h/g)}, times Wo')


if __name__ == '__main__':
    main()
