import { describe, expect, it } from 'vitest';
import { LEVELS, cellColour, seriesColour, valueRange } from '../../src/demos/shared/colour.ts';

describe('valueRange', () => {
  it('ignores non-finite (masked) values', () => {
    expect(valueRange([1, -Infinity, 3, NaN], 'sequential')).toEqual({ min: 1, max: 3 });
  });
  it('is symmetric for diverging scales', () => {
    expect(valueRange([-2, 0.5], 'diverging')).toEqual({ min: -2, max: 2 });
  });
  it('falls back to [0, 1] when nothing is finite', () => {
    expect(valueRange([-Infinity], 'sequential')).toEqual({ min: 0, max: 1 });
  });
});

describe('cellColour', () => {
  it('maps a sequential range onto levels 0 … LEVELS', () => {
    const range = { min: 0, max: 1 };
    expect(cellColour(0, 'sequential', range)).toEqual({ t: 0, level: 0, className: 'hm-pos hm-l0' });
    expect(cellColour(1, 'sequential', range).className).toBe(`hm-pos hm-l${LEVELS}`);
    expect(cellColour(0.54, 'sequential', range).level).toBe(5);
    expect(cellColour(2, 'sequential', range).t).toBe(1);
  });
  it('uses the sign and |v| / max|v| on a diverging scale', () => {
    const range = { min: -4, max: 4 };
    expect(cellColour(-4, 'diverging', range).className).toBe('hm-neg hm-l10');
    expect(cellColour(2, 'diverging', range)).toMatchObject({ t: 0.5, className: 'hm-pos hm-l5' });
  });
  it('gives a constant matrix a defined colour', () => {
    expect(cellColour(3, 'sequential', { min: 3, max: 3 }).level).toBe(LEVELS);
    expect(cellColour(0, 'diverging', { min: 0, max: 0 }).level).toBe(0);
    expect(cellColour(-Infinity, 'sequential', { min: 0, max: 1 }).level).toBe(0);
  });
  it('names the categorical colours cyclically', () => {
    expect(seriesColour(0)).toBe('var(--c0)');
    expect(seriesColour(13)).toBe('var(--c1)');
    expect(seriesColour(-1)).toBe('var(--c11)');
  });
});
