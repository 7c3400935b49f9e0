"""Reference values for src/compute/seeded-random.ts and src/compute/random-projection.ts.

Regenerate: python3 scripts/reference/random-projection.py
  writes tests/fixtures/reference/random-projection.json.

The uniform, normal and Poisson streams come from _seeded.py, a bit-for-bit mirror of the TypeScript
generator. The orthogonal projection is rebuilt independently: each d x d Gaussian block is
orthonormalised with numpy.linalg.qr (signs fixed so that R has a positive diagonal, which makes Q
equal to the Gram-Schmidt result), then row i is scaled by the norm of a fresh Gaussian row.
"""
import numpy as np

from _common import write
from _seeded import SeededRandom


def stream(seed, count, kind):
    rng = SeededRandom(seed)
    if kind == 'uniform':
        return [rng.next() for _ in range(count)]
    if kind == 'normal':
        return [rng.normal() for _ in range(count)]
    return [rng.poisson(3.0) for _ in range(count)]


def projection(features, d, seed, orthogonal):
    rng = SeededRandom(seed)
    if not orthogonal:
        return np.array([rng.normal() for _ in range(features * d)]).reshape(features, d)
    rows = []
    start = 0
    while start < features:
        g = np.array([rng.normal() for _ in range(d * d)]).reshape(d, d)
        qm, r = np.linalg.qr(g.T)  # columns of qm: Gram-Schmidt of the rows of g
        qm = qm * np.sign(np.diag(r))
        lengths = [np.linalg.norm([rng.normal() for _ in range(d)]) for _ in range(d)]
        for i in range(min(d, features - start)):
            rows.append(qm[:, i] * lengths[i])
        start += d
    return np.array(rows)


write('random-projection', {
    'uniform': [{'seed': s, 'values': stream(s, 12, 'uniform')} for s in (0, 1, 42, 4294967295)],
    'normal': [{'seed': s, 'values': stream(s, 9, 'normal')} for s in (1, 7)],
    'poisson': [{'seed': s, 'values': stream(s, 20, 'poisson')} for s in (3, 11)],
    'projections': [
        {'features': f, 'd': d, 'seed': s, 'orthogonal': o, 'matrix': projection(f, d, s, o)}
        for (f, d, s, o) in [(5, 3, 7, False), (7, 3, 9, True), (4, 4, 123, True), (2, 5, 5, True)]
    ],
})
