import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ropeFrequencies, type RopeScaling } from '../../src/compute/rope-frequencies.ts';
import { rotaryEmbedding } from '../../src/compute/rotary-embedding.ts';
import { ArgumentError, ShapeError } from '../../src/compute/errors.ts';
import { matrix } from '../../src/compute/matrix.ts';
import { expectError, expectNumbersClose, lcgMatrix, loadCases } from './attention-helpers.ts';

describe('ropeFrequencies: values derived by hand', () => {
  it('d = 4: θ = [10000⁰, 10000^(−1/2)] = [1, 0.01]; d = 8: [1, 0.1, 0.01, 0.001]', () => {
    expectNumbersClose(ropeFrequencies(4), [1, 0.01], 1e-15);
    expectNumbersClose(ropeFrequencies(8), [1, 0.1, 0.01, 0.001], 1e-14);
    expect(ropeFrequencies(0)).toEqual([]);
    expectNumbersClose(ropeFrequencies(4, { base: 100 }), [1, 0.1], 1e-15);
  });
  it('linear scaling by 4 divides every θ by 4', () => {
    expectNumbersClose(ropeFrequencies(4, { scaling: { type: 'linear', factor: 4 } }), [0.25, 0.0025], 1e-15);
  });
  it('NTK scaling by 4 at d = 4: base 10000·4^(4/2) = 160000, θ = [1, 1/400]', () => {
    expectNumbersClose(ropeFrequencies(4, { scaling: { type: 'ntk', factor: 4 } }), [1, 0.0025], 1e-14);
    // d = 8: base' = 10000·2^(8/6); θ_3 = base'^(−6/8) = 0.001/2, the lowest frequency divided by exactly the factor.
    const t = ropeFrequencies(8, { scaling: { type: 'ntk', factor: 2 } });
    expect(t[0]).toBe(1);
    expectNumbersClose([t[3]!], [0.0005], 1e-13);
  });
});

describe('ropeFrequencies: 60-digit decimal reference (scripts/reference/rope-frequencies.py)', () => {
  for (const c of loadCases<{ dim: number; base: number; scaling?: RopeScaling }, { theta: number[] }>('rope-frequencies')) {
    it(c.name, () =>
      expectNumbersClose(
        ropeFrequencies(c.inputs.dim, { base: c.inputs.base, scaling: c.inputs.scaling }),
        c.expected.theta,
        1e-12,
        0,
        'theta',
      ),
    );
  }
});

describe('ropeFrequencies: properties', () => {
  const arb = fc.record({ half: fc.integer({ min: 2, max: 64 }), factor: fc.double({ min: 0.01, max: 1000, noNaN: true }) });
  it('NTK scaling leaves θ_0 = 1 and divides the last θ by the factor; linear scaling divides every θ', () => {
    fc.assert(
      fc.property(arb, ({ half, factor }) => {
        const dim = 2 * half;
        const plain = ropeFrequencies(dim);
        const ntk = ropeFrequencies(dim, { scaling: { type: 'ntk', factor } });
        const lin = ropeFrequencies(dim, { scaling: { type: 'linear', factor } });
        expect(ntk[0]).toBe(1);
        expectNumbersClose([ntk[half - 1]! * factor], [plain[half - 1]!], 1e-12);
        expectNumbersClose(
          lin.map((t) => t * factor),
          plain,
          1e-15,
        );
      }),
    );
  });
});

describe('rotaryEmbedding uses ropeFrequencies, scaling included', () => {
  it('unscaled output is unchanged: pair i rotates by p·θ_i exactly', () => {
    const x = lcgMatrix(3, 4, 9);
    const y = rotaryEmbedding(x);
    const t = ropeFrequencies(4);
    const p = 2,
      i = 1;
    const c = Math.cos(p * t[i]!),
      s = Math.sin(p * t[i]!);
    const x0 = x.data[p * 4 + 2]!,
      x1 = x.data[p * 4 + 3]!;
    expect([y.data[p * 4 + 2], y.data[p * 4 + 3]]).toEqual([x0 * c - x1 * s, x0 * s + x1 * c]);
  });
  it('linear scaling by s at position s·p equals no scaling at position p (position interpolation)', () => {
    const x = lcgMatrix(3, 8, 4);
    const scaled = rotaryEmbedding(x, { positions: [0, 4, 8], scaling: { type: 'linear', factor: 4 } });
    const plain = rotaryEmbedding(x, { positions: [0, 1, 2] });
    expectNumbersClose(scaled.data, plain.data, 1e-14, 1e-15);
  });
  it('bad scaling is reported under rotaryEmbedding', () => {
    expectError(
      () => rotaryEmbedding(matrix([[1, 0]]), { scaling: { type: 'linear', factor: 0 } }),
      ArgumentError,
      'rotaryEmbedding',
      'scaling.factor is 0',
    );
  });
});

describe('ropeFrequencies: bad input', () => {
  it('odd or negative d, bad factor, bad type, bad base', () => {
    expectError(() => ropeFrequencies(5), ShapeError, 'ropeFrequencies', 'd = 5', 'even');
    expectError(() => ropeFrequencies(-2), ShapeError, 'ropeFrequencies', 'd = -2');
    for (const factor of [0, -1, NaN, Infinity]) {
      expectError(
        () => ropeFrequencies(4, { scaling: { type: 'ntk', factor } }),
        ArgumentError,
        'ropeFrequencies',
        `scaling.factor is ${factor}`,
        'd = 4',
      );
      expectError(
        () => ropeFrequencies(4, { scaling: { type: 'linear', factor } }),
        ArgumentError,
        'ropeFrequencies',
        `scaling.factor is ${factor}`,
      );
    }
    expectError(
      () => ropeFrequencies(4, { scaling: { type: 'yarn' as 'ntk', factor: 2 } }),
      ArgumentError,
      'ropeFrequencies',
      'scaling.type is yarn',
    );
    expectError(
      () => ropeFrequencies(2, { scaling: { type: 'ntk', factor: 2 } }),
      ShapeError,
      'ropeFrequencies',
      'NTK scaling needs d > 2',
    );
    expectError(() => ropeFrequencies(4, { base: 0 }), ArgumentError, 'ropeFrequencies', 'base is 0');
  });
});
