"""Reference masks for sliding-window-mask.ts and sparse-attention-patterns.ts.

Regenerate: python3 scripts/reference/attention-patterns.py
  writes tests/fixtures/reference/attention-patterns.json.

Built from the set definitions, index by index: sliding window causal {j : i - w <= j <= i},
symmetric {j : |i - j| <= w}; Sparse Transformer (Child et al. 2019, sec. 4.2) strided
A1 = {t, ..., i} with t = max(0, i - l) and A2 = {j : (i - j) mod l = 0}; fixed
A1 = {j : floor(j / l) = floor(i / l)} and A2 = {j : j mod l in {l - c, ..., l - 1}}; both causal (j <= i).
"""
import numpy as np

from _common import write


def from_sets(n, allowed):
    out = np.zeros((n, n))
    for i in range(n):
        for j in allowed(i):
            out[i, j] = 1.0
    return out


def sliding(n, w, mode):
    if mode == 'causal':
        return from_sets(n, lambda i: range(max(0, i - w), i + 1))
    return from_sets(n, lambda i: range(max(0, i - w), min(n, i + w + 1)))


def strided(n, l):
    return from_sets(n, lambda i: set(range(max(0, i - l), i + 1)) | {j for j in range(i + 1) if (i - j) % l == 0})


def fixed(n, l, c):
    return from_sets(n, lambda i: {j for j in range(i + 1) if j // l == i // l} | {j for j in range(i + 1) if j % l in range(l - c, l)})


write('attention-patterns', {
    'sliding': [{'length': n, 'window': w, 'mode': mode, 'mask': sliding(n, w, mode), 'nonzeros': int(sliding(n, w, mode).sum())}
                for (n, w, mode) in [(6, 2, 'causal'), (6, 2, 'symmetric'), (5, 0, 'causal'), (4, 9, 'symmetric'), (9, 3, 'causal')]],
    'strided': [{'length': n, 'stride': l, 'mask': strided(n, l), 'nonzeros': int(strided(n, l).sum())} for (n, l) in [(8, 3), (16, 4), (5, 1)]],
    'fixed': [{'length': n, 'stride': l, 'summary': c, 'mask': fixed(n, l, c)} for (n, l, c) in [(8, 4, 1), (12, 4, 2), (6, 3, 3)]],
})
