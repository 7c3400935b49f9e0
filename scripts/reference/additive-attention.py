"""Reference values for src/compute/additive-attention.ts.

Regenerate: python3 scripts/reference/additive-attention.py
Writes tests/fixtures/reference/additive-attention.json.

Bahdanau, Cho & Bengio (2014), arXiv:1409.0473, Appendix A.1.2, row-vector form:
e_j = v^T tanh(s W + h_j U); weights = softmax(e); context = weights H. Computed with a
broadcast (n, m, da) tensor, unlike the TypeScript loops.
"""
import numpy as np

from _attention_reference import mat, rng, write


def additive(s, h, w, u, v):
    feats = np.tanh((s @ w)[:, None, :] + (h @ u)[None, :, :])  # (n, m, da)
    e = feats @ v[:, 0]  # (n, m)
    z = np.exp(e - e.max(axis=1, keepdims=True))
    a = z / z.sum(axis=1, keepdims=True)
    return e, a, a @ h


def main():
    g = rng(1409)
    cases = []
    for n, m, ds, dh, da in [(1, 5, 3, 4, 6), (1, 1, 2, 2, 2), (4, 6, 5, 3, 7)]:
        s, h = g.standard_normal((n, ds)), g.standard_normal((m, dh))
        w, u, v = g.standard_normal((ds, da)), g.standard_normal((dh, da)), g.standard_normal((da, 1))
        e, a, c = additive(s, h, w, u, v)
        cases.append({
            'name': f'{n} state(s), {m} annotations, d_s={ds} d_h={dh} d_a={da}',
            'inputs': {'s': mat(s), 'h': mat(h), 'w': mat(w), 'u': mat(u), 'v': mat(v)},
            'expected': {'scores': mat(e), 'weights': mat(a), 'context': mat(c)},
        })
    write('additive-attention', cases, 'e_j = v^T tanh(sW + h_j U), softmax, context = weights H')


if __name__ == '__main__':
    main()
