"""Reference values for src/compute/sinusoidal-encoding.ts.

Regenerate: python3 scripts/reference/sinusoidal-encoding.py
Writes tests/fixtures/reference/sinusoidal-encoding.json.

Vaswani et al. (2017), arXiv:1706.03762, Section 3.5:
PE[p, 2i] = sin(p / base^(2i/d)), PE[p, 2i+1] = cos(p / base^(2i/d)), built with an outer product.
"""
import numpy as np

from _attention_reference import mat, write


def sinusoidal(length, d, base=10000.0):
    pos = np.arange(length, dtype=np.float64)[:, None]
    div = base ** (np.arange(0, d, 2, dtype=np.float64) / d)
    pe = np.zeros((length, d))
    pe[:, 0::2] = np.sin(pos / div)
    pe[:, 1::2] = np.cos(pos / div)
    return pe


def main():
    cases = []
    for length, d, base in [(6, 4, None), (10, 8, None), (50, 16, None), (8, 6, 100.0), (3, 2, None)]:
        pe = sinusoidal(length, d) if base is None else sinusoidal(length, d, base)
        inputs = {'length': length, 'dModel': d}
        if base is not None:
            inputs['base'] = base
        cases.append({'name': f'{length}x{d}' + (f' base {base:g}' if base else ''), 'inputs': inputs, 'expected': {'pe': mat(pe)}})
    write('sinusoidal-encoding', cases, 'interleaved sin/cos at p / base^(2i/d)')


if __name__ == '__main__':
    main()
