"""Reference values for src/compute/rms-norm.ts.

Regenerate: python3 scripts/reference/rms-norm.py
Writes tests/fixtures/reference/rms-norm.json.

Zhang & Sennrich (2019), arXiv:1910.07467, Eq. (4) with eps inside the root:
y = x / sqrt(mean(x^2) + eps) * gamma, computed with NumPy and checked against 60-digit decimals.
"""
from decimal import Decimal, getcontext

import numpy as np

from _attention_reference import mat, rng, vec, write

getcontext().prec = 60


def rms_norm(x, gamma, eps):
    return x / np.sqrt(np.mean(x * x, axis=1, keepdims=True) + eps) * gamma


def rms_norm_decimal(x, gamma, eps):
    out = np.empty_like(x)
    for r, row in enumerate(x):
        dr = [Decimal(float(v)) for v in row]
        rms = (sum(v * v for v in dr) / len(dr) + Decimal(float(eps))).sqrt()
        for i, v in enumerate(dr):
            out[r, i] = float(v / rms * Decimal(float(gamma[i])))
    return out


def main():
    g = rng(1910)
    cases = []
    for name, x, eps in [('random 4x6', g.standard_normal((4, 6)), 1e-6), ('offset rows 3x8, eps 1e-2', 5 + g.standard_normal((3, 8)), 1e-2),
                         ('large rows 1e5', 1e5 * g.standard_normal((2, 16)), 1e-6), ('tiny values near eps', 1e-4 * g.standard_normal((2, 5)), 1e-6)]:
        gamma = 1 + 0.1 * g.standard_normal(x.shape[1])
        y = rms_norm_decimal(x, gamma, eps)
        assert np.allclose(y, rms_norm(x, gamma, eps), rtol=1e-12, atol=0), name
        cases.append({'name': name, 'inputs': {'x': mat(x), 'gamma': vec(gamma), 'eps': eps}, 'expected': {'y': mat(y)}})
    write('rms-norm', cases, 'x / sqrt(mean(x^2) + eps) * gamma')


if __name__ == '__main__':
    main()
