"""Reference values for src/compute/swiglu.ts.

Regenerate: python3 scripts/reference/swiglu.py
Writes tests/fixtures/reference/swiglu.json.

Shazeer (2020), arXiv:2002.05202, Eq. (6) with Swish_1 = SiLU: (SiLU(x W1) * (x W3)) W2, where
SiLU(z) = z * sigmoid(z). Here sigmoid is written as (1 + tanh(z/2)) / 2, a different formula from
the TypeScript's, and checked against 60-digit decimals.
"""
from decimal import Decimal, getcontext

import numpy as np

from _attention_reference import mat, rng, write

getcontext().prec = 60


def swiglu(x, w1, w3, w2):
    z = x @ w1
    return (z * (1 + np.tanh(z / 2)) / 2 * (x @ w3)) @ w2


def swiglu_decimal(x, w1, w3, w2):
    D = lambda a: [[Decimal(float(v)) for v in row] for row in a]
    xd, w1d, w3d, w2d = D(x), D(w1), D(w3), D(w2)
    n, d, f = len(xd), len(w1d), len(w1d[0])
    out = np.empty((n, len(w2d[0])))
    for i in range(n):
        h = []
        for j in range(f):
            z = sum(xd[i][p] * w1d[p][j] for p in range(d))
            u = sum(xd[i][p] * w3d[p][j] for p in range(d))
            h.append(z / (1 + (-z).exp()) * u)
        for c in range(len(w2d[0])):
            out[i, c] = float(sum(h[j] * w2d[j][c] for j in range(f)))
    return out


def main():
    g = rng(2002)
    cases = []
    for name, n, d, f, scale in [('n=3 d=4 f=8', 3, 4, 8, 1.0), ('n=5 d=6 f=16', 5, 6, 16, 1.0), ('large gate values', 2, 3, 5, 30.0),
                                 ('n=1 d=8 f=4', 1, 8, 4, 1.0)]:
        x = scale * g.standard_normal((n, d))
        w1, w3 = g.standard_normal((d, f)) / np.sqrt(d), g.standard_normal((d, f)) / np.sqrt(d)
        w2 = g.standard_normal((f, d)) / np.sqrt(f)
        y = swiglu_decimal(x, w1, w3, w2)
        assert np.allclose(y, swiglu(x, w1, w3, w2), rtol=1e-10, atol=1e-12), name
        cases.append({'name': name, 'inputs': {'x': mat(x), 'w1': mat(w1), 'w3': mat(w3), 'w2': mat(w2)}, 'expected': {'y': mat(y)}})
    write('swiglu', cases, '(silu(x W1) * (x W3)) W2, silu(z) = z sigmoid(z)')


if __name__ == '__main__':
    main()
