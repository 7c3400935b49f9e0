/**
 * The Lighthouse gate's CPU calibration (scripts/lib/cpu-calibration.ts): Lighthouse's default 4×
 * on a host at or above BenchmarkIndex 1,500, proportionally less on a slower host, never under 1×.
 */
import { describe, expect, it } from 'vitest';
import { TARGET_BENCHMARK_INDEX, cpuSlowdown } from '../../scripts/lib/cpu-calibration.ts';

describe('cpuSlowdown', () => {
  it("keeps Lighthouse's default 4× on a high-end desktop host and never goes above it", () => {
    expect(cpuSlowdown(1500)).toBe(4);
    expect(cpuSlowdown(3200)).toBe(4);
  });
  it('lowers the slowdown on a slower host so the emulated phone stays the same', () => {
    expect(cpuSlowdown(1000)).toBeCloseTo(2.667, 3);
    expect(cpuSlowdown(750)).toBe(2);
    // The emulated device: host index divided by the slowdown is the target phone's index.
    for (const host of [500, 900, 1200, 1499]) expect(host / cpuSlowdown(host)).toBeCloseTo(TARGET_BENCHMARK_INDEX, 9);
  });
  it('never speeds the page up: a host slower than the target phone runs unthrottled', () => {
    expect(cpuSlowdown(375)).toBe(1);
    expect(cpuSlowdown(120)).toBe(1);
  });
});
