"""Helpers shared by the attention / positional-encoding / normalisation reference scripts.

Each script `scripts/reference/<name>.py` is an independent implementation of one module of
src/compute, written from the paper's equations with NumPy, not ported from the TypeScript. It
builds deterministic inputs itself (a seeded NumPy Generator), computes the expected values in
float64 and writes `tests/fixtures/reference/<name>.json`, which tests/compute/<name>.test.ts
compares against to 1e-9 relative.

Regenerate one:  python3 scripts/reference/<name>.py
Regenerate all:  for f in scripts/reference/[a-z]*.py; do python3 "$f"; done
"""
import json
import os

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))


def rng(seed):
    """A seeded generator; every script draws its inputs from fixed seeds."""
    return np.random.default_rng(seed)


def mat(a):
    """A 2-D array as nested lists of Python floats (JSON keeps every float64 bit: repr round-trips)."""
    a = np.asarray(a, dtype=np.float64)
    assert a.ndim == 2, a.shape
    return [[float(v) for v in row] for row in a]


def vec(a):
    return [float(v) for v in np.asarray(a, dtype=np.float64).ravel()]


def write(name, cases, note):
    """Writes tests/fixtures/reference/<name>.json with a header saying how to regenerate it."""
    path = os.path.join(ROOT, 'tests', 'fixtures', 'reference', f'{name}.json')
    doc = {
        'generator': f'scripts/reference/{name}.py',
        'regenerate': f'python3 scripts/reference/{name}.py',
        'note': note,
        'cases': cases,
    }
    for case in cases:
        _check_finite(case, case.get('name', '?'))
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write('\n')
    print(f'wrote {os.path.relpath(path, ROOT)} ({len(cases)} cases)')


def _check_finite(value, where):
    if isinstance(value, float):
        assert np.isfinite(value), f'non-finite value in {where}'
    elif isinstance(value, dict):
        for v in value.values():
            _check_finite(v, where)
    elif isinstance(value, list):
        for v in value:
            _check_finite(v, where)
