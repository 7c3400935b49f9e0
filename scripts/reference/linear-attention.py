"""Reference values for src/compute/linear-attention.ts (Katharopoulos et al. 2020, eq. 6-7 and 8-12).

Regenerate: python3 scripts/reference/linear-attention.py
  writes tests/fixtures/reference/linear-attention.json (inputs generated here from a fixed seed).

phi(x) = elu(x) + 1. Non-causal output uses the shared sums S = phi(K)^T V and z = sum_j phi(k_j);
causal output is computed the quadratic way, A = tril(phi(Q) phi(K)^T), O = A V / (A 1 + eps), which
is independent of the prefix-sum recurrence the TypeScript uses. kv and z are the sums over all keys.
"""
import numpy as np

from _common import write


def phi(x):
    return np.where(x > 0, x + 1.0, np.exp(np.minimum(x, 0.0)))


def linear(q, k, v, causal, eps):
    fq, fk = phi(q), phi(k)
    kv = fk.T @ v
    z = fk.sum(axis=0)
    if causal:
        a = np.tril(fq @ fk.T)
        out = (a @ v) / (a.sum(axis=1) + eps)[:, None]
    else:
        out = (fq @ kv) / (fq @ z + eps)[:, None]
    return out, kv, z


rng = np.random.default_rng(2020)
cases = []
for name, n, mk, d, dv, causal, eps, spread in [
    ('non-causal 6x9', 6, 9, 4, 3, False, 0.0, 1.0),
    ('causal 8x8', 8, 8, 3, 2, True, 0.0, 1.0),
    ('causal 5x5 eps 1e-3', 5, 5, 2, 4, True, 1e-3, 2.0),
    ('non-causal 4x7 wide inputs', 4, 7, 5, 2, False, 0.0, 6.0),
]:
    q = rng.standard_normal((n, d)) * spread
    k = rng.standard_normal((mk, d)) * spread
    v = rng.standard_normal((mk, dv))
    out, kv, z = linear(q, k, v, causal, eps)
    cases.append({'name': name, 'causal': causal, 'eps': eps, 'q': q, 'k': k, 'v': v, 'output': out, 'kv': kv, 'z': z})
write('linear-attention', {'cases': cases})
