"""Reference values for src/compute/layer-norm.ts.

Regenerate: python3 scripts/reference/layer-norm.py
Writes tests/fixtures/reference/layer-norm.json.

Ba, Kiros & Hinton (2016), arXiv:1607.06450: y = gamma * (x - mean) / sqrt(var + eps) + beta with the
biased variance. Ordinary rows use NumPy (np.mean / np.var, which subtracts the mean first); every
row is also recomputed exactly in rational arithmetic (fractions.Fraction) with a 60-digit decimal
square root, and the script asserts both agree, so the ill-conditioned rows (1e5 + tiny noise) have
a trustworthy expected value.
"""
from decimal import Decimal, getcontext
from fractions import Fraction

import numpy as np

from _attention_reference import mat, rng, vec, write

getcontext().prec = 60


def layer_norm_numpy(x, gamma, beta, eps):
    mu = x.mean(axis=1, keepdims=True)
    var = x.var(axis=1, keepdims=True)
    return gamma * (x - mu) / np.sqrt(var + eps) + beta


def layer_norm_exact(x, gamma, beta, eps):
    out = np.empty_like(x)
    for r, row in enumerate(x):
        fr = [Fraction(float(v)) for v in row]
        mu = sum(fr) / len(fr)
        var = sum((v - mu) ** 2 for v in fr) / len(fr)
        denom = (Decimal(var.numerator) / Decimal(var.denominator) + Decimal(float(eps))).sqrt()
        for i, v in enumerate(fr):
            dev = v - mu
            z = Decimal(dev.numerator) / Decimal(dev.denominator) / denom
            out[r, i] = float(Decimal(float(gamma[i])) * z + Decimal(float(beta[i])))
    return out


def main():
    g = rng(1607)
    cases = []
    specs = [
        ('random 4x6', g.standard_normal((4, 6)), 1e-5),
        ('random 3x8, eps 1e-3', g.standard_normal((3, 8)) * 3 + 1, 1e-3),
        ('rows 1e5 + small noise', 1e5 + 1e-3 * g.standard_normal((3, 16)), 1e-5),
        ('rows 1e8 + noise 1e-2', 1e8 + 1e-2 * g.standard_normal((2, 32)), 1e-5),
        ('tiny values near eps', 1e-3 * g.standard_normal((2, 5)), 1e-5),
    ]
    for name, x, eps in specs:
        d = x.shape[1]
        gamma, beta = 1 + 0.1 * g.standard_normal(d), 0.1 * g.standard_normal(d)
        exact = layer_norm_exact(x, gamma, beta, eps)
        approx = layer_norm_numpy(x, gamma, beta, eps)
        assert np.allclose(exact, approx, rtol=1e-4, atol=1e-9), name  # NumPy's float64 mean loses digits on 1e8 + noise
        cases.append({'name': name, 'inputs': {'x': mat(x), 'gamma': vec(gamma), 'beta': vec(beta), 'eps': eps},
                      'expected': {'y': mat(exact)}})
    write('layer-norm', cases, 'gamma*(x-mean)/sqrt(var+eps)+beta; exact rational mean/variance')


if __name__ == '__main__':
    main()
