import { describe, expect, it } from 'vitest';
import { argmax, meanRowRms, median, rms } from '../../src/demos/shared/stats.ts';

describe('stats', () => {
  it('argmax returns the first largest entry of a slice', () => {
    expect(argmax([1, 5, 5, 2])).toBe(1);
    expect(argmax(new Float64Array([9, 1, 2, 7, 3]), 1, 3)).toBe(2);
    expect(argmax([])).toBe(-1);
  });
  it('rms and meanRowRms measure sizes', () => {
    expect(rms([3, 4])).toBeCloseTo(Math.sqrt(12.5), 12);
    expect(rms([])).toBe(0);
    expect(meanRowRms([3, 4, 0, 0], 2, 2)).toBeCloseTo(Math.sqrt(12.5) / 2, 12);
  });
  it('median handles odd and even lengths', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
