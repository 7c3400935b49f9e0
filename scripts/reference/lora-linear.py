"""Reference values for src/compute/lora-linear.ts.

Regenerate: python3 scripts/reference/lora-linear.py
Writes tests/fixtures/reference/lora-linear.json.

Hu et al. (2021), arXiv:2106.09685, Eq. (3) with the alpha/r scaling of Section 4.1, row vectors:
h = x W0 + (alpha / r) x A B. This version forms the merged weight W0 + (alpha/r) A B first (as one
does when deploying an adapter), unlike the TypeScript, which never forms A B.
"""
import numpy as np

from _attention_reference import mat, rng, write


def main():
    g = rng(2106)
    cases = []
    for n, d, k, r, alpha in [(3, 4, 5, 1, 1.0), (4, 8, 6, 2, 16.0), (2, 6, 6, 4, 8.0), (5, 3, 7, 3, -2.0)]:
        x = g.standard_normal((n, d))
        w0 = g.standard_normal((d, k)) / np.sqrt(d)
        a = g.standard_normal((d, r))
        b = g.standard_normal((r, k))
        merged = w0 + (alpha / r) * (a @ b)
        cases.append({'name': f'n={n} d={d} k={k} r={r} alpha={alpha}',
                      'inputs': {'x': mat(x), 'w0': mat(w0), 'a': mat(a), 'b': mat(b), 'alpha': alpha},
                      'expected': {'y': mat(x @ merged)}})
    write('lora-linear', cases, 'x (W0 + (alpha/r) A B)')


if __name__ == '__main__':
    main()
