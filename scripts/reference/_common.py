"""Shared helper for the reference scripts: write(name, data) -> tests/fixtures/reference/<name>.json.

NumPy arrays and scalars inside `data` become plain lists and numbers; finite floats keep every bit
(Python's repr round-trips), and non-finite floats are written as the strings "Infinity",
"-Infinity" and "NaN", because JSON has no literal for them.
"""
import json
import math
import os

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))


def _plain(value):
    if isinstance(value, np.ndarray):
        return _plain(value.tolist())
    if isinstance(value, np.generic):
        return _plain(value.item())
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return 'NaN' if math.isnan(value) else ('Infinity' if value > 0 else '-Infinity')
    return value


def write(name, data):
    path = os.path.join(ROOT, 'tests', 'fixtures', 'reference', f'{name}.json')
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(_plain(data), f, indent=1, allow_nan=False)
        f.write('\n')
    print(f'wrote {os.path.relpath(path, ROOT)}')
