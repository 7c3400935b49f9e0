"""Reference values for src/compute/performer-features.ts (Choromanski et al. 2020, Lemma 1, FAVOR+).

Regenerate: python3 scripts/reference/performer-features.py
  writes tests/fixtures/reference/performer-features.json (inputs generated here from a fixed seed).

phi(x) = exp(W x - |x|^2 / 2) / sqrt(m) for a given projection W (m x d); the FAVOR+ attention output
is D^-1 phi(Q') (phi(K')^T V) with Q' = Q d^(-1/4), K' = K d^(-1/4), D = diag(phi(Q') phi(K')^T 1),
computed here without any stabiliser (inputs are small), unlike the TypeScript.
"""
import numpy as np

from _common import write


def features(x, w):
    return np.exp(x @ w.T - 0.5 * (x * x).sum(axis=1, keepdims=True)) / np.sqrt(w.shape[0])


rng = np.random.default_rng(2009)
cases = []
for name, n, mk, d, dv, feats in [('5 queries, 6 keys, d=3, m=8', 5, 6, 3, 2, 8), ('4x4, d=4, m=16', 4, 4, 4, 3, 16)]:
    q = rng.standard_normal((n, d))
    k = rng.standard_normal((mk, d))
    v = rng.standard_normal((mk, dv))
    w = rng.standard_normal((feats, d))
    root = d ** -0.25
    fq, fk = features(q * root, w), features(k * root, w)
    out = (fq @ (fk.T @ v)) / (fq @ fk.sum(axis=0))[:, None]
    cases.append({'name': name, 'q': q, 'k': k, 'v': v, 'projection': w, 'qFeatures': features(q, w), 'output': out})
write('performer-features', {'cases': cases})
