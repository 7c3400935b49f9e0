"""Reference values for src/compute/linformer-attention.ts (Wang et al. 2020, eq. 7).

Regenerate: python3 scripts/reference/linformer-attention.py
  writes tests/fixtures/reference/linformer-attention.json (inputs generated here from a fixed seed).

K' = E K, V' = F V, weights = softmax(Q K'^T / sqrt(d)) (stable: the row max is subtracted), output = weights V'.
"""
import numpy as np

from _common import write

rng = np.random.default_rng(2006)
cases = []
for name, n, m, d, dv, k in [('n=m=10, k=4', 10, 10, 4, 3, 4), ('n=6, m=12, k=3', 6, 12, 5, 2, 3), ('k=m=7 (E = F = I possible)', 7, 7, 3, 3, 7)]:
    q = rng.standard_normal((n, d))
    kk = rng.standard_normal((m, d))
    v = rng.standard_normal((m, dv))
    e = rng.standard_normal((k, m)) / np.sqrt(k)
    f = rng.standard_normal((k, m)) / np.sqrt(k)
    kp, vp = e @ kk, f @ v
    s = q @ kp.T / np.sqrt(d)
    w = np.exp(s - s.max(axis=1, keepdims=True))
    w /= w.sum(axis=1, keepdims=True)
    cases.append({'name': name, 'q': q, 'k': kk, 'v': v, 'e': e, 'f': f, 'kProj': kp, 'vProj': vp, 'weights': w, 'output': w @ vp})
write('linformer-attention', {'cases': cases})
