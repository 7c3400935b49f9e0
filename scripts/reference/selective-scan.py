"""Reference values for src/compute/selective-scan.ts.

Regenerate: python3 scripts/reference/selective-scan.py
Writes tests/fixtures/reference/selective-scan.json.

Gu & Dao (2023), arXiv:2312.00752: the recurrence of the authors' selective_scan_ref, for one batch
element and without delta_bias, softplus or z: deltaA = exp(delta (x) A), deltaB_u = delta * B * u,
h_t = deltaA_t * h_{t-1} + deltaB_u_t, y_t = h_t . C_t + D * u. Vectorised over channels and states
with einsum (all (L, D, N) terms first, then one loop over t), unlike the TypeScript's nested loops.
"""
import numpy as np

from _attention_reference import mat, rng, vec, write


def selective_scan(u, delta, a, b, c, d):
    L, D = u.shape
    delta_a = np.exp(np.einsum('ld,dn->ldn', delta, a))  # (L, D, N)
    delta_b_u = np.einsum('ld,ln,ld->ldn', delta, b, u)
    h = np.zeros(a.shape)
    ys = []
    for t in range(L):
        h = delta_a[t] * h + delta_b_u[t]
        ys.append(np.einsum('dn,n->d', h, c[t]))
    return np.stack(ys) + u * d


def main():
    g = rng(2312)
    cases = []
    for L, D, N in [(6, 3, 4), (10, 2, 8), (4, 5, 1), (16, 4, 16)]:
        u = g.standard_normal((L, D))
        delta = np.log1p(np.exp(g.standard_normal((L, D))))  # softplus, as Mamba feeds it
        a = -np.exp(g.standard_normal((D, N)))  # negative, like -exp(A_log)
        b, c = g.standard_normal((L, N)), g.standard_normal((L, N))
        d = g.standard_normal(D)
        y = selective_scan(u, delta, a, b, c, d)
        cases.append({'name': f'L={L} D={D} N={N}',
                      'inputs': {'u': mat(u), 'delta': mat(delta), 'a': mat(a), 'b': mat(b), 'c': mat(c), 'd': vec(d)},
                      'expected': {'y': mat(y)}})
    write('selective-scan', cases, 'h_t = exp(delta_t A) h_{t-1} + delta_t B_t u_t, y_t = h_t C_t + D u_t')


if __name__ == '__main__':
    main()
