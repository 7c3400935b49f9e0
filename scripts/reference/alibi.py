"""Reference values for src/compute/alibi.ts.

Regenerate: python3 scripts/reference/alibi.py
Writes tests/fixtures/reference/alibi.json.

Press, Smith & Lewis (2021), arXiv:2108.12409. The slopes use get_slopes exactly as in the authors'
reference code (github.com/ofirpress/attention_with_linear_biases, fairseq/models/transformer.py),
copied below; the bias is -slope * (i - j) for j <= i and 0 above the diagonal, built with NumPy.
"""
import math

import numpy as np

from _attention_reference import mat, write


def get_slopes(n):
    # From the ALiBi authors' reference code.
    def get_slopes_power_of_2(n):
        start = (2**(-2**-(math.log2(n)-3)))
        ratio = start
        return [start*ratio**i for i in range(n)]

    if math.log2(n).is_integer():
        return get_slopes_power_of_2(n)
    else:
        closest_power_of_2 = 2**math.floor(math.log2(n))
        return get_slopes_power_of_2(closest_power_of_2) + get_slopes(2*closest_power_of_2)[0::2][:n-closest_power_of_2]


def bias(length, slope):
    i = np.arange(length)[:, None]
    j = np.arange(length)[None, :]
    return np.where(j <= i, -slope * (i - j), 0.0)


def main():
    cases = []
    for h in [1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 40, 64, 96]:
        cases.append({'name': f'slopes for {h} heads', 'inputs': {'heads': h}, 'expected': {'slopes': [float(s) for s in get_slopes(h)]}})
    for length, slope in [(5, 0.5), (7, get_slopes(12)[9]), (1, 0.25), (4, 1 / 256)]:
        cases.append({'name': f'bias {length}x{length} slope {slope:g}', 'inputs': {'length': length, 'slope': float(slope)},
                      'expected': {'bias': mat(bias(length, slope))}})
    write('alibi', cases, "get_slopes from the authors' code; bias -slope*(i-j) below the diagonal")


if __name__ == '__main__':
    main()
