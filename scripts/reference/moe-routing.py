"""Reference values for top-k-gating.ts, load-balancing-loss.ts and expert-capacity.ts.

Regenerate: python3 scripts/reference/moe-routing.py
  writes tests/fixtures/reference/moe-routing.json (router logits generated here from a fixed seed).

probs = softmax(logits) per token; top-k by a stable sort of -probs (ties keep the lower index);
gates raw (Switch) or divided by their sum (GShard); combine = dense T x E gates. Load-balancing loss
alpha * E * sum_e f_e P_e with f_e the fraction of argmax choices (first index on ties) and P_e the
mean probability (Fedus et al. 2021, eq. 4-6). Capacity C = min(T, floor(T * factor / E)); choices are
served rank by rank, tokens in order (GShard Algorithm 1 / Mesh-TensorFlow's position_in_expert).
"""
import math

import numpy as np

from _common import write


def softmax(x):
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def gating(logits, k, renormalize):
    p = softmax(logits)
    idx = np.argsort(-p, axis=1, kind='stable')[:, :k]
    g = np.take_along_axis(p, idx, axis=1)
    if renormalize:
        g = g / g.sum(axis=1, keepdims=True)
    combine = np.zeros_like(p)
    np.put_along_axis(combine, idx, g, axis=1)
    return p, idx, g, combine


def balance(logits, alpha):
    p = softmax(logits)
    t, e = p.shape
    f = np.bincount(p.argmax(axis=1), minlength=e) / t
    pm = p.mean(axis=0)
    return alpha * e * float(f @ pm), f, pm


def dispatch(idx, experts, factor):
    t, k = idx.shape
    cap = min(t, math.floor(t * factor / experts))
    load = [0] * experts
    kept = np.zeros((t, k), dtype=bool)
    for r in range(k):
        for tok in range(t):
            e = idx[tok, r]
            if load[e] < cap:
                load[e] += 1
                kept[tok, r] = True
    dropped = [tok for tok in range(t) if not kept[tok].any()]
    return cap, kept, load, dropped


rng = np.random.default_rng(1701)
cases = []
for name, t, e, k, renorm, alpha, factor, skew in [
    ('top-1 raw, 8 tokens, 4 experts', 8, 4, 1, False, 0.01, 1.0, 0.0),
    ('top-2 renormalised, 10 tokens, 5 experts', 10, 5, 2, True, 0.01, 1.25, 0.0),
    ('top-2 raw, skewed router, 12 tokens, 4 experts', 12, 4, 2, False, 1.0, 1.0, 3.0),
    ('top-3 renormalised, 6 tokens, 8 experts', 6, 8, 3, True, 0.5, 2.0, 0.0),
]:
    logits = rng.standard_normal((t, e)) * 1.5
    logits[:, 0] += skew
    p, idx, g, combine = gating(logits, k, renorm)
    loss, f, pm = balance(logits, alpha)
    cap, kept, load, dropped = dispatch(idx, e, factor)
    cases.append({
        'name': name, 'logits': logits, 'k': k, 'renormalize': renorm, 'alpha': alpha, 'capacityFactor': factor,
        'probs': p, 'indices': idx, 'gates': g, 'combine': combine,
        'loss': loss, 'fraction': f, 'meanProb': pm,
        'capacity': cap, 'kept': kept, 'load': load, 'dropped': dropped,
    })
write('moe-routing', {'cases': cases})
