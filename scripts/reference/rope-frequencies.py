"""Reference values for src/compute/rope-frequencies.ts.

Regenerate: python3 scripts/reference/rope-frequencies.py
Writes tests/fixtures/reference/rope-frequencies.json.

Su et al. (2021), arXiv:2104.09864, Eq. (15): theta_i = base^(-2i/d), i = 0 .. d/2 - 1 (0-based).
Linear scaling (Chen et al. 2023, arXiv:2306.15595) divides every theta by the factor s; NTK-aware
scaling replaces base by base * s^(d/(d-2)). Computed as exp(-2i/d * log(base)) in 60-digit decimals.
"""
from decimal import Decimal, getcontext

import numpy as np

from _attention_reference import vec, write

getcontext().prec = 60


def thetas_decimal(dim, base, scaling):
    b = Decimal(base)
    s = Decimal(1)
    if scaling is not None:
        f = Decimal(repr(scaling['factor']))
        if scaling['type'] == 'linear':
            s = f
        else:
            b = b * (f.ln() * Decimal(dim) / Decimal(dim - 2)).exp()
    return [float((Decimal(-2 * i) / Decimal(dim) * b.ln()).exp() / s) for i in range(dim // 2)]


def main():
    cases = []
    for dim, base, scaling in [(8, 10000, None), (64, 10000, None), (128, 500000, None), (16, 10000, {'type': 'linear', 'factor': 4}),
                               (64, 10000, {'type': 'linear', 'factor': 2.5}), (16, 10000, {'type': 'ntk', 'factor': 4}),
                               (128, 10000, {'type': 'ntk', 'factor': 8}), (32, 1000, {'type': 'ntk', 'factor': 0.5})]:
        theta = thetas_decimal(dim, base, scaling)
        b = base if scaling is None or scaling['type'] == 'linear' else base * scaling['factor'] ** (dim / (dim - 2))
        s = scaling['factor'] if scaling is not None and scaling['type'] == 'linear' else 1
        assert np.allclose(theta, b ** (-2 * np.arange(dim // 2) / dim) / s, rtol=1e-12, atol=0)
        name = f'd={dim} base={base}' + ('' if scaling is None else f" {scaling['type']} x{scaling['factor']}")
        inputs = {'dim': dim, 'base': base}
        if scaling is not None:
            inputs['scaling'] = scaling
        cases.append({'name': name, 'inputs': inputs, 'expected': {'theta': vec(theta)}})
    write('rope-frequencies', cases, 'theta_i = base^(-2i/d) / s (linear) or with base * s^(d/(d-2)) (ntk)')


if __name__ == '__main__':
    main()
