"""Reference values for src/compute/flash-attention.ts: standard (non-tiled) attention in NumPy.

Regenerate: python3 scripts/reference/flash-attention.py
  writes tests/fixtures/reference/flash-attention.json (inputs are generated here from fixed seeds).

For each case it computes S = scale * Q K^T + bias, masks (mask == 0 or causal j > i) to -inf,
m_i = max over allowed S_ij, l_i = sum exp(S_ij - m_i), O_i = sum exp(S_ij - m_i) V_j / l_i and
logsumexp_i = m_i + log l_i; a row with no allowed key gets O_i = 0, m_i = -inf, l_i = 0.
This is the whole-matrix computation the tiled kernel must reproduce.
"""
import numpy as np

from _common import write


def attention(q, k, v, causal=False, mask=None, bias=None, scale=None):
    n, d = q.shape
    m = k.shape[0]
    scale = 1.0 / np.sqrt(d) if scale is None else scale
    s = scale * (q @ k.T)
    if bias is not None:
        s = s + bias
    allowed = np.ones((n, m), dtype=bool)
    if mask is not None:
        allowed &= mask != 0
    if causal:
        allowed &= np.tril(np.ones((n, m), dtype=bool))
    out = np.zeros((n, v.shape[1]))
    row_max = np.full(n, -np.inf)
    row_sum = np.zeros(n)
    for i in range(n):
        if not allowed[i].any():
            continue
        row_max[i] = s[i][allowed[i]].max()
        p = np.where(allowed[i], np.exp(s[i] - row_max[i]), 0.0)
        row_sum[i] = p.sum()
        out[i] = (p @ v) / row_sum[i]
    with np.errstate(divide='ignore'):
        lse = row_max + np.log(row_sum)
    return out, row_max, row_sum, lse


def case(name, rng, n, m, d, dv, block, causal=False, mask=False, bias=False, scale=None, spread=1.0, full_masked_row=None):
    q = rng.standard_normal((n, d)) * spread
    k = rng.standard_normal((m, d)) * spread
    v = rng.standard_normal((m, dv))
    mk = (rng.random((n, m)) < 0.6).astype(float) if mask else None
    if mk is not None and full_masked_row is not None:
        mk[full_masked_row] = 0.0
    bs = rng.standard_normal((n, m)) * 2.0 if bias else None
    out, row_max, row_sum, lse = attention(q, k, v, causal, mk, bs, scale)
    c = {'name': name, 'blockSize': block, 'causal': causal, 'q': q, 'k': k, 'v': v,
         'output': out, 'rowMax': row_max, 'rowSum': row_sum, 'logSumExp': lse}
    if mk is not None:
        c['mask'] = mk
    if bs is not None:
        c['bias'] = bs
    if scale is not None:
        c['scale'] = scale
    return c


rng = np.random.default_rng(20221)
cases = [
    case('plain 9x9, B=4', rng, 9, 9, 4, 3, 4),
    case('causal 10x10, B=3', rng, 10, 10, 5, 2, 3, causal=True),
    case('mask 6x11 with a fully masked row, B=4', rng, 6, 11, 3, 4, 4, mask=True, full_masked_row=2),
    case('bias + scale 0.3, 8x8, B=5', rng, 8, 8, 4, 4, 5, bias=True, scale=0.3),
    case('causal + mask + bias, 12x12, B=5', rng, 12, 12, 6, 3, 5, causal=True, mask=True, bias=True),
    case('logits near 1e4, 7x5, B=2', rng, 7, 5, 4, 2, 2, spread=60.0),
    case('one block larger than n, 5x3, B=64', rng, 5, 3, 2, 2, 64),
]
write('flash-attention', {'cases': cases})
