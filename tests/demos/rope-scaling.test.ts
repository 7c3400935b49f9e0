/** The RoPE-scaling demo's view: frequencies and curves come from ropeFrequencies and rotaryEmbedding. */
import { describe, expect, it } from 'vitest';
import { matrix, ropeFrequencies, rotaryEmbedding } from '../../src/compute/index.ts';
import * as rope from '../../src/demos/rope-scaling/view.ts';

describe('rope-scaling view', () => {
  const r = rope.computeScaling(rope.DEFAULTS);
  it('uses ropeFrequencies with no, linear and NTK scaling at s = target / train', () => {
    expect(r.factor).toBe(4);
    const [none, linear, ntk] = r.variants;
    expect(none!.theta).toEqual(ropeFrequencies(64));
    expect(linear!.theta).toEqual(ropeFrequencies(64, { scaling: { type: 'linear', factor: 4 } }));
    expect(ntk!.theta).toEqual(ropeFrequencies(64, { scaling: { type: 'ntk', factor: 4 } }));
    expect(linear!.theta[0]).toBe(0.25);
    expect(ntk!.theta[0]).toBe(1);
  });
  it('keeps the slowest angle within training for both scalings, and not without', () => {
    const [none, linear, ntk] = r.variants;
    expect(r.trainedAngle).toBeCloseTo(2048 * 10000 ** (-62 / 64), 12);
    expect(none!.maxAngle).toBeCloseTo(4 * r.trainedAngle, 10);
    expect(linear!.maxAngle).toBeCloseTo(r.trainedAngle, 12);
    expect(ntk!.maxAngle).toBeCloseTo(r.trainedAngle, 12);
    const html = rope.scalingFigure('r', rope.DEFAULTS, r);
    expect(html).toContain('data-cell="none-inside">no<');
    expect(html).toContain('data-cell="linear-inside">yes<');
    expect(html).toContain('data-cell="ntk-inside">yes<');
  });
  it('draws the score curve with rotaryEmbedding under the same scaling', () => {
    const q = rope.slowPairsVector(64);
    expect(Array.from(q.data.slice(0, 32)).every((v) => v === 0)).toBe(true);
    expect(Array.from(q.data.slice(32)).every((v) => v === 1)).toBe(true);
    const i = 100;
    const delta = r.offsets[i]!;
    const scaling = { type: 'linear' as const, factor: 4 };
    const a = rotaryEmbedding(q, { positions: [0], scaling });
    const b = rotaryEmbedding(matrix([Array.from(q.data)]), { positions: [delta], scaling });
    const dot = Array.from(a.data).reduce((acc, v, c) => acc + v * b.data[c]!, 0);
    expect(r.variants[1]!.curve[i]).toBeCloseTo(dot, 12);
    expect(r.variants[0]!.curve[0]).toBeCloseTo(32, 12); // 32 ones, no rotation at Δ = 0
    // Linear scaling at 4·Δ equals no scaling at Δ: the end of the curve is the unscaled score at 2,048.
    expect(r.offsets.at(-1)).toBe(8192);
    expect(r.variants[1]!.curve.at(-1)).toBeCloseTo(rope.computeScaling({ ...rope.DEFAULTS, target: 2048 }).variants[0]!.curve.at(-1)!, 9);
  });
  it('needs no scaling when the target fits the training length', () => {
    const s = { ...rope.DEFAULTS, target: 1024 };
    const short = rope.computeScaling(s);
    expect(short.factor).toBe(1);
    expect(short.variants[1]!.theta).toEqual(short.variants[0]!.theta);
    expect(rope.scalingSummary(s, short)).toContain('no scaling is needed');
  });
});
