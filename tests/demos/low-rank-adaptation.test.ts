/** The LoRA demo's view: outputs are loraLinear's, costs are r(d + k) against d·k. */
import { describe, expect, it } from 'vitest';
import { loraLinear } from '../../src/compute/index.ts';
import { matmul } from '../../src/compute/matrix.ts';
import * as lora from '../../src/demos/low-rank-adaptation/view.ts';

describe('update panel', () => {
  it('the frozen output is x W0 and the adapted one loraLinear’s', () => {
    const s = lora.UPDATE_DEFAULTS;
    const r = lora.computeUpdate(s);
    const { x, w0, a, b } = lora.updateInputs(s.r, s.seed, false);
    expect(Array.from(r.base.data)).toEqual(Array.from(matmul(x, w0).data));
    expect(Array.from(r.adapted.data)).toEqual(Array.from(loraLinear(x, w0, a, b, 8).data));
    expect(r.updateRms).toBeGreaterThan(0);
  });
  it('B = 0 leaves the layer exactly as it was', () => {
    const r = lora.computeUpdate({ ...lora.UPDATE_DEFAULTS, fresh: true });
    expect(Array.from(r.adapted.data)).toEqual(Array.from(r.base.data));
    expect(r.updateRms).toBe(0);
    expect(lora.updateSummary({ ...lora.UPDATE_DEFAULTS, fresh: true }, r)).toContain('exactly x W0');
  });
  it('the change grows linearly with α', () => {
    const r = lora.computeUpdate(lora.UPDATE_DEFAULTS);
    const g = r.growth.find((x) => x.r === 4)!.values;
    expect(g[0]).toBe(0);
    expect(g[2]! / g[1]!).toBeCloseTo(2, 9); // α = 8 against α = 4
    expect(g[2]).toBeCloseTo(r.updateRms / r.baseRms, 12); // the current α = 8
    const html = lora.updateFigure('l', lora.UPDATE_DEFAULTS, r);
    expect(html).toContain(`data-cell="adapted-0" data-value="${r.adapted.data[0]}"`);
  });
});

describe('cost panel', () => {
  it('d = k = 4096, r = 8: 65,536 against 16,777,216 parameters, 33 MiB against 256 MiB', () => {
    const r = lora.computeCost(lora.COST_DEFAULTS);
    expect(r.full).toBe(16_777_216);
    expect(r.lora).toBe(65_536);
    expect(r.fullBytes).toBe(256 * 1024 * 1024);
    expect(r.loraBytes).toBe(2 * 16_777_216 + 16 * 65_536);
    expect(lora.costSummary(lora.COST_DEFAULTS, r)).toBe(
      'For a 4,096×4,096 matrix at rank 8, LoRA trains 65,536 parameters instead of 16,777,216 (0.391%), and training needs 33.00 MiB instead of 256 MiB.',
    );
  });
  it('says when the rank is too large to save anything', () => {
    const s = { d: 4096, k: 4096, r: 2048 };
    expect(lora.costFigure('l', s, lora.computeCost(s))).toContain('LoRA saves nothing');
  });
});
