"""Reference values for src/compute/rotary-embedding.ts.

Regenerate: python3 scripts/reference/rotary-embedding.py
Writes tests/fixtures/reference/rotary-embedding.json.

Su et al. (2021), RoFormer, arXiv:2104.09864, Eq. (34): interleaved pairs (2i, 2i+1) rotated by
p * base^(-2i/d). Built here as complex multiplication: (x_2i + i x_2i+1) * exp(i p theta_i).
"""
import numpy as np

from _attention_reference import mat, rng, vec, write


def rope(x, positions=None, base=10000.0):
    n, d = x.shape
    p = np.arange(n, dtype=np.float64) if positions is None else np.asarray(positions, dtype=np.float64)
    theta = base ** (-np.arange(0, d, 2, dtype=np.float64) / d)
    z = (x[:, 0::2] + 1j * x[:, 1::2]) * np.exp(1j * np.outer(p, theta))
    out = np.empty_like(x)
    out[:, 0::2], out[:, 1::2] = z.real, z.imag
    return out


def main():
    g = rng(2104)
    cases = []
    for n, d, positions, base in [(5, 4, None, None), (7, 8, None, None), (4, 6, [3, 10, 0, 250.5], None),
                                  (6, 8, None, 500.0), (3, 16, [1000, 2000, 4096], None)]:
        x = g.standard_normal((n, d))
        kwargs = {}
        inputs = {'x': mat(x)}
        if positions is not None:
            kwargs['positions'] = positions
            inputs['positions'] = vec(positions)
        if base is not None:
            kwargs['base'] = base
            inputs['base'] = base
        cases.append({'name': f'{n}x{d}' + (' with positions' if positions else '') + (f' base {base:g}' if base else ''),
                      'inputs': inputs, 'expected': {'out': mat(rope(x, **kwargs))}})
    write('rotary-embedding', cases, 'pairs (2i, 2i+1) rotated counter-clockwise by p * base^(-2i/d)')


if __name__ == '__main__':
    main()
